/// Builds HTML text. Markup (tag and attribute names, fixed fragments) can only be given as string
/// literals (`StaticString`); every other string, whether an attribute value or content, goes
/// through `Escaping.html`. So text from a ward's document can never become markup.
final class HTMLBuilder {
    private(set) var output = ""

    init(capacity: Int = 1 << 16) {
        output.reserveCapacity(capacity)
    }

    /// An attribute: the name is a literal, the value is escaped; a nil value leaves it out.
    struct Attribute {
        var name: StaticString
        var value: String?

        init(_ name: StaticString, _ value: String?) {
            self.name = name
            self.value = value
        }

        static func `class`(_ value: String?) -> Attribute { Attribute("class", value) }
        static func id(_ value: String?) -> Attribute { Attribute("id", value) }
        static func href(_ value: String?) -> Attribute { Attribute("href", value) }
        static func lang(_ value: String?) -> Attribute { Attribute("lang", value) }
        static func title(_ value: String?) -> Attribute { Attribute("title", value) }
    }

    /// Fixed markup.
    func raw(_ markup: StaticString) {
        output += markup.description
    }

    /// Text, escaped.
    func text(_ string: String) {
        output += Escaping.html(string)
    }

    /// A JSON string, safe in a `<script>` data block (`Escaping.jsonInScript`).
    func json(_ string: String) {
        output += Escaping.jsonInScript(string)
    }

    func open(_ tag: StaticString, _ attributes: [Attribute] = []) {
        output += "<"
        output += tag.description
        for attribute in attributes {
            guard let value = attribute.value else { continue }
            output += " "
            output += attribute.name.description
            output += "=\""
            output += Escaping.html(value)
            output += "\""
        }
        output += ">"
    }

    func close(_ tag: StaticString) {
        output += "</"
        output += tag.description
        output += ">"
    }

    /// `<tag …>body</tag>`.
    func element(_ tag: StaticString, _ attributes: [Attribute] = [], _ body: () -> Void) {
        open(tag, attributes)
        body()
        close(tag)
    }

    /// `<tag …>text</tag>`, the text escaped.
    func element(_ tag: StaticString, _ attributes: [Attribute] = [], text string: String) {
        open(tag, attributes)
        text(string)
        close(tag)
    }

    /// What `body` writes, returned instead of added to the output (a part the page keeps as data
    /// and draws when asked for).
    func capture(_ body: () -> Void) -> String {
        let saved = output
        output = ""
        body()
        let part = output
        output = saved
        return part
    }

    /// A new line in the output, so the file reads and diffs line by line.
    func newline() {
        output += "\n"
    }
}
