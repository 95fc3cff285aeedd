import Foundation

/// PDF files with a text layer, through `pdftotext -bbox-layout` (Debian: poppler-utils), which
/// gives every word with its box. `PDFGeometry` turns the words back into paragraphs and tables
/// (`PDFTableFinder`). A PDF without a text layer (a scan) is refused with a message saying so.
///
/// Locations: a PDF "line" is a line of text as it stands on the page (words sharing a band of
/// height), counted from 1 through the whole file in reading order, pages in order and lines top
/// to bottom, page headers and numbers included. `DocumentLine.number` is the line a paragraph or a
/// table starts on; a table's rows carry their own lines and page.
public struct PDFReader: DocumentReader {
    public let format = "pdf"
    public let fileExtensions: Set<String> = ["pdf"]
    /// Folders searched for `pdftotext`; nil means `PATH`.
    public var searchPath: [String]?

    public init(searchPath: [String]? = nil) {
        self.searchPath = searchPath
    }

    /// Every word with its box, as XHTML.
    static let arguments = ["-bbox-layout", "-enc", "UTF-8", "-eol", "unix"]

    public func read(_ data: Data, path: String) throws(InputError) -> [DocumentLine] {
        try readDocument(data, path: path, limits: .standard).lines
    }

    public func readDocument(_ data: Data, path: String, limits: InputLimits) throws(InputError) -> ReaderOutput {
        guard data.starts(with: Array("%PDF".utf8)) || data.prefix(1024).range(of: Data("%PDF-".utf8)) != nil else {
            throw InputError(Diagnostic(.binaryFile, .error, path: path, ReaderMessage.notAPDF))
        }
        let tool = ExternalTool("pdftotext", searchPath: searchPath)
        guard tool.executable != nil else {
            throw InputError(Diagnostic(.missingTool, .error, path: path, ReaderMessage.pdfNeedsTool))
        }
        let (scratch, input) = try ScratchFolder.holding(data, as: "input.pdf", for: path)
        defer { scratch.remove() }
        guard
            let result = tool.run(
                Self.arguments + [input.path, "-"], timeout: limits.toolTimeout,
                maxOutputBytes: limits.maxUncompressedBytes)
        else {
            throw InputError(Diagnostic(.missingTool, .error, path: path, ReaderMessage.pdfToolNotStarted))
        }
        if result.timedOut {
            throw InputError(
                Diagnostic(.damagedFile, .error, path: path, ReaderMessage.pdfTimedOut, Int(limits.toolTimeout)))
        }
        if result.truncated {
            throw InputError(
                Diagnostic(.zipBomb, .error, path: path, ReaderMessage.pdfTextTooLarge, limits.maxUncompressedBytes))
        }
        guard result.status == 0 else {
            let reason = result.stderr.split(separator: "\n").first.map(String.init) ?? "exit status \(result.status)"
            let message: ReaderMessage = reason.lowercased().contains("password") ? .pdfPassword : .pdfDamaged
            throw InputError(Diagnostic(.damagedFile, .error, path: path, message, reason))
        }
        let pages = try PDFWordBoxes.pages(result.stdout, path: path, limits: limits)
        var layout = PDFGeometry(pages: pages)
        guard layout.letterCount >= 20 else {
            throw InputError(Diagnostic(.noTextLayer, .error, path: path, ReaderMessage.pdfNoTextLayer))
        }
        if let ruled = ruledPages(pages, near: layout.tablePages, pdf: input, limits: limits) {
            layout = PDFGeometry(pages: ruled)
        }
        var notes: [Diagnostic] = []
        if layout.furnitureLines > 0 {
            notes.append(
                Diagnostic(.pageFurniture, .note, path: path, ReaderMessage.pdfFurniture, layout.furnitureLines))
        }
        return ReaderOutput(lines: layout.lines, diagnostics: notes)
    }
}
