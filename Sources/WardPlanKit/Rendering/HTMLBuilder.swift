/// Builds HTML text. Markup (tag and attribute names, fixed fragments) can only be given as string
/// literals (`StaticString`); every other string, whether an attribute value or content, goes
/// through `Escaping.html`. So text from a ward's document can never become markup.
///
/// The page is built as UTF-8 bytes, text escaped straight into them (`Escaping.appendHTML`): no
/// `String` is made or grown per piece of markup. The bytes are a `ByteBuffer`, not an `[UInt8]`:
/// a page is millions of pieces, and an array's `append(contentsOf:)` costs ≈ 85–175 instructions
/// a piece (a uniqueness check, a generic copy) where the buffer's is a capacity check and a copy.
final class HTMLBuilder {
    // Unchecked for exclusivity: a builder is used by one thread and no method reaches `buffer` while
    // another access to it is open (`capture` swaps it out and back around its body, not during).
    @exclusivity(unchecked) private var buffer: ByteBuffer
    /// A buffer `captured` writes a part into, kept from part to part (nil while one is in use).
    private var scratch: ByteBuffer? = ByteBuffer(capacity: 1 << 16)

    init(capacity: Int = 1 << 16) {
        buffer = ByteBuffer(capacity: capacity)
    }

    /// The page so far.
    var bytes: [UInt8] { buffer.withUTF8 { Array($0) } }

    /// The page so far, as text.
    var output: String { buffer.withUTF8 { String(decoding: $0, as: UTF8.self) } }

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
        markup.withUTF8Buffer { buffer.append($0) }
    }

    /// Markup already made by this builder (`capture`), or text known to need no escaping.
    func raw(bytes part: [UInt8]) {
        part.withUnsafeBufferPointer { buffer.append($0) }
    }

    /// Bytes written by `write` at the end, in room for `maximum` (`ByteBuffer.appendWriting`): text
    /// known to need no escaping (base64).
    func raw(atMost maximum: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
        buffer.appendWriting(atMost: maximum, write)
    }

    /// Text, escaped.
    func text(_ string: String) {
        Escaping.appendHTML(string, to: &buffer)
    }

    /// A JSON string, safe in a `<script>` data block (`Escaping.jsonInScript`).
    func json(_ string: String) {
        var string = string
        string.withUTF8 { Escaping.appendJSONInScript($0, to: &buffer) }
    }

    func open(_ tag: StaticString, _ attributes: [Attribute] = []) {
        buffer.append(0x3C)  // <
        raw(tag)
        for attribute in attributes {
            guard let value = attribute.value else { continue }
            buffer.append(0x20)
            raw(attribute.name)
            buffer.append(0x3D)  // =
            buffer.append(0x22)
            Escaping.appendHTML(value, to: &buffer)
            buffer.append(0x22)
        }
        buffer.append(0x3E)  // >
    }

    func close(_ tag: StaticString) {
        buffer.append(0x3C)
        buffer.append(0x2F)  // </
        raw(tag)
        buffer.append(0x3E)
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
        var part: [UInt8] = []
        captured(body) { part = Array($0) }
        return part
    }

    /// What `body` writes, given to `use` instead of added to the output, in a buffer kept from part
    /// to part (a lazy page's parts are escaped from it into the page's data, not copied out first).
    /// `use` runs after `body`; a capture inside `body` takes a buffer of its own.
    func captured(_ body: () -> Void, _ use: (UnsafeBufferPointer<UInt8>) -> Void) {
        var part = scratch ?? ByteBuffer(capacity: 1 << 12)
        scratch = nil
        part.removeAll()
        swap(&part, &buffer)
        body()
        swap(&part, &buffer)
        part.withUTF8(use)
        scratch = part
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
                    Escaping.appendHTML(UnsafeBufferPointer(rebasing: text[start..<i]), to: &buffer)
                    close(tag)
                }
                start = i + 1
            }
        }
    }

    // MARK: A start tag written attribute by attribute
    //
    // `open(tag, [Attribute])` makes an array of attributes, and often a `String` per value, for every
    // element; the rows a page has thousands of (a task, a matrix cell) write their start tags with
    // these instead: the same bytes, nothing allocated.

    /// `<tag`; its attributes follow, then `endStart()`.
    func start(_ tag: StaticString) {
        buffer.append(0x3C)  // <
        raw(tag)
    }

    /// ` name="value"`, the value escaped (as `open` writes an attribute).
    func attribute(_ name: StaticString, _ value: String) {
        attributeStart(name)
        Escaping.appendHTML(value, to: &buffer)
        buffer.append(0x22)
    }

    /// ` name="value"`, or nothing for nil (as `open` leaves out an attribute whose value is nil).
    func attribute(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        attribute(name, value)
    }

    /// ` name="digits"`: `String(number)`.
    func attribute(_ name: StaticString, number: Int) {
        attributeStart(name)
        buffer.appendNumber(number)
        buffer.append(0x22)
    }

    /// ` name="a b c"`: the values joined by spaces, escaped. Escaping maps each character on its
    /// own and a space needs none, so the pieces escaped are the join escaped.
    func attribute(_ name: StaticString, joined values: [String]) {
        attributeStart(name)
        for (i, value) in values.enumerated() {
            if i > 0 { buffer.append(0x20) }
            Escaping.appendHTML(value, to: &buffer)
        }
        buffer.append(0x22)
    }

    /// ` name="`: the value follows (`text`, `number`, `raw`), then `attributeEnd()`.
    func attributeStart(_ name: StaticString) {
        buffer.append(0x20)
        raw(name)
        buffer.append(0x3D)  // =
        buffer.append(0x22)
    }

    func attributeEnd() { buffer.append(0x22) }

    /// The `>` that ends a start tag.
    func endStart() { buffer.append(0x3E) }

    /// A number's digits as text: `String(number)`, which needs no escaping.
    func number(_ number: Int) { buffer.appendNumber(number) }

    /// A new line in the output, so the file reads and diffs line by line.
    func newline() {
        buffer.append(0x0A)
    }
}
