import CLibXML2
import Foundation

/// A thin Swift shell over libxml2's `xmlTextWriter`, writing UTF-8 XML, indented, into memory or
/// to a sink a megabyte at a time (so a country's report is never whole in memory).
/// libxml2 does the escaping. Characters XML 1.0 cannot carry (control characters other than
/// tab, line feed and carriage return; U+FFFE, U+FFFF) are written as U+FFFD and recorded, so the
/// caller can report them: they never make a document that does not parse.
final class XMLTextWriter {
    /// Where libxml2 writes; outlives `writer` (released after `deinit` frees it).
    private let chunks: ChunkedOutput
    private let writer: xmlTextWriterPtr
    private var failed: String?
    /// Where the text being written came from, for the record of replaced characters.
    var location: (path: String, line: Int?) = ("", nil)
    private(set) var replacements: [Diagnostic] = []

    /// Writes into memory: `finish` returns the document.
    convenience init() {
        self.init(output: ChunkedOutput(deliver: nil))
    }

    /// Gives the document to `deliver` in chunks of about 1 MB, in order, as it is written; the
    /// last one at `finish`. When `deliver` throws, writing stops and `finish` throws that error.
    convenience init(deliver: @escaping (Data) throws -> Void) {
        self.init(output: ChunkedOutput(deliver: deliver))
    }

    private init(output chunks: ChunkedOutput) {
        _ = LibXML.ready
        self.chunks = chunks
        // The writer owns the output buffer and closes it when freed.
        let buffer = xmlOutputBufferCreateIO(
            { context, bytes, count in
                guard let context, count >= 0 else { return -1 }
                let chunks = Unmanaged<ChunkedOutput>.fromOpaque(context).takeUnretainedValue()
                return chunks.append(UnsafeRawBufferPointer(start: bytes.map(UnsafeRawPointer.init), count: Int(count)))
                    ? count : -1
            }, nil, Unmanaged.passUnretained(chunks).toOpaque(), nil)
        writer = xmlNewTextWriter(buffer)
        xmlTextWriterSetIndent(writer, 1)
        withXMLString("  ") { _ = xmlTextWriterSetIndentString(writer, $0) }
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
    }

    deinit {
        xmlFreeTextWriter(writer)
    }

    /// Starts an element; with a namespace, declares it (as the default namespace when `prefix` is nil).
    func start(_ name: String, prefix: String? = nil, namespace: String? = nil) {
        let status: Int32
        if prefix != nil || namespace != nil {
            status = withOptionalXMLString(prefix) { p in
                withXMLString(name) { n in
                    withOptionalXMLString(namespace) { u in xmlTextWriterStartElementNS(writer, p, n, u) }
                }
            }
        } else {
            status = withXMLString(name) { xmlTextWriterStartElement(writer, $0) }
        }
        check(status, "start <\(name)>")
    }

    func end() { check(xmlTextWriterEndElement(writer), "end an element") }

    /// An attribute of the element just started; nothing when the value is nil.
    func attribute(_ name: String, _ value: String?) {
        guard let value else { return }
        let clean = sanitized(value)
        check(
            withXMLString(name) { n in withXMLString(clean) { v in xmlTextWriterWriteAttribute(writer, n, v) } },
            "write @\(name)")
    }

    func attribute(_ name: String, _ value: Int?) { attribute(name, value.map(String.init)) }

    func text(_ value: String) {
        check(withXMLString(sanitized(value)) { xmlTextWriterWriteString(writer, $0) }, "write text")
    }

    /// `<name>text</name>`; nothing when the text is nil.
    func element(_ name: String, _ text: String?) {
        guard let text else { return }
        start(name)
        self.text(text)
        end()
    }

    /// Ends the document and delivers what is left; in memory, returns the whole document (else empty).
    @discardableResult
    func finish() throws -> Data {
        check(xmlTextWriterEndDocument(writer), "end the document")
        xmlTextWriterFlush(writer)
        try chunks.flush()
        if let failed { throw XMLRenderError(message: "libxml2 could not \(failed)", diagnostics: []) }
        return chunks.whole
    }

    private func check(_ status: Int32, _ what: String) {
        if status < 0, failed == nil { failed = what }
    }

    private func sanitized(_ value: String) -> String {
        // Only a control byte or the lead byte of U+FFFE/U+FFFF (EF) can start what XML cannot carry.
        guard value.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF }),
            value.unicodeScalars.contains(where: { !Self.isXMLChar($0) })
        else { return value }
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if Self.isXMLChar(scalar) {
                out.append(scalar)
            } else {
                out.append("\u{FFFD}")
                let hex = String(scalar.value, radix: 16, uppercase: true)
                replacements.append(
                    Diagnostic(
                        .xmlReplacedCharacter, .warning, path: location.path, line: location.line,
                        "the character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) cannot be carried by XML 1.0; written as U+FFFD (�): remove it from the source"
                    ))
            }
        }
        return String(out)
    }

    /// XML 1.0's `Char` production.
    static func isXMLChar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}

/// The bytes libxml2 writes, gathered into chunks of about 1 MB for `deliver`, or kept whole.
private final class ChunkedOutput {
    private let deliver: ((Data) throws -> Void)?
    private var pending = Data()
    /// The first error of `deliver`: nothing is delivered after it.
    private(set) var error: (any Error)?
    private static let chunkSize = 1 << 20

    init(deliver: ((Data) throws -> Void)?) {
        self.deliver = deliver
    }

    /// Whether the bytes were taken (false once `deliver` failed).
    func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard error == nil else { return false }
        pending.append(contentsOf: bytes)
        if deliver != nil, pending.count >= Self.chunkSize { try? flush() }
        return error == nil
    }

    func flush() throws {
        if let error { throw error }
        guard let deliver, !pending.isEmpty else { return }
        do {
            try deliver(pending)
            pending = Data()
        } catch {
            self.error = error
            throw error
        }
    }

    /// Everything written, when there is no `deliver`.
    var whole: Data { deliver == nil ? pending : Data() }
}

private func withOptionalXMLString<R>(_ string: String?, _ body: (UnsafePointer<xmlChar>?) -> R) -> R {
    guard let string else { return body(nil) }
    return withXMLString(string) { body($0) }
}

/// The XML the tool produced does not match its schema (a bug, or a data file that uses an id
/// outside the schema's code lists), or libxml2 failed. Never written to disk.
public struct XMLRenderError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var diagnostics: [Diagnostic]

    public var description: String {
        ([message] + diagnostics.prefix(20).map(\.description)).joined(separator: "\n")
    }
}
