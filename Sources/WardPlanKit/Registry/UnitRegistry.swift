import Foundation

/// The commune-level units of the country (`Resources/Data/units.csv`, made from the General
/// Statistics Office list by `scripts/registry/make_units.py`), or a city's own list
/// (`registry.csv`: `code,name,kind,group`). Finds the unit a plan's ward is: by kind and name,
/// settled by the plan's province when the name is found in several.
public struct UnitRegistry: Sendable, Hashable {
    public struct Unit: Sendable, Hashable, Codable {
        /// The official code.
        public var code: Int
        /// The official name: "Phường Ngọc Hà".
        public var name: String
        /// `phuong`, `xa` or `dac-khu`.
        public var kind: String
        /// "Thành phố Hà Nội"; for a city's own list, its group (cluster) when it gives one.
        public var province: String
        /// A city's grouping (cluster) from its own list.
        public var group: String?
    }

    public var units: [Unit] {
        didSet { byName = Self.index(units) }
    }
    /// Where the list came from (for messages).
    public var source: String
    /// The units of each name (folded, without "Phường", "Xã", "Đặc khu"), in list order: a plan
    /// is matched with a look-up, not a walk over 3,321 units (for a country's plans, 11 million).
    private var byName: [String: [Int]]

    public init(units: [Unit], source: String) {
        self.units = units
        self.source = source
        byName = Self.index(units)
    }

    private static func index(_ units: [Unit]) -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for (i, unit) in units.enumerated() { index[bareName(unit).foldedKey, default: []].append(i) }
        return index
    }

    /// The shipped national list.
    public static let national: UnitRegistry = {
        guard let url = Bundle.module.url(forResource: "units", withExtension: "csv", subdirectory: "Data"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { fatalError("the shipped units.csv is missing from the bundle") }
        do { return try national(csv: text, source: "units.csv") } catch {
            fatalError("the shipped units.csv does not load: \(error)")
        }
    }()

    /// Reads the national list: `code,name,kind,province_code,province` after `#` comment lines.
    /// On its bytes where they settle every step (`nationalUnitsOnBytes`), else by `rows`.
    static func national(csv text: String, source: String) throws(DataFileError) -> UnitRegistry {
        if let units = nationalUnitsOnBytes(text) { return UnitRegistry(units: units, source: source) }
        return try nationalByRows(csv: text, source: source)
    }

    /// `national(csv:source:)` through `rows`: the reader for any list, with its errors, and the
    /// reference for `FastPath28STests`.
    static func nationalByRows(csv text: String, source: String) throws(DataFileError) -> UnitRegistry {
        var units: [Unit] = []
        for (n, row) in try Self.rows(
            text, path: source, header: ["code", "name", "kind", "province_code", "province"])
        {
            guard let code = Int(row[0]) else {
                throw DataFileError(path: source, line: n, message: "code \"\(row[0])\" is not a number")
            }
            units.append(Unit(code: code, name: row[1], kind: row[2], province: row[4]))
        }
        return UnitRegistry(units: units, source: source)
    }

    /// Reads a city's own list, `code,name,kind,group`: each unit must be in the national list (by
    /// code), whose official name and province it takes; `name` and `kind` must agree with it.
    public static func city(csv text: String, path: String, national: UnitRegistry = .national) throws(DataFileError)
        -> UnitRegistry
    {
        let byCode = Dictionary(national.units.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var units: [Unit] = []
        for (n, row) in try Self.rows(text, path: path, header: ["code", "name", "kind", "group"]) {
            guard let code = Int(row[0]), var unit = byCode[code] else {
                throw DataFileError(
                    path: path, line: n, message: "code \"\(row[0])\" is not the code of a unit of the national list")
            }
            let name = row[1].foldedKey
            guard name == unit.name.foldedKey || name == Self.bareName(unit).foldedKey else {
                throw DataFileError(path: path, line: n, message: "code \(code) is \(unit.name), not \"\(row[1])\"")
            }
            if !row[2].isEmpty && Slug.of(row[2]) != unit.kind {
                throw DataFileError(path: path, line: n, message: "code \(code) is a \(unit.kind), not \"\(row[2])\"")
            }
            unit.group = row[3].isEmpty ? nil : row[3]
            units.append(unit)
        }
        return UnitRegistry(units: units, source: path)
    }

    /// Data rows with their line numbers; `#` lines and blank lines skipped; the header checked.
    static func rows(_ text: String, path: String, header: [String]) throws(DataFileError) -> [(Int, [String])] {
        var out: [(Int, [String])] = []
        var sawHeader = false
        // The sets fetched once: each fetch of `CharacterSet.whitespaces` costs ≈ 900 instructions.
        let whitespaces = CharacterSet.whitespaces
        let whitespacesAndNewlines = CharacterSet.whitespacesAndNewlines
        for (i, raw) in CSVCuts.lines(of: text).enumerated() {
            // Foundation's trimming, search and normalisation only where they can change something:
            // on the 3,321 rows of the shipped list they were ≈ 0.7 G instructions, ≈ 0.2 s of every
            // `compare` and `letters` run, for rows that are trimmed and NFC already (perf19).
            let line =
                (CSVCuts.endsInLettersOrDigits(raw) || Self.isTrimmed(raw, of: whitespacesAndNewlines))
                    && !raw.utf8.contains(0xEF)
                ? String(raw)
                : raw.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\u{FEFF}", with: "")
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = CSVCuts.cells(of: line[...]).map { cell in
                (CSVCuts.endsInLettersOrDigits(cell) || Self.isTrimmed(cell, of: whitespaces))
                    && cell.utf8.withContiguousStorageIfAvailable(NFCQuickCheck.isNFC) == true
                    ? String(cell) : cell.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
            }
            if !sawHeader {
                guard cells.map({ $0.lowercased() }) == header else {
                    throw DataFileError(
                        path: path, line: i + 1, message: "the first row must be \(header.joined(separator: ","))")
                }
                sawHeader = true
                continue
            }
            guard cells.count == header.count else {
                throw DataFileError(
                    path: path, line: i + 1,
                    message: "\(cells.count) fields; expected \(header.count): \(header.joined(separator: ","))")
            }
            out.append((i + 1, cells))
        }
        return out
    }

    /// Whether `text` neither starts nor ends with a scalar of `set`: `trimmingCharacters(in: set)`
    /// would return it as it is. (No U+FEFF either, when the caller checks for its lead byte 0xEF.)
    static func isTrimmed(_ text: Substring, of set: CharacterSet) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        return !set.contains(first) && !set.contains(last)
    }

    /// "Ngọc Hà" of "Phường Ngọc Hà".
    static func bareName(_ unit: Unit) -> String {
        if let bare = bareNameOnBytes(unit.name) { return bare }
        for prefix in kindPrefixes where unit.name.hasPrefix(prefix) {
            return String(unit.name.dropFirst(prefix.count))
        }
        return unit.name
    }

    static let kindPrefixes = ["Phường ", "Xã ", "Đặc khu "]

    /// `bareName` for a name that starts with a prefix's bytes followed by an ASCII scalar or a
    /// precomposed Latin letter (U+00C0–U+024F, U+1E00–U+1EFF): such a scalar joins nothing before
    /// it into one character, so the name's first characters are the prefix's (`hasPrefix`), and
    /// dropping them leaves the bytes after. The prefixes' first letters (P, X, Đ) are single
    /// characters no other equals, so an earlier prefix cannot match a name that starts with a
    /// later one's bytes. Nil for any other name (the `Character` walk decides); each unit's key
    /// walked its name twice by `Character`, ≈ 5,700 instructions a unit at every start.
    static func bareNameOnBytes(_ name: String) -> String? {
        let utf8 = name.utf8
        for prefix in kindPrefixes where utf8.starts(with: prefix.utf8) {
            let rest = String(decoding: utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
            guard let value = rest.unicodeScalars.first?.value,
                value < 0x80 || (0xC0...0x24F).contains(value) || (0x1E00...0x1EFF).contains(value)
            else { return nil }
            return rest
        }
        return nil
    }

    /// What a plan's ward is in this list.
    public enum Match: Sendable, Hashable {
        case unit(Unit)
        /// The name is found in several provinces and the plan's province does not settle it.
        case ambiguous([Unit])
        case none
    }

    /// The unit of a plan's ward: kind and name (case, tone marks and đ/d ignored), settled by the
    /// plan's province when the name is found in several.
    public func match(_ ward: Ward) -> Match {
        guard let name = ward.name?.foldedKey, !name.isEmpty else { return .none }
        let kind = Applicability.kindKey(ward.kind)
        var found = (byName[name] ?? []).map { units[$0] }.filter { kind == nil || $0.kind == kind }
        if found.count > 1, let province = ward.province?.foldedKey, !province.isEmpty {
            found = found.filter { $0.province.foldedKey.containsWords(province) }
        }
        switch found.count {
        case 0: return .none
        case 1: return .unit(found[0])
        default: return .ambiguous(found)
        }
    }

    /// The official code of a plan's ward, when it names exactly one unit of the list.
    public func code(of ward: Ward) -> Int? {
        if case .unit(let unit) = match(ward) { unit.code } else { nil }
    }

    /// The official code as the General Statistics Office writes it, five digits: 8 → "00008".
    /// Ward keys and plan ids of matched plans are made from it.
    public static func codeText(_ code: Int) -> String {
        let digits = String(code)
        return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// Official code → group, for the units of a city's list that have one (`Comparer.groups`).
    public static func groups(of units: [Unit]) -> [Int: String] {
        Dictionary(units.compactMap { u in u.group.map { (u.code, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    /// The units of the provinces named ("Hà Nội" matches "Thành phố Hà Nội").
    public func units(inProvinces names: [String]) -> [Unit] {
        let keys = names.map(\.foldedKey)
        return units.filter { unit in keys.contains { unit.province.foldedKey.containsWords($0) } }
    }
}
