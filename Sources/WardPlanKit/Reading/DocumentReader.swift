import Foundation

/// Turns the bytes of one input format into document lines. One reader per format.
public protocol DocumentReader: Sendable {
    /// Short name of the format, recorded on the plan (`text`, `markdown`, …).
    var format: String { get }
    /// Lower-case file extensions this reader takes, without the dot.
    var fileExtensions: Set<String> { get }
    /// What `DocumentLine.number` counts in this format: `line`, or `paragraph` for Word files.
    var locationUnit: String { get }
    func read(_ data: Data, path: String) throws(InputError) -> [DocumentLine]
    /// The lines with what reading found on the way (an encoding converted, page headers removed),
    /// within the limits given. Readers with nothing to report need not implement it.
    func readDocument(_ data: Data, path: String, limits: InputLimits) throws(InputError) -> ReaderOutput
}

extension DocumentReader {
    public var locationUnit: String { "line" }

    public func readDocument(_ data: Data, path: String, limits: InputLimits) throws(InputError) -> ReaderOutput {
        ReaderOutput(lines: try read(data, path: path))
    }
}

/// What a reader gives back: the lines, and notes on what it did (an encoding converted, …).
public struct ReaderOutput: Sendable {
    public var lines: [DocumentLine]
    public var diagnostics: [Diagnostic]

    public init(lines: [DocumentLine], diagnostics: [Diagnostic] = []) {
        self.lines = lines
        self.diagnostics = diagnostics
    }
}

/// The readers the tool knows, chosen by file extension.
public struct ReaderRegistry: Sendable {
    public var readers: [any DocumentReader]

    public init(readers: [any DocumentReader]) {
        self.readers = readers
    }

    public static let standard = ReaderRegistry(readers: [
        PlainTextReader(), MarkdownReader(), DocxReader(), PDFReader(), ConvertedWordReader(),
    ])

    public var supportedExtensions: [String] { readers.flatMap(\.fileExtensions).sorted() }

    /// What the line numbers of a plan read in `format` count: `line`, or `paragraph`.
    public func locationUnit(forFormat format: String) -> String {
        readers.first { $0.format == format }?.locationUnit ?? "line"
    }

    public func reader(forPath path: String) -> (any DocumentReader)? {
        let ext = Self.plainExtension(of: path) ?? (path as NSString).pathExtension.lowercased()
        return readers.first { $0.fileExtensions.contains(ext) }
    }

    /// The lower-cased extension of a path whose last component is a name, a dot and one to eight
    /// ASCII letters or digits (every plan's file): read from the bytes, as `NSString.pathExtension`
    /// reads it (a test compares the two), without bridging the path (≈ 22,000 instructions a file
    /// when a folder of plans was listed). Nil for any other path, which `NSString` reads.
    static func plainExtension(of path: String) -> String? {
        var path = path
        return path.withUTF8 { bytes -> String? in
            var dot = bytes.count
            while dot > 0, bytes.count - dot <= 8 {
                let byte = bytes[dot - 1]
                if byte == UInt8(ascii: ".") { break }
                guard
                    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                        || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                else { return nil }
                dot -= 1
            }
            // A dot, at least one byte after it, and a name before it that is not a folder's end.
            guard dot >= 2, dot < bytes.count, bytes[dot - 1] == UInt8(ascii: "."), bytes[dot - 2] != UInt8(ascii: "/")
            else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[dot...]), as: UTF8.self).lowercased()
        }
    }

    /// Reads one file's bytes into a document, or throws the diagnostic that stops this input.
    public func read(_ data: Data, path: String, limits: InputLimits = .standard) throws(InputError) -> ReadDocument {
        try read(data, path: path, limits: limits, contentDigest: nil)
    }

    /// As above; `contentDigest`, when given, is `data`'s SHA-256 (hex), already computed by the
    /// caller (the plan cache hashes every file it is asked about): not hashed a second time.
    func read(_ data: Data, path: String, limits: InputLimits, contentDigest: String?) throws(InputError)
        -> ReadDocument
    {
        guard let reader = reader(forPath: path) else {
            throw InputError(
                Diagnostic(
                    .unsupportedFormat, .error, path: path, ReaderMessage.unsupportedFormat,
                    supportedExtensions.joined(separator: ", ")))
        }
        try Self.checkSize(data.count, path: path, limits: limits)
        if data.isEmpty {
            throw InputError(Diagnostic(.emptyFile, .error, path: path, ReaderMessage.emptyFile))
        }
        let output = try reader.readDocument(data, path: path, limits: limits)
        return ReadDocument(
            path: path, format: reader.format, sha256: contentDigest ?? SHA256.hex(data), lines: output.lines,
            diagnostics: output.diagnostics)
    }

    /// Refuses a file over the size limit, before anything reads it.
    public static func checkSize(_ size: Int, path: String, limits: InputLimits) throws(InputError) {
        if size > limits.maxInputBytes {
            throw InputError(
                Diagnostic(.tooLarge, .error, path: path, ReaderMessage.tooLarge, size, limits.maxInputBytes))
        }
    }
}

/// Bounds on untrusted input: what one file may cost in memory and time.
public struct InputLimits: Sendable, Hashable {
    /// Size of the file itself.
    public var maxInputBytes: Int
    /// Uncompressed size of one part of a Word file (`word/document.xml`, …).
    public var maxUncompressedBytes: Int
    /// Uncompressed size over compressed size of a part; real Word XML stays far below it.
    public var maxCompressionRatio: Int
    /// Tables inside tables inside tables …
    public var maxTableNesting: Int
    /// Seconds an outside program (pdftotext, soffice) may run on one file.
    public var toolTimeout: Double

    public init(
        maxInputBytes: Int, maxUncompressedBytes: Int = 64 << 20, maxCompressionRatio: Int = 100,
        maxTableNesting: Int = 8, toolTimeout: Double = 120
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxUncompressedBytes = maxUncompressedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxTableNesting = maxTableNesting
        self.toolTimeout = toolTimeout
    }

    public static let standard = InputLimits(maxInputBytes: 32 << 20)
}
