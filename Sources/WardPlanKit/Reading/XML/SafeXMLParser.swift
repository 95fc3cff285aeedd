import CLibXML2
import Foundation

/// Bounds on untrusted XML.
public struct XMLLimits: Sendable, Hashable {
    public var maxBytes: Int
    /// Deepest element nesting accepted. A WardPlans report nests about 8 deep, an edXML envelope 11.
    public var maxDepth: Int

    public init(maxBytes: Int = 64 << 20, maxDepth: Int = 40) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    public static let standard = XMLLimits()
}

/// Parses XML that comes from outside (another system's report, an earlier run, a file anyone can
/// edit) without trusting it: no network access, no DTD loading, no entity substitution, and any
/// DOCTYPE refused before libxml2 sees it, so external entities (XXE) and entity expansion
/// ("billion laughs") never run. Size and nesting depth are bounded.
enum SafeXMLParser {
    /// XML_PARSE_NONET: never fetch anything. No XML_PARSE_NOENT (entities are not substituted),
    /// no XML_PARSE_DTDLOAD / DTDATTR / DTDVALID (no DTD is read), no XML_PARSE_HUGE (libxml2 keeps
    /// its own limits). Errors are collected, not printed. CDATA becomes plain text.
    static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_BIG_LINES.rawValue)

    static func parse(_ data: Data, path: String, limits: XMLLimits = .standard) throws(InputError) -> LibXMLDocument {
        _ = LibXML.ready
        if data.count > min(limits.maxBytes, Int(Int32.max)) {
            throw InputError(
                Diagnostic(
                    .tooLarge, .error, path: path,
                    "tệp XML quá lớn / the XML file is \(data.count) bytes, over the limit of \(limits.maxBytes); check that this is the right file, or raise the limit with --max-input-mb"
                ))
        }
        if data.isEmpty {
            throw InputError(Diagnostic(.emptyFile, .error, path: path, "the file is empty; nothing to read"))
        }
        if let nul = data.firstIndex(of: 0) {
            throw InputError(
                Diagnostic(
                    .xmlMalformed, .error, path: path,
                    "not UTF-8 XML (a NUL byte at offset \(nul - data.startIndex)); XML for data exchange is UTF-8 (Thông tư 39/2017/TT-BTTTT): save the file as UTF-8"
                ))
        }
        if let doctype = doctypeLine(data) {
            throw InputError(
                Diagnostic(
                    .xmlDoctype, .error, path: path, line: doctype,
                    "tài liệu có khai báo DOCTYPE / the document has a DOCTYPE: WardPlans refuses DTDs and entity declarations, so that external entities (XXE) and entity expansion (\"billion laughs\") cannot run; a WardPlans report never has one: remove it"
                ))
        }
        let parsed = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<LibXMLDocument, InputError> in
            guard let context = xmlNewParserCtxt() else {
                return .failure(
                    InputError(Diagnostic(.unreadable, .error, path: path, "libxml2 could not allocate a parser")))
            }
            defer { xmlFreeParserCtxt(context) }
            let base = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
            guard let doc = xmlCtxtReadMemory(context, base, Int32(raw.count), path, nil, options) else {
                return .failure(InputError(parseError(context, path: path, limits: limits)))
            }
            return .success(LibXMLDocument(doc, path: path))
        }
        let document = try parsed.get()
        // Defence in depth: an internal subset that slipped past the byte scan (another encoding).
        if document.pointer.pointee.intSubset != nil || document.pointer.pointee.extSubset != nil {
            throw InputError(
                Diagnostic(
                    .xmlDoctype, .error, path: path,
                    "the document declares a DTD; WardPlans refuses DTDs and entity declarations (XXE, entity expansion): remove it"
                ))
        }
        if let root = document.root, root.depth > limits.maxDepth {
            throw InputError(tooDeep(path: path, limit: limits.maxDepth, line: nil))
        }
        return document
    }

    /// The first fatal error of a failed parse, as a diagnostic.
    static func parseError(_ context: xmlParserCtxtPtr, path: String, limits: XMLLimits) -> Diagnostic {
        guard let error = xmlCtxtGetLastError(context) else {
            return Diagnostic(.xmlMalformed, .error, path: path, "not well-formed XML")
        }
        let message =
            error.pointee.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines)
            ?? "not well-formed XML"
        let line = error.pointee.line > 0 ? Int(error.pointee.line) : nil
        if message.contains("Excessive depth") {
            return tooDeep(path: path, limit: limits.maxDepth, line: line)
        }
        let column = error.pointee.int2 > 0 ? ", column \(error.pointee.int2)" : ""
        return Diagnostic(
            .xmlMalformed, .error, path: path, line: line,
            "XML không hợp lệ / not well-formed XML\(column): \(message); fix the file at this line (an unescaped & or <, a tag not closed)"
        )
    }

    static func tooDeep(path: String, limit: Int, line: Int?) -> Diagnostic {
        Diagnostic(
            .xmlTooDeep, .error, path: path, line: line,
            "elements are nested deeper than \(limit) levels; a WardPlans report is about 8 deep: this is not a report (or a document built to exhaust the parser)"
        )
    }

    /// The line of a `<!DOCTYPE` in the prolog (before the root element starts), if there is one.
    static func doctypeLine(_ data: Data) -> Int? {
        let bytes = [UInt8](data.prefix(1 << 20))
        let doctype = Array("<!DOCTYPE".utf8)
        var line = 1
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1 }
            if b == UInt8(ascii: "<"), i + 1 < bytes.count {
                let next = bytes[i + 1]
                if next == UInt8(ascii: "!") {
                    if bytes[i...].starts(with: doctype) { return line }
                    if bytes[i...].starts(with: Array("<!--".utf8)) {
                        // Skip the comment.
                        var j = i + 4
                        while j + 2 < bytes.count, !(bytes[j] == 0x2D && bytes[j + 1] == 0x2D && bytes[j + 2] == 0x3E) {
                            if bytes[j] == 0x0A { line += 1 }
                            j += 1
                        }
                        i = j + 3
                        continue
                    }
                } else if next != UInt8(ascii: "?") {
                    return nil  // the root element starts: no DOCTYPE can follow
                }
            }
            i += 1
        }
        return nil
    }
}
