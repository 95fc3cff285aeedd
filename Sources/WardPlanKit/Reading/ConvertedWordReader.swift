import Foundation

/// Old binary Word (.doc), OpenDocument (.odt) and RTF files: converted to .docx by LibreOffice
/// (`soffice --headless --convert-to docx`) when it is installed, then read by `DocxReader`.
/// Without LibreOffice the input fails with a message saying how to convert it.
public struct ConvertedWordReader: DocumentReader {
    public let format = "converted"
    public let fileExtensions: Set<String> = ["doc", "odt", "rtf"]
    public let locationUnit = "paragraph"
    /// Folders searched for `soffice`; nil means `PATH`.
    public var searchPath: [String]?

    public init(searchPath: [String]? = nil) {
        self.searchPath = searchPath
    }

    public func read(_ data: Data, path: String) throws(InputError) -> [DocumentLine] {
        try readDocument(data, path: path, limits: .standard).lines
    }

    public func readDocument(_ data: Data, path: String, limits: InputLimits) throws(InputError) -> ReaderOutput {
        let ext = (path as NSString).pathExtension.lowercased()
        let tool = ["soffice", "libreoffice"].map { ExternalTool($0, searchPath: searchPath) }.first {
            $0.executable != nil
        }
        guard let tool else {
            throw InputError(
                Diagnostic(.missingTool, .error, path: path, ReaderMessage.needsLibreOffice, ext))
        }
        let (scratch, input) = try ScratchFolder.holding(data, as: "input.\(ext)", for: path)
        defer { scratch.remove() }
        let outFolder = scratch.url.appendingPathComponent("out")
        let result = tool.run(
            [
                "-env:UserInstallation=file://" + scratch.url.appendingPathComponent("profile").path, "--headless",
                "--norestore",
                "--convert-to", "docx", "--outdir", outFolder.path, input.path,
            ],
            timeout: limits.toolTimeout)
        let converted = outFolder.appendingPathComponent("input.docx")
        guard let result, !result.timedOut, let docx = try? Data(contentsOf: converted) else {
            let why =
                result.map {
                    $0.timedOut
                        ? "it ran longer than \(Int(limits.toolTimeout)) s" : "it said: \($0.stderr.prefix(200))"
                } ?? "it did not start"
            throw InputError(
                Diagnostic(.conversionFailed, .error, path: path, ReaderMessage.conversionFailed, ext, why))
        }
        try ReaderRegistry.checkSize(docx.count, path: path, limits: limits)
        var output = try DocxReader().readDocument(docx, path: path, limits: limits)
        output.diagnostics.append(
            Diagnostic(.converted, .note, path: path, ReaderMessage.converted, ext))
        return output
    }
}
