/// Builds HTML text. Markup (tag and attribute names, fixed fragments) can only be given as string
/// literals (`StaticString`); every other string, whether an attribute value or content, goes
/// through `Escaping.html`. So text from a ward's document can never become markup.
///
/// The page is built as UTF-8 bytes, text escaped straight into them (`Escaping.appendHTML`): no
/// `String` is made or grown per piece of markup.
final class HTMLBuilder {
    // Unchecked for exclusivity: a builder is used by one thread and no method reaches `bytes` while
    // another access to it is open (`capture` swaps it out and back around its body, not during).
    @exclusivity(unchecked) private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    /// The page so far, as text.
    var output: String { String(decoding: bytes, as: UTF8.self) }

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
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Markup already made by this builder (`capture`), or text known to need no escaping.
    func raw(bytes part: [UInt8]) {
        bytes.append(contentsOf: part)
    }

    /// Text, escaped.
    func text(_ string: String) {
        Escaping.appendHTML(string, to: &bytes)
    }

    /// A JSON string, safe in a `<script>` data block (`Escaping.jsonInScript`).
    func json(_ string: String) {
        Escaping.appendJSONInScript(string, to: &bytes)
    }

    func open(_ tag: StaticString, _ attributes: [Attribute] = []) {
        bytes.append(0x3C)  // <
        raw(tag)
        for attribute in attributes {
            guard let value = attribute.value else { continue }
            bytes.append(0x20)
            raw(attribute.name)
            bytes.append(0x3D)  // =
            bytes.append(0x22)
            Escaping.appendHTML(value, to: &bytes)
            bytes.append(0x22)
        }
        bytes.append(0x3E)  // >
    }

    func close(_ tag: StaticString) {
        bytes.append(0x3C)
        bytes.append(0x2F)  // </
        raw(tag)
        bytes.append(0x3E)
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
    func capture(_ body: () -> Void) -> [UInt8] {
        var saved: [UInt8] = []
        saved.reserveCapacity(1 << 12)
        swap(&saved, &bytes)
        body()
        swap(&saved, &bytes)
        return saved
    }

    /// `<tag>line</tag>` for each line of `text` that is not empty, the lines escaped: what
    /// `text.split(separator: "\n")` gives (a line feed after a carriage return is one character
    /// with it, so it does not end a line), without a `String` per line.
    func lines(_ string: String, tag: StaticString, _ attributes: [Attribute] = []) {
        var string = string
        string.withUTF8 { text in
            var start = 0
            for i in 0...text.count {
                guard i == text.count || (text[i] == 0x0A && (i == 0 || text[i - 1] != 0x0D)) else { continue }
                if i > start {
                    open(tag, attributes)
                    Escaping.appendHTML(UnsafeBufferPointer(rebasing: text[start..<i]), to: &bytes)
                    close(tag)
                }
                start = i + 1
            }
        }
    }

    /// A new line in the output, so the file reads and diffs line by line.
    func newline() {
        bytes.append(0x0A)
    }
}
