import CLibXML2
import Foundation

/// A parsed XML document owned by libxml2, freed when the last reference goes. Only
/// `SafeXMLParser` makes one, so every document in the tool was parsed with the safe options.
final class LibXMLDocument: @unchecked Sendable {
    let pointer: xmlDocPtr
    /// The path the document was read from, for diagnostics.
    let path: String

    init(_ pointer: xmlDocPtr, path: String) {
        self.pointer = pointer
        self.path = path
    }

    deinit { xmlFreeDoc(pointer) }

    var root: XMLElementView? { xmlDocGetRootElement(pointer).map(XMLElementView.init) }
}

/// Read access to one element of a `LibXMLDocument`. Valid while the document lives.
struct XMLElementView {
    let node: xmlNodePtr

    var name: String { String(cString: node.pointee.name) }
    var namespace: String? { node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) } }
    var line: Int { Int(xmlGetLineNo(node)) }

    /// The attribute's value as written (after XML's own escaping is undone), or nil when absent.
    func attribute(_ name: String) -> String? {
        guard let value = withXMLString(name, { xmlGetNoNsProp(node, $0) }) else { return nil }
        defer { wardplans_xml_free(value) }
        return String(cString: value)
    }

    /// Element children, in document order.
    var children: [XMLElementView] {
        var out: [XMLElementView] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { out.append(XMLElementView(node: current)) }
            child = current.pointee.next
        }
        return out
    }

    func children(_ name: String) -> [XMLElementView] { children.filter { $0.name == name } }
    func child(_ name: String) -> XMLElementView? { children.first { $0.name == name } }

    /// The text content: every text node below this element, concatenated.
    var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { wardplans_xml_free(content) }
        return String(cString: content)
    }

    /// Elements nested below this one, counting this one as 1.
    var depth: Int {
        var deepest = 0
        var stack: [(xmlNodePtr, Int)] = [(node, 1)]
        while let (current, level) = stack.popLast() {
            deepest = max(deepest, level)
            var child = current.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE { stack.append((c, level + 1)) }
                child = c.pointee.next
            }
        }
        return deepest
    }
}

/// libxml2's global set-up, done once before any parser, writer or schema is made (libxml2 asks
/// for it when several threads use the library).
enum LibXML {
    static let ready: Void = xmlInitParser()
}

/// libxml2's C strings for a Swift string.
func withXMLString<R>(_ string: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
    string.withCString { pointer in
        pointer.withMemoryRebound(to: xmlChar.self, capacity: string.utf8.count + 1, body)
    }
}
