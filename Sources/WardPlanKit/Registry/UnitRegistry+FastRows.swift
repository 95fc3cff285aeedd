/// The shipped national list read on its bytes. `rows(_:path:header:)` walks each line and cell as
/// `Substring`s and asks Foundation where a byte cannot settle a cut or a trim: ≈ 46 M
/// instructions for the 3,321 units, paid by every `compare`. This reader takes a list only where
/// every step of `rows` is settled by the bytes, and then makes the same `String`s; anywhere else
/// it gives nil and `rows` reads the list (with its errors).
extension UnitRegistry {
    /// The units `national(csv:source:)` reads from `text` through `rows`, or nil when a line is
    /// not one this reader settles: a text with a CR or a byte 0xEF (a BOM's lead byte; `rows`
    /// removes U+FEFF); a line or cell whose first or last scalar is not `isPlainEnd` (so neither
    /// trimmed nor a scalar a comma or "#" could join); a cell that is not NFC by the quick check; a
    /// comma that may not be a character of its own; a first row other than the header exactly; a row of
    /// another number of cells or a code that is not a number (`rows` then reports it).
    static func nationalUnitsOnBytes(_ text: String) -> [Unit]? {
        var text = text
        return text.withUTF8 { bytes -> [Unit]? in
            guard !bytes.contains(0x0D), !bytes.contains(0xEF) else { return nil }
            let header = Array("code,name,kind,province_code,province".utf8)
            var units: [Unit] = []
            var sawHeader = false
            var cells: [String] = []
            cells.reserveCapacity(5)
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                // A blank line, or a comment: "#" followed by an ASCII byte or nothing.
                if end == start { continue }
                if bytes[start] == UInt8(ascii: "#") {
                    guard end == start + 1 || bytes[start + 1] < 0x80 else { return nil }
                    continue
                }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                guard isPlainEnd(line, first: true), isPlainEnd(line, first: false) else { return nil }
                if !sawHeader {
                    guard line.elementsEqual(header) else { return nil }
                    sawHeader = true
                    continue
                }
                cells.removeAll(keepingCapacity: true)
                var cellStart = 0
                for k in 0...line.count where k == line.count || line[k] == 0x2C {
                    if k < line.count {
                        // A cut as `CSVCuts.cells` makes it: an ASCII byte (or the end) after the
                        // comma, and before it a scalar that cannot be Prepend; or, after it, a
                        // Latin letter (`isPlainEnd`), which joins nothing before it either (the
                        // line's `Character` split, where `cells` sends it, cuts there too).
                        guard
                            k + 1 == line.count || line[k + 1] < 0x80
                                || isPlainEnd(UnsafeBufferPointer(rebasing: line[(k + 1)...]), first: true),
                            k == 0 || !CSVCuts.mayBePrepend(CSVCuts.scalar(endingBefore: k, in: line))
                        else { return nil }
                    }
                    let cell = UnsafeBufferPointer(rebasing: line[cellStart..<k])
                    if !cell.isEmpty {
                        guard isPlainEnd(cell, first: true), isPlainEnd(cell, first: false),
                            NFCQuickCheck.isNFC(cell)
                        else { return nil }
                    }
                    cells.append(String(decoding: cell, as: UTF8.self))
                    cellStart = k + 1
                }
                guard cells.count == 5, let code = Int(cells[0]) else { return nil }
                units.append(Unit(code: code, name: cells[1], kind: cells[2], province: cells[4]))
            }
            return sawHeader ? units : nil
        }
    }

    /// Whether the first (or last) scalar of non-empty valid UTF-8 `bytes` is a printing ASCII
    /// character (U+0021–U+007E) or a Latin letter (U+00C0–U+024F, U+1E00–U+1EFF): none of them is
    /// white space or a newline (so `rows` trims nothing there), none joins a character before or
    /// after it (GB9, GB9a, GB9b), and no "#" or "," next to it is anything but its own character.
    static func isPlainEnd(_ bytes: UnsafeBufferPointer<UInt8>, first: Bool) -> Bool {
        guard !bytes.isEmpty else { return false }
        let value: UInt32
        if first {
            let lead = bytes[0]
            if lead < 0x80 { return (0x21...0x7E).contains(lead) }
            var decoder = UTF8()
            var iterator = bytes.makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
            value = scalar.value
        } else {
            let last = bytes[bytes.count - 1]
            if last < 0x80 { return (0x21...0x7E).contains(last) }
            value = CSVCuts.scalar(endingBefore: bytes.count, in: bytes).value
        }
        return (0xC0...0x24F).contains(value) || (0x1E00...0x1EFF).contains(value)
    }
}
