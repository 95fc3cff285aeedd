import CLibXML2
import Foundation

/// An XML part of an untrusted file, parsed with libxml2 so that it can do no harm: no network
/// (`XML_PARSE_NONET`), no entity substitution, no DTD loading, libxml2's own depth and size limits
/// kept (no `XML_PARSE_HUGE`), and any document type declaration refused before parsing: Word never
/// writes one, and it is how external entities and "billion laughs" expansions get in.
final class SafeXMLDocument {
    private let doc: xmlDocPtr

    var root: XNode? { xmlDocGetRootElement(doc).map { XNode($0, in: self) } }

    /// Parses `data`, or throws the diagnostic that stops this input. `part` names the part in
    /// messages ("word/document.xml").
    init(_ data: Data, part: String, path: String) throws(InputError) {
        if Self.hasDoctype(data) {
            throw InputError(Diagnostic(
                .unsafeXML, .error, path: path,
                "\(part) declares a DTD (<!DOCTYPE …>), which Word never writes and which can hide external entities or an entity bomb; the file was not read. Ask the ward to save the plan again from Word"))
        }
        guard let context = xmlNewParserCtxt() else {
            throw InputError(Diagnostic(.damagedFile, .error, path: path, "cannot start the XML parser (out of memory?)"))
        }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = data.withUnsafeBytes { buffer -> xmlDocPtr? in
            guard let base = buffer.baseAddress, buffer.count <= Int(Int32.max) else { return nil }
            return xmlCtxtReadMemory(context, base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), part, nil, options)
        }
        guard let parsed, context.pointee.wellFormed != 0 else {
            if let parsed { xmlFreeDoc(parsed) }
            let message = context.pointee.lastError.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "unknown error"
            let line = Int(context.pointee.lastError.line)
            if message.lowercased().contains("depth") {
                throw InputError(Diagnostic(
                    .tooDeep, .error, path: path,
                    "\(part) is nested too deeply to read safely (\(message)); a real plan never is: ask the ward to save it again from Word"))
            }
            throw InputError(Diagnostic(
                .damagedFile, .error, path: path,
                "\(part) is not well-formed XML (line \(line): \(message)); the Word file is damaged: ask the ward to send it again"))
        }
        if parsed.pointee.intSubset != nil || parsed.pointee.extSubset != nil {
            xmlFreeDoc(parsed)
            throw InputError(Diagnostic(.unsafeXML, .error, path: path, "\(part) declares a DTD; the file was not read"))
        }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    /// Whether the prolog (what comes before the root element) holds `<!DOCTYPE`.
    static func hasDoctype(_ data: Data) -> Bool {
        let bytes = data.prefix(64 * 1024)
        var i = bytes.startIndex
        func starts(_ text: String) -> Bool { bytes[i...].starts(with: Array(text.utf8)) }
        func skip(past end: String) {
            let pattern = Array(end.utf8)
            while i < bytes.endIndex, !bytes[i...].starts(with: pattern) { i += 1 }
            i = min(bytes.endIndex, i + pattern.count)
        }
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0xEF || byte == 0xBB || byte == 0xBF {
                i += 1
            } else if starts("<?") {
                skip(past: "?>")
            } else if starts("<!--") {
                skip(past: "-->")
            } else {
                return starts("<!DOCTYPE") || starts("<!doctype")
            }
        }
        return false
    }
}

/// A view of one libxml2 element node. It keeps its document alive.
struct XNode {
    let pointer: xmlNodePtr
    private let document: SafeXMLDocument

    init(_ pointer: xmlNodePtr, in document: SafeXMLDocument) {
        self.pointer = pointer
        self.document = document
    }

    /// The local name ("p" for `w:p`).
    var name: String { String(cString: pointer.pointee.name) }

    var namespace: String? { pointer.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) } }

    /// Whether this is a WordprocessingML element named `local` (transitional or strict schema).
    func isWord(_ local: String) -> Bool {
        guard let ns = namespace else { return false }
        return name == local && (ns == Self.wordMain || ns == Self.wordStrict)
    }

    var isWordElement: Bool { namespace == Self.wordMain || namespace == Self.wordStrict }

    static let wordMain = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let wordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"

    /// Element children, in order.
    var children: [XNode] {
        var out: [XNode] = []
        var child = pointer.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE { out.append(XNode(node, in: document)) }
            child = node.pointee.next
        }
        return out
    }

    func child(_ local: String) -> XNode? { children.first { $0.isWord(local) } }

    /// The value of an attribute by local name (`w:val` → "val"), whatever its prefix.
    func attribute(_ local: String) -> String? {
        var attribute = pointer.pointee.properties
        while let a = attribute {
            if String(cString: a.pointee.name) == local {
                var value = ""
                var child = a.pointee.children
                while let node = child {
                    if let content = node.pointee.content { value += String(cString: content) }
                    child = node.pointee.next
                }
                return value
            }
            attribute = a.pointee.next
        }
        return nil
    }

    /// `w:val` of the child element `local` (`<w:pStyle w:val="Heading1"/>`).
    func value(of local: String) -> String? { child(local)?.attribute("val") }

    /// The text of the node's text and CDATA children.
    var text: String {
        var out = ""
        var child = pointer.pointee.children
        while let node = child {
            if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE, let content = node.pointee.content {
                out += String(cString: content)
            }
            child = node.pointee.next
        }
        return out
    }
}
