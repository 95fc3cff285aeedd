import Foundation

/// A ruling drawn on a PDF page: an axis-parallel line, in points from the page's top left corner
/// (the space of `pdftotext -bbox-layout`'s word boxes).
struct PDFRuling: Hashable, Sendable {
    enum Axis: Hashable, Sendable { case horizontal, vertical }
    var axis: Axis
    /// y of a horizontal ruling, x of a vertical one.
    var position: Double
    /// Where it starts and ends along its axis (x for a horizontal ruling, y for a vertical one).
    var start: Double
    var end: Double

    init(_ axis: Axis, at position: Double, from start: Double, to end: Double) {
        self.axis = axis
        self.position = position
        self.start = min(start, end)
        self.end = max(start, end)
    }

    /// Whether the ruling passes `value` along its axis, `slack` points either side.
    func covers(_ value: Double, slack: Double = 1) -> Bool {
        value >= start - slack && value <= end + slack
    }
}

/// The rulings of a PDF's pages, read from the vector drawing that `pdftocairo -svg` writes (one
/// SVG for all pages, a `<page>` each): stroked straight segments that are horizontal or vertical,
/// and thin filled rectangles (word processors draw borders as `re f`: one side under
/// `maxThickness`). Glyphs are defined once in `<defs>` and placed with `<use>`, so paths inside
/// `<defs>` are skipped. The SVG is untrusted: it is scanned byte by byte for `<path>` tags and
/// their `style`, `d` and `transform` attributes, with no XML parser, entities or network, and a
/// cap on the paths read.
enum PDFRulings {
    /// Thicker than this, a filled rectangle is a shape (a shaded cell), not a border.
    static let maxThickness = 1.5
    /// Paths read at most; a drawing with more (a map, a chart) keeps its first ones.
    static let maxPaths = 200_000

    /// The rulings of pages `first...last` (1-based) of `pdf`, by page, or nil when `pdftocairo`
    /// is missing, fails, times out or writes more than `limits` allow: the reader then goes on
    /// without rulings.
    static func read(
        pdf: URL, pages: ClosedRange<Int>, searchPath: [String]?, limits: InputLimits
    ) -> [[PDFRuling]]? {
        let tool = ExternalTool("pdftocairo", searchPath: searchPath)
        guard
            let result = tool.run(
                ["-svg", "-f", "\(pages.lowerBound)", "-l", "\(pages.upperBound)", pdf.path, "-"],
                timeout: limits.toolTimeout, maxOutputBytes: limits.maxUncompressedBytes),
            result.status == 0, !result.timedOut, !result.truncated
        else { return nil }
        return Self.pages(svg: result.stdout)
    }

    /// The rulings of each page of an SVG written by `pdftocairo`, merged (`merged`).
    static func pages(svg data: Data) -> [[PDFRuling]] {
        var pages: [[PDFRuling]] = []
        var current: [PDFRuling] = []
        var sawPage = false
        var inDefs = false
        var paths = 0
        // The transforms of the `<g>` elements a path is in, each composed with those outside it
        // (nil inside a transform that is not a `matrix(…)`: those paths are left out).
        var groups: [Matrix?] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                let end = Self.tagEnd(bytes, from: index)
                let tag = Self.name(bytes, at: index + 1)
                switch tag {
                case "page":
                    if sawPage { pages.append(Self.merged(current)) }
                    sawPage = true
                    current = []
                    groups = []
                case "defs": inDefs = true
                case "/defs": inDefs = false
                case "g" where bytes[end - 2] != UInt8(ascii: "/"):
                    let outer = groups.last ?? .identity
                    let own = Matrix(Self.attributes(bytes, from: index, to: end)["transform"])
                    groups.append(outer.flatMap { outer in own.map { $0.then(outer) } })
                case "/g": _ = groups.popLast()
                case "path" where !inDefs && paths < maxPaths:
                    paths += 1
                    guard let outer = groups.last ?? .identity else { break }
                    let attributes = Self.attributes(bytes, from: index, to: end)
                    current += Self.rulings(
                        style: attributes["style"] ?? "", d: attributes["d"] ?? "",
                        transform: attributes["transform"], within: outer)
                default: break
                }
                index = end
            }
        }
        pages.append(Self.merged(current))
        return pages
    }

    /// The rulings one `<path>` draws: its straight horizontal and vertical segments when it is
    /// stroked, or itself when it is a thin filled rectangle. A transform other than `matrix(…)`
    /// and any curve in a filled path leave the path out. `outer`: the transforms of the groups
    /// the path is in, applied after its own.
    static func rulings(style: String, d: String, transform: String?, within outer: Matrix = .identity)
        -> [PDFRuling]
    {
        guard let matrix = Matrix(transform)?.then(outer) else { return [] }
        let stroked = style.contains("stroke:") && !style.contains("stroke:none")
        let filled = !style.contains("fill:none")
        guard stroked || filled else { return [] }
        var out: [PDFRuling] = []
        for subpath in Self.subpaths(d) {
            let points = subpath.points.map(matrix.apply)
            if stroked {
                for (a, b) in zip(points, points.dropFirst()) { out += Self.segment(a, b) }
                if subpath.closed, let first = points.first, let last = points.last { out += Self.segment(last, first) }
            } else if !subpath.curved, let rect = Self.rectangle(points) {
                out.append(rect)
            }
        }
        return out
    }

    /// A straight segment as a ruling when it is horizontal or vertical (within 0.5 pt).
    private static func segment(_ a: (Double, Double), _ b: (Double, Double)) -> [PDFRuling] {
        let (dx, dy) = (abs(a.0 - b.0), abs(a.1 - b.1))
        if dy <= 0.5, dx >= 1 { return [PDFRuling(.horizontal, at: (a.1 + b.1) / 2, from: a.0, to: b.0)] }
        if dx <= 0.5, dy >= 1 { return [PDFRuling(.vertical, at: (a.0 + b.0) / 2, from: a.1, to: b.1)] }
        return []
    }

    /// Four corners (a fifth back at the first allowed) of an axis-aligned rectangle whose short
    /// side is under `maxThickness` and whose long side is at least 1 pt: a ruling along its middle.
    private static func rectangle(_ points: [(Double, Double)]) -> PDFRuling? {
        var corners = points
        if corners.count == 5, let first = corners.first, let last = corners.last,
            abs(first.0 - last.0) <= 0.01, abs(first.1 - last.1) <= 0.01
        {
            corners.removeLast()
        }
        guard corners.count == 4 else { return nil }
        let xs = corners.map(\.0)
        let ys = corners.map(\.1)
        let (left, right, top, bottom) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
        // Every corner on the box's edges: an axis-aligned rectangle.
        guard
            corners.allSatisfy({ p in
                (abs(p.0 - left) <= 0.01 || abs(p.0 - right) <= 0.01)
                    && (abs(p.1 - top) <= 0.01 || abs(p.1 - bottom) <= 0.01)
            })
        else { return nil }
        let (width, height) = (right - left, bottom - top)
        if height < maxThickness, width >= 1, width > height {
            return PDFRuling(.horizontal, at: (top + bottom) / 2, from: left, to: right)
        }
        if width < maxThickness, height >= 1, height > width {
            return PDFRuling(.vertical, at: (left + right) / 2, from: top, to: bottom)
        }
        return nil
    }

    /// Pieces of one line (the same axis, within 0.5 pt of each other across it) that touch or
    /// overlap (within 1 pt along it) joined into one: a border drawn cell by cell is one ruling.
    static func merged(_ rulings: [PDFRuling]) -> [PDFRuling] {
        var out: [PDFRuling] = []
        for axis in [PDFRuling.Axis.horizontal, .vertical] {
            let sorted = rulings.filter { $0.axis == axis }.sorted {
                $0.position < $1.position || ($0.position == $1.position && $0.start < $1.start)
            }
            // Lines: runs of positions no more than 0.5 pt apart.
            var lines: [[PDFRuling]] = []
            for ruling in sorted {
                if let last = lines.last?.last, ruling.position - last.position <= 0.5 {
                    lines[lines.count - 1].append(ruling)
                } else {
                    lines.append([ruling])
                }
            }
            for line in lines {
                let position = line.map(\.position).reduce(0, +) / Double(line.count)
                var pieces: [PDFRuling] = []
                for ruling in line.sorted(by: { $0.start < $1.start }) {
                    if let last = pieces.last, ruling.start <= last.end + 1 {
                        pieces[pieces.count - 1].end = max(last.end, ruling.end)
                    } else {
                        pieces.append(PDFRuling(axis, at: position, from: ruling.start, to: ruling.end))
                    }
                }
                out += pieces
            }
        }
        return out
    }

    // MARK: - SVG scanning

    /// An affine transform `matrix(a,b,c,d,e,f)`: x' = a x + c y + e, y' = b x + d y + f.
    struct Matrix {
        var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0

        /// The identity for no transform; nil for one that is not a `matrix(…)` of six numbers.
        init?(_ text: String?) {
            guard let text else { return }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("matrix("), trimmed.hasSuffix(")") else { return nil }
            let numbers = trimmed.dropFirst(7).dropLast().split { $0 == "," || $0 == " " }.compactMap { Double($0) }
            guard numbers.count == 6, numbers.allSatisfy(\.isFinite) else { return nil }
            (a, b, c, d, e, f) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
        }

        static let identity = Matrix(nil)!

        func apply(_ p: (Double, Double)) -> (Double, Double) {
            (a * p.0 + c * p.1 + e, b * p.0 + d * p.1 + f)
        }

        /// This transform, then `outer`: a path's own transform inside a group's.
        func then(_ outer: Matrix) -> Matrix {
            var out = Matrix.identity
            out.a = outer.a * a + outer.c * b
            out.b = outer.b * a + outer.d * b
            out.c = outer.a * c + outer.c * d
            out.d = outer.b * c + outer.d * d
            out.e = outer.a * e + outer.c * f + outer.e
            out.f = outer.b * e + outer.d * f + outer.f
            return out
        }
    }

    struct Subpath {
        var points: [(Double, Double)] = []
        var closed = false
        /// Holds a curve (C, Q, A …): only its end points are kept, so it is no rectangle.
        var curved = false
    }

    /// The subpaths of a path's `d`: absolute M, L, H, V and Z as cairo writes them; a curve's end
    /// point is kept (its control points dropped) and marks the subpath curved; relative commands
    /// end the reading (cairo writes none).
    static func subpaths(_ d: String) -> [Subpath] {
        var out: [Subpath] = []
        var tokens = Self.tokens(d)[...]
        var command: Character = "M"
        func number() -> Double? {
            guard let token = tokens.first, let value = Double(token), value.isFinite else { return nil }
            tokens = tokens.dropFirst()
            return value
        }
        while let token = tokens.first {
            if let letter = token.first, letter.isLetter, token.count == 1 {
                command = letter
                tokens = tokens.dropFirst()
                if letter == "Z" || letter == "z" {
                    if !out.isEmpty { out[out.count - 1].closed = true }
                    // A path may go on from the closed subpath's start.
                    if let start = out.last?.points.first { out.append(Subpath(points: [start])) }
                }
                continue
            }
            let last = out.last?.points.last ?? (0, 0)
            switch command {
            case "M":
                guard let x = number(), let y = number() else { return out }
                out.append(Subpath(points: [(x, y)]))
                command = "L"
            case "L", "H", "V":
                let point: (Double, Double)
                if command == "L" {
                    guard let x = number(), let y = number() else { return out }
                    point = (x, y)
                } else {
                    guard let v = number() else { return out }
                    point = command == "H" ? (v, last.1) : (last.0, v)
                }
                if out.isEmpty { out.append(Subpath()) }
                out[out.count - 1].points.append(point)
            case "C", "S", "Q", "T":
                let count = command == "C" ? 6 : command == "T" ? 2 : 4
                var values: [Double] = []
                for _ in 0..<count {
                    guard let v = number() else { return out }
                    values.append(v)
                }
                if out.isEmpty { out.append(Subpath()) }
                out[out.count - 1].points.append((values[count - 2], values[count - 1]))
                out[out.count - 1].curved = true
            default:
                return out
            }
        }
        return out.filter { $0.points.count >= 2 }
    }

    /// Numbers and command letters of a path's `d` (cairo writes plain decimals, no exponents).
    private static func tokens(_ d: String) -> [Substring] {
        var out: [Substring] = []
        var start: String.Index?
        func close(_ index: String.Index) {
            if let s = start { out.append(d[s..<index]) }
            start = nil
        }
        for index in d.indices {
            let ch = d[index]
            if ch.isNumber || ch == "." {
                if start == nil { start = index }
            } else if ch == "-" || ch == "+" {
                close(index)
                start = index
            } else {
                close(index)
                if ch.isLetter { out.append(d[index...index]) }
            }
        }
        close(d.endIndex)
        return out
    }

    /// The index just past the `>` closing the tag opened at `start`.
    private static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start + 1
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let q = quote {
                if byte == q { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    /// The tag name at `start` ("page", "/defs"), at most 8 bytes; "" for anything else.
    private static func name(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> String {
        var index = start
        var out: [UInt8] = []
        while index < bytes.count, out.count < 8 {
            let byte = bytes[index]
            guard (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || byte == UInt8(ascii: "/") else { break }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The `name="value"` attributes of the tag between `start` and `end`.
    private static func attributes(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
        -> [String: String]
    {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        var out: [String: String] = [:]
        for key in ["style", "d", "transform"] {
            guard let open = text.range(of: " \(key)=\"") else { continue }
            guard let close = text[open.upperBound...].firstIndex(of: "\"") else { continue }
            out[key] = String(text[open.upperBound..<close])
        }
        return out
    }
}

extension PDFReader {
    /// `pages` with the rulings drawn on them, when a page where the words show a table (or the
    /// page before or after it: a table's first rows may be too few to show) has a ruled grid;
    /// nil otherwise, and when `pdftocairo` cannot tell. One `pdftocairo` run over each stretch of
    /// those pages that share a size (`sizeRuns`). (Drawing only the first or last table page
    /// first, to skip unruled tables, missed ruled tables whose first and last table pages as the
    /// words show them hold none.)
    func ruledPages(_ pages: [PDFPage], near tablePages: [Int], pdf: URL, limits: InputLimits) -> [PDFPage]? {
        guard let low = tablePages.min(), let high = tablePages.max() else { return nil }
        let range = max(1, low - 1)...min(pages.count, high + 1)
        var drawn: [[PDFRuling]] = []
        for run in Self.sizeRuns(pages, in: range) {
            guard let part = PDFRulings.read(pdf: pdf, pages: run, searchPath: searchPath, limits: limits),
                part.count == run.count
            else { return nil }
            drawn += part
        }
        guard drawn.count == range.count, drawn.contains(where: { !PDFGrid.grids(in: $0).isEmpty }) else { return nil }
        var out = pages
        for (offset, rulings) in drawn.enumerated() { out[range.lowerBound - 1 + offset].rulings = rulings }
        return out
    }

    /// `range` (pages from 1) cut where the page size changes. `pdftocairo -svg` draws every page
    /// of one run on a surface of the first page's size and leaves out what falls outside it: the
    /// landscape appendix of a spreadsheet after a portrait letter lost every ruling right of the
    /// letter's width (its narrow right-hand columns ran together).
    static func sizeRuns(_ pages: [PDFPage], in range: ClosedRange<Int>) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        var start = range.lowerBound
        for page in range.dropFirst() {
            let (a, b) = (pages[page - 2], pages[page - 1])
            if abs(a.width - b.width) > 0.5 || abs(a.height - b.height) > 0.5 {
                runs.append(start...(page - 1))
                start = page
            }
        }
        runs.append(start...range.upperBound)
        return runs
    }
}
