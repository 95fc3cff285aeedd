import CLibXML2
import Foundation

/// The XML parts of a Word file, parsed by `SafeXMLParser` like any untrusted XML (no network, no
/// DTD, no entities, bounded depth), with its diagnostics worded for a Word file.
enum WordXML {
    /// Deep enough for text boxes in tables in text boxes; `maxTableNesting` bounds tables itself.
    static let maxDepth = 160

    static func parse(_ data: Data, part: String, path: String, limits: InputLimits) throws(InputError) -> XNode? {
        let document: LibXMLDocument
        do {
            document = try SafeXMLParser.parse(
                data, path: path, limits: XMLLimits(maxBytes: limits.maxUncompressedBytes, maxDepth: maxDepth))
        } catch {
            let d = error.diagnostic
            switch d.code {
            case .xmlDoctype:
                throw InputError(
                    Diagnostic(.unsafeXML, .error, path: path, ReaderMessage.xmlDTD, part))
            case .xmlTooDeep:
                throw InputError(
                    Diagnostic(.tooDeep, .error, path: path, ReaderMessage.xmlTooDeep, part, maxDepth))
            case .xmlMalformed:
                throw InputError(
                    Diagnostic(
                        .damagedFile, .error, path: path, ReaderMessage.xmlMalformed, part,
                        "\(d.line.map { "line \($0): " } ?? "")\(d.message)"))
            default:
                throw error
            }
        }
        return document.root.map { XNode($0, in: document) }
    }
}

/// One element of a Word XML part. It keeps its document alive. Word's attributes are namespaced
/// (`w:val`), so they are looked up by local name.
struct XNode {
    let element: XMLElementView
    private let document: LibXMLDocument

    init(_ element: XMLElementView, in document: LibXMLDocument) {
        self.element = element
        self.document = document
    }

    /// The local name ("p" for `w:p`).
    var name: String { element.name }

    /// Whether this is a WordprocessingML element named `local` (transitional or strict schema).
    func isWord(_ local: String) -> Bool { name == local && isWordElement }

    var isWordElement: Bool { element.namespace == Self.wordMain || element.namespace == Self.wordStrict }

    static let wordMain = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let wordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"

    var children: [XNode] { element.children.map { XNode($0, in: document) } }

    func child(_ local: String) -> XNode? { children.first { $0.isWord(local) } }

    /// An attribute by local name, whatever its namespace prefix.
    func attribute(_ local: String) -> String? {
        var attribute = element.node.pointee.properties
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

    var text: String { element.text }
}
