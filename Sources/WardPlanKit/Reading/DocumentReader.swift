import Foundation

/// Turns the bytes of one input format into document lines. One reader per format.
public protocol DocumentReader: Sendable {
    /// Short name of the format, recorded on the plan (`text`, `markdown`, …).
    var format: String { get }
    /// Lower-case file extensions this reader takes, without the dot.
    var fileExtensions: Set<String> { get }
    func read(_ data: Data, path: String) throws(InputError) -> [DocumentLine]
}

/// The readers the tool knows, chosen by file extension.
public struct ReaderRegistry: Sendable {
    public var readers: [any DocumentReader]

    public init(readers: [any DocumentReader]) {
        self.readers = readers
    }

    public static let standard = ReaderRegistry(readers: [PlainTextReader(), MarkdownReader()])

    public var supportedExtensions: [String] { readers.flatMap(\.fileExtensions).sorted() }

    public func reader(forPath path: String) -> (any DocumentReader)? {
        let ext = (path as NSString).pathExtension.lowercased()
        return readers.first { $0.fileExtensions.contains(ext) }
    }

    /// Reads one file's bytes into a document, or throws the diagnostic that stops this input.
    public func read(_ data: Data, path: String, limits: InputLimits = .standard) throws(InputError) -> ReadDocument {
        guard let reader = reader(forPath: path) else {
            throw InputError(Diagnostic(
                .unsupportedFormat, .error, path: path,
                "không đọc được định dạng này / unsupported file type; supported: \(supportedExtensions.joined(separator: ", "))"))
        }
        if data.count > limits.maxInputBytes {
            throw InputError(Diagnostic(
                .tooLarge, .error, path: path,
                "file is \(data.count) bytes, over the limit of \(limits.maxInputBytes); a plan is rarely over 1 MB: check that this is the right file, or raise the limit with --max-input-mb"))
        }
        let lines = try reader.read(data, path: path)
        return ReadDocument(path: path, format: reader.format, sha256: SHA256.hex(data), lines: lines)
    }
}

/// Bounds on untrusted input.
public struct InputLimits: Sendable, Hashable {
    public var maxInputBytes: Int

    public init(maxInputBytes: Int) {
        self.maxInputBytes = maxInputBytes
    }

    public static let standard = InputLimits(maxInputBytes: 32 << 20)
}
