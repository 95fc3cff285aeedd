import Foundation
import Testing

@testable import WardPlanKit

/// Issue 11 (xml42): a plan's element kept with the cache is delivered as the bytes read
/// (`XMLTextWriter.pass(part:lines:)`), not copied into the writer's buffer: the document's bytes
/// and what its validator is given are those of copying it (`append(part:lines:)`).
@Suite("XML kept parts delivered as read")
struct XMLPartPassTests {
    /// A document with `parts` as children of its root between bytes of its own, each part copied
    /// or passed, validated elsewhere (`lines`) or not; its bytes and what `check` was given.
    static func write(
        _ parts: [(bytes: Data, lines: Int)], passed: Bool, elsewhere: Bool
    ) throws -> (bytes: Data, checked: Data) {
        var bytes = Data()
        var checked = Data()
        let w = XMLTextWriter(deliver: { bytes.append($0) }, check: { checked.append($0) })
        w.start("report")
        w.attribute("n", parts.count)
        w.element("before", "ệ & <")
        for (k, part) in parts.enumerated() {
            if passed {
                w.pass(part: part.bytes, lines: elsewhere ? part.lines : nil)
            } else if elsewhere {
                w.append(part: Array(part.bytes), lines: part.lines)
            } else {
                w.append(part: Array(part.bytes))
            }
            if k % 3 == 2 { w.element("between", "\(k)") }
        }
        w.element("after", "x")
        try w.finish()
        return (bytes, checked)
    }

    static func parts(_ count: Int, size: Int = 40) -> [(bytes: Data, lines: Int)] {
        (0..<count).map { k in
            let text =
                "<plan id=\"p\(k)\">\n<name>Phường \(k)</name>\n" + String(repeating: "x", count: size) + "\n</plan>\n"
            // A slice, as a store gives it: its indices are not from zero.
            let file = Data("header".utf8) + Data(text.utf8)
            return (file.dropFirst(6), 4)
        }
    }

    @Test(arguments: [0, 1, 2, 3, 7])
    func passedPartsGiveTheBytesAndValidatorInputOfCopiedOnes(count: Int) throws {
        for elsewhere in [true, false] {
            let copied = try Self.write(Self.parts(count), passed: false, elsewhere: elsewhere)
            let passed = try Self.write(Self.parts(count), passed: true, elsewhere: elsewhere)
            #expect(passed.bytes == copied.bytes)
            #expect(passed.checked == copied.checked)
        }
    }

    /// Parts larger than a chunk (1 MB), and the lines of passed parts given before a chunk handed
    /// over (`pass(_:checked:)`, the comparison's).
    @Test func largePartsAndAHandedOverChunk() throws {
        let parts = Self.parts(3, size: 1_500_000)
        let copied = try Self.write(parts, passed: false, elsewhere: true)
        let passed = try Self.write(parts, passed: true, elsewhere: true)
        #expect(passed.bytes == copied.bytes)
        #expect(passed.checked == copied.checked)
        var checked = Data()
        var bytes = Data()
        let w = XMLTextWriter(deliver: { bytes.append($0) }, check: { checked.append($0) })
        w.start("r")
        w.pass(part: parts[0].bytes, lines: 4)
        w.pass(Data("<c>\n</c>\n".utf8), checked: Data("<c>\n</c>\n".utf8))
        try w.finish()
        let expected = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r>\n\n\n\n\n<c>\n</c>\n</r>\n"
        #expect(String(decoding: checked, as: UTF8.self) == expected)
        #expect(bytes.count == checked.count - 4 + parts[0].bytes.count)
    }
}
