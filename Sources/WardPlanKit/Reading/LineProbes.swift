/// The first test of each table probe the text readers ask of a line before they read it as a line
/// of prose (`TextLines.read`), a function of the line's text alone: whether an aligned table, a
/// grid, a ";" table, a tab or " | " table or a flat table's header may open there. A line that
/// passes none of them opens no table, and every plain-text line was asked all of them, in plan
/// after plan; a decoded line kept for the run (`DecodedLineAnswers.Line`) holds its answers, read
/// once. Each bit is the very test its probe opens with, so a probe is asked exactly when it would
/// have gone past that test.
struct LineProbes: Sendable, Equatable {
    private let bits: UInt8

    private static let aligned: UInt8 = 1 << 0
    private static let grid: UInt8 = 1 << 1
    private static let semicolons: UInt8 = 1 << 2
    private static let tab: UInt8 = 1 << 3
    private static let pipe: UInt8 = 1 << 4
    private static let short: UInt8 = 1 << 5
    private static let markdownTable: UInt8 = 1 << 6

    init(_ text: String) {
        var bits: UInt8 = 0
        if AlignedTables.mayOpen(text) { bits |= Self.aligned }
        if let first = TextLines.firstNonBlank(text), BoxDrawing.opensGrid(first) { bits |= Self.grid }
        if SemicolonTables.mayOpen(text) { bits |= Self.semicolons }
        if CellSeparator.tab.parts(text) { bits |= Self.tab }
        if CellSeparator.pipe.parts(text) { bits |= Self.pipe }
        // An empty line opens no header (`FlatTables.readOpensHeader`): of the short lines a plain
        // text plan asks about, most are its empty lines.
        if !text.isEmpty, text.utf8.count <= FlatTables.maxHeaderBytes { bits |= Self.short }
        if TextLines.mayOpenMarkdownTable(text) { bits |= Self.markdownTable }
        self.bits = bits
    }

    /// `AlignedTables.mayOpen(text)`.
    var mayOpenAligned: Bool { bits & Self.aligned != 0 }
    /// The first non-blank scalar opens a grid (`BoxDrawing.opensGrid`): `GridTables.table`'s test.
    var mayOpenGrid: Bool { bits & Self.grid != 0 }
    /// `SemicolonTables.mayOpen(text)`: `SemicolonTables.table`'s first test.
    var mayOpenSemicolonTable: Bool { bits & Self.semicolons != 0 }
    /// `TabTables.hasTab(text)`: `TabTables.table`'s first test (tabs).
    var hasTab: Bool { bits & Self.tab != 0 }
    /// `CellSeparator.pipe.parts(text)`: `TabTables.table`'s first test (" | ").
    var hasPipe: Bool { bits & Self.pipe != 0 }
    /// Not empty and at most `FlatTables.maxHeaderBytes`: `FlatTables.header`'s first test (and
    /// `readOpensHeader`'s of an empty line).
    var mayOpenFlatHeader: Bool { bits & Self.short != 0 }
    /// `TextLines.mayOpenMarkdownTable(text)`.
    var mayOpenMarkdownTable: Bool { bits & Self.markdownTable != 0 }
}
