import Foundation
import Testing

@testable import WardPlanKit

/// `XMLTextWriter` writes the bytes libxml2's `xmlTextWriter` wrote for the same calls (UTF-8,
/// each element on a line). The expected texts are what libxml2 2.9.14's writer printed for these
/// calls (a C program against `libxml/xmlwriter.h`; docs/performance.md, perf-xml3).
@Suite("XML text writer")
struct XMLTextWriterTests {
    /// The calls of both tests below.
    static func write(_ w: XMLTextWriter) throws -> String {
        w.start("r", namespace: "urn:x")
        w.attribute("a", "x<y>&\"z\"\n\t\r'ệ")
        w.attribute("n", 120)
        w.attribute("absent", nil as String?)
        w.start("e")
        w.end()
        w.element("t", "a<b>&\"c\"\r\n\td'ệ")
        w.element("empty", "")
        w.element("none", nil)
        w.start("p", prefix: "q", namespace: "urn:q")
        w.start("c", prefix: "q")
        w.text("1")
        w.end()
        w.start("d")
        w.start("f")
        w.attribute("k", "v")
        return String(decoding: try w.finish(), as: UTF8.self)
    }

    /// With an indentation of two spaces (`xmlTextWriterSetIndentString(w, "  ")`).
    @Test func writesWhatLibxml2sWriterWroteIndented() throws {
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <r a="x&lt;y&gt;&amp;&quot;z&quot;&#10;&#9;&#13;'ệ" n="120" xmlns="urn:x">
              <e/>
              <t>a&lt;b&gt;&amp;&quot;c&quot;&#13;
            \td'ệ</t>
              <empty></empty>
              <q:p xmlns:q="urn:q">
                <q:c>1</q:c>
                <d>
                  <f k="v"/>
                </d>
              </q:p>
            </r>

            """
        #expect(try Self.write(XMLTextWriter(indent: 2)) == expected)
    }

    /// As the report's files are written: each element on a line, no indentation
    /// (`xmlTextWriterSetIndentString(w, "")`).
    @Test func writesWhatLibxml2sWriterWroteWithoutIndentation() throws {
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <r a="x&lt;y&gt;&amp;&quot;z&quot;&#10;&#9;&#13;'ệ" n="120" xmlns="urn:x">
            <e/>
            <t>a&lt;b&gt;&amp;&quot;c&quot;&#13;
            \td'ệ</t>
            <empty></empty>
            <q:p xmlns:q="urn:q">
            <q:c>1</q:c>
            <d>
            <f k="v"/>
            </d>
            </q:p>
            </r>

            """
        #expect(try Self.write(XMLTextWriter()) == expected)
    }

    @Test func numbersAreWrittenInFull() throws {
        let w = XMLTextWriter()
        w.start("n")
        for (i, value) in [0, 7, 10, 99, 100, 12345, -3].enumerated() { w.attribute("v\(i)", value) }
        let text = String(decoding: try w.finish(), as: UTF8.self)
        #expect(text.hasSuffix("<n v0=\"0\" v1=\"7\" v2=\"10\" v3=\"99\" v4=\"100\" v5=\"12345\" v6=\"-3\"/>\n"))
    }

    @Test func aCharacterXMLCannotCarryIsReplacedAndRecorded() throws {
        let w = XMLTextWriter()
        w.location = ("a.txt", 4)
        w.start("r")
        w.attribute("a", "x\u{1}y")
        w.text("Trước\u{0C}sau \u{FFFE} ế")
        let text = String(decoding: try w.finish(), as: UTF8.self)
        #expect(text.hasSuffix("<r a=\"x\u{FFFD}y\">Trước\u{FFFD}sau \u{FFFD} ế</r>\n"))
        #expect(w.replacements.map(\.line) == [4, 4, 4])
        #expect(w.replacements.map(\.message).allSatisfy { $0.contains("U+") })
        #expect(w.replacements[1].message.contains("U+000C") && w.replacements[2].message.contains("U+FFFE"))
    }

    /// A document of several megabytes arrives in chunks of at least 1 MB, whole and in order.
    @Test func chunksAreTheWholeDocument() throws {
        var chunks: [Data] = []
        let w = XMLTextWriter { chunks.append($0) }
        let memory = XMLTextWriter()
        for writer in [w, memory] {
            writer.start("r")
            for i in 0..<60_000 { writer.element("item", "dòng \(i) & <b>") }
        }
        try w.finish()
        let whole = try memory.finish()
        #expect(chunks.count >= 2)
        #expect(chunks.dropLast().allSatisfy { $0.count >= 1 << 20 })
        #expect(chunks.reduce(Data(), +) == whole)
    }
}
