/// The lines of a table cell, when the format gives more than one: what a cell that lists several
/// values ("- Rà soát …" / "- Niêm yết …", a lead per task) is split by (`ListedTaskCell`).
public enum CellLines: Hashable, Sendable {
    /// The writer's paragraphs and line breaks (Word and what LibreOffice converts, markdown
    /// `<br>`), empty ones kept: an empty paragraph is a value left out.
    case paragraphs([String])
    /// The lines a PDF page prints: the cell's width wrapped them, so a value may run over two
    /// ("Văn phòng HĐND-" / "UBND") and an empty value leaves no line.
    case printed([String])

    public var lines: [String] {
        switch self {
        case .paragraphs(let lines), .printed(let lines): lines
        }
    }
}
