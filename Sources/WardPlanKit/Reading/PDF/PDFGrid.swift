/// A table drawn by its rulings on one page (`PDFRulings`): columns between its vertical rulings,
/// rows between its horizontal ones, whatever the words inside do (justified cells, whose wide
/// spaces hide where one cell ends and the next begins, read as drawn). A cell merged over rows
/// (an area column's `rowspan`) shows no ruling across it between its rows; one merged over
/// columns (an area row) none between its columns: each cell of the grid belongs to the cell
/// whose top left corner is the nearest ruled one up and to the left (`anchor`).
///
/// A grid: rulings that meet, with three vertical ones or more crossing one row and two
/// horizontal ones or more. A rule under a letterhead (no vertical) and a box around a paragraph
/// (two) are none.
struct PDFGrid: Hashable {
    /// x of the vertical rulings, left to right: column c lies between `xs[c]` and `xs[c + 1]`.
    let xs: [Double]
    /// y of the horizontal rulings, top to bottom: row r lies between `ys[r]` and `ys[r + 1]`.
    let ys: [Double]
    let horizontals: [PDFRuling]
    let verticals: [PDFRuling]

    var columnCount: Int { xs.count - 1 }
    var rowCount: Int { ys.count - 1 }
    var top: Double { ys[0] }
    var bottom: Double { ys[ys.count - 1] }

    /// Positions this close are one ruling's (a double border, a border drawn twice).
    static let sameLine = 2.0
    /// How far a ruling may stop short of one it meets.
    static let meeting = 1.5

    /// The grids among a page's rulings, top to bottom.
    static func grids(in rulings: [PDFRuling]) -> [PDFGrid] {
        // Rulings that meet are one drawing: union-find over the rulings.
        var parent = Array(rulings.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        let horizontal = rulings.indices.filter { rulings[$0].axis == .horizontal }
        let vertical = rulings.indices.filter { rulings[$0].axis == .vertical }
        for h in horizontal {
            for v in vertical
            where rulings[h].covers(rulings[v].position, slack: meeting)
                && rulings[v].covers(rulings[h].position, slack: meeting)
            {
                parent[root(h)] = root(v)
            }
        }
        var components: [Int: [PDFRuling]] = [:]
        for i in rulings.indices { components[root(i), default: []].append(rulings[i]) }
        return components.values.compactMap(grid).sorted { $0.top < $1.top }
    }

    /// The grid drawn by one set of rulings that meet, or nil when they draw none.
    private static func grid(_ rulings: [PDFRuling]) -> PDFGrid? {
        let horizontals = rulings.filter { $0.axis == .horizontal }
        let verticals = rulings.filter { $0.axis == .vertical }
        let xs = positions(verticals)
        let ys = positions(horizontals)
        guard xs.count >= 3, ys.count >= 2 else { return nil }
        let grid = PDFGrid(xs: xs, ys: ys, horizontals: horizontals, verticals: verticals)
        // Three vertical rulings or more across one row: columns, not a box.
        guard
            (0..<grid.rowCount).contains(where: { r in
                let middle = (ys[r] + ys[r + 1]) / 2
                return positions(verticals.filter { $0.covers(middle, slack: 0) }).count >= 3
            })
        else { return nil }
        return grid
    }

    /// The distinct positions of some rulings, those `sameLine` apart or closer as one (their mean).
    private static func positions(_ rulings: [PDFRuling]) -> [Double] {
        var groups: [[Double]] = []
        for position in rulings.map(\.position).sorted() {
            if let last = groups.last?.last, position - last <= sameLine {
                groups[groups.count - 1].append(position)
            } else {
                groups.append([position])
            }
        }
        return groups.map { $0.reduce(0, +) / Double($0.count) }
    }

    // MARK: - Cells

    struct Cell: Hashable {
        var row: Int
        var column: Int
    }

    /// Whether a horizontal ruling at the top of row `r` crosses the middle of column `c`.
    func ruledAbove(_ r: Int, _ c: Int) -> Bool {
        let middle = (xs[c] + xs[c + 1]) / 2
        return horizontals.contains { abs($0.position - ys[r]) <= Self.sameLine && $0.covers(middle, slack: 0) }
    }

    /// Whether a vertical ruling at the left of column `c` crosses the middle of row `r`.
    func ruledLeft(_ r: Int, _ c: Int) -> Bool {
        let middle = (ys[r] + ys[r + 1]) / 2
        return verticals.contains { abs($0.position - xs[c]) <= Self.sameLine && $0.covers(middle, slack: 0) }
    }

    /// For each row and column, the cell it belongs to: itself when ruled above and at the left,
    /// else the cell above it (merged over rows) or at its left (merged over columns).
    func anchors() -> [[Cell]] {
        var out: [[Cell]] = []
        for r in 0..<rowCount {
            var row: [Cell] = []
            for c in 0..<columnCount {
                if r > 0, !ruledAbove(r, c) {
                    row.append(out[r - 1][c])
                } else if c > 0, !ruledLeft(r, c) {
                    row.append(row[c - 1])
                } else {
                    row.append(Cell(row: r, column: c))
                }
            }
            out.append(row)
        }
        return out
    }

    /// The row and column holding the point, or nil outside the grid.
    func cell(atX x: Double, y: Double) -> Cell? {
        guard let c = xs.indices.dropLast().first(where: { x >= xs[$0] && x < xs[$0 + 1] }),
            let r = ys.indices.dropLast().first(where: { y >= ys[$0] && y < ys[$0 + 1] })
        else { return nil }
        return Cell(row: r, column: c)
    }
}
