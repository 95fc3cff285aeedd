import Foundation
import Synchronization
import Testing

@testable import WardPlanKit

/// xml34 (session 34): a plan's element validated first with its text's non-ASCII characters
/// folded to `~`, against the frame's schema without `phraseKey`, and as it is only when that finds
/// a problem; the writer's evidence (phrase ids found by the text's bytes, `matched` compared by
/// bytes) and a part's line breaks counted sixteen bytes at a time. Each new piece is held to the
/// code it replaced (kept here) or to hand-written expectations.
@Suite("FastPath34 XML validation and writing")
struct FastPath34XMLTests {
    // MARK: the fold

    /// The fold as its comment states it, one character at a time: outside `<…>`, each byte of a
    /// complete two-byte sequence (lead C2–DF) and three-byte one (lead E1–EC or EE) becomes `~`.
    static func referenceFold(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var inTag = false
        var i = 0
        func isContinuation(_ k: Int) -> Bool { k < bytes.count && bytes[k] >= 0x80 && bytes[k] <= 0xBF }
        while i < bytes.count {
            let b = bytes[i]
            if inTag {
                if b == UInt8(ascii: ">") { inTag = false }
                out.append(b)
                i += 1
            } else if b == UInt8(ascii: "<") {
                inTag = true
                out.append(b)
                i += 1
            } else if (0xC2...0xDF).contains(b) && isContinuation(i + 1) {
                out += Array("~~".utf8)
                i += 2
            } else if ((0xE1...0xEC).contains(b) || b == 0xEE) && isContinuation(i + 1) && isContinuation(i + 2) {
                out += Array("~~~".utf8)
                i += 3
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    static func fold(_ text: String) -> String {
        String(decoding: Array(text.utf8).withUnsafeBufferPointer { PlanPartValidation.folded($0) }, as: UTF8.self)
    }

    @Test func theFoldChangesTextCharactersOnly() {
        #expect(Self.fold("") == "")
        #expect(Self.fold("<a>plain &amp; ASCII</a>\n") == "<a>plain &amp; ASCII</a>\n")
        #expect(
            Self.fold("<ward kind=\"phường\"><name>Ngọc Hà</name></ward>\n")
                == "<ward kind=\"phường\"><name>Ng~~~c H~~</name></ward>\n")
        // A combining mark (U+0301, two bytes) folds alone; đ (two bytes) and ệ (three) alike.
        #expect(Self.fold("<t>e\u{301}đệ</t>") == "<t>e~~~~~~~</t>")
        // Four-byte characters, U+FFFE/U+FFFF (EF), U+0800–U+0FFF (E0) and U+D000–U+D7FF (ED) stay.
        #expect(Self.fold("<t>😀\u{FFFE}\u{0900}\u{D55C}</t>") == "<t>😀\u{FFFE}\u{0900}\u{D55C}</t>")
        // Characters of a name and of a value stay; after the tag, text folds again.
        #expect(Self.fold("<tên a=\"ầ\">ầ</tên>") == "<tên a=\"ầ\">~~~</tên>")
    }

    @Test func theFoldLeavesBrokenUTF8Broken() {
        let cases: [[UInt8]] = [
            [0xC3],  // a lead at the end
            [0xC3, 0x41],  // a lead before ASCII
            [0xA1, 0xC3, 0xA1, 0xA1],  // stray continuation bytes around a character
            [0xE1, 0xBB],  // three-byte lead, one continuation, the end
            [0xE1, 0xC3, 0xA1],  // a lead whose next is another character's lead
            [0xC0, 0x80, 0xC1, 0xBF],  // overlong leads
            [0xF5, 0x80, 0xFF, 0xFE],
        ]
        for bytes in cases {
            let folded = bytes.withUnsafeBufferPointer { PlanPartValidation.folded($0) }
            #expect(folded == Self.referenceFold(bytes), "\(bytes)")
            #expect(String(validating: folded, as: UTF8.self) == nil, "\(bytes) stays broken")
        }
    }

    /// Random bytes from a palette of tags, quotes, ASCII, leads and continuations, at every length
    /// up to 70 (blocks of sixteen and the bytes after them): the fold is the reference's.
    @Test func theFoldIsTheReferencesOnRandomBytes() {
        let palette: [UInt8] = [
            0x3C, 0x3E, 0x22, 0x41, 0x7E, 0x0A, 0x26, 0x80, 0xA1, 0xBF, 0xC2, 0xC3, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
            0xEE, 0xEF, 0xF0, 0xFF,
        ]
        var generator = SplitMix64(seed: 34)
        for length in 0...70 {
            for _ in 0..<40 {
                let bytes = (0..<length).map { _ in palette[Int(generator.next() % UInt64(palette.count))] }
                let folded = bytes.withUnsafeBufferPointer { PlanPartValidation.folded($0) }
                #expect(folded == Self.referenceFold(bytes), "\(bytes)")
            }
        }
    }

    /// The fold's argument (`PlanPartValidation+Folded.swift`) holds for the shipped schema: the
    /// built-in types it names take `~` only where they take any character, no pattern takes `~` or
    /// any character (no `.`, no negated class, no multi-character escape), and no enumeration
    /// holds `~`. A schema that changes any of these stops here.
    @Test func theSchemaRefusesTildeWhereItRefusesACharacter() throws {
        let url = try #require(XMLSchemaSet.url(of: XMLSchemaSet.reportFile))
        let text = try String(contentsOf: url, encoding: .utf8)
        let builtIns = Set(
            text.matches(of: /(?:type|base|itemType)="xs:([A-Za-z]+)"/).map { String($0.output.1) })
        #expect(
            builtIns.isSubset(of: [
                "string", "token", "boolean", "date", "double", "gYear", "nonNegativeInteger", "positiveInteger",
            ]), "\(builtIns.sorted())")
        for match in text.matches(of: /<xs:pattern value="([^"]*)"/) {
            let pattern = String(match.output.1)
            // A `.` outside a class (where it is any character), escapes and classes taken out.
            let outside = pattern.replacingOccurrences(of: "\\.", with: "").replacing(/\[[^\]]*\]/, with: "")
            #expect(!outside.contains("."), "\(pattern)")
            #expect(!pattern.contains("[^") && !pattern.contains("~"), "\(pattern)")
            for escape in ["\\S", "\\s", "\\c", "\\C", "\\i", "\\I", "\\w", "\\W", "\\D", "\\p", "\\P"] {
                #expect(!pattern.contains(escape), "\(pattern)")
            }
        }
        #expect(!text.matches(of: /<xs:enumeration value="[^"]*~/).contains { _ in true })
        // The one length facet: a list of an enumeration (which refuses `~`), so a folded text's
        // length in characters (a two-byte character, two `~`) never decides a verdict.
        #expect(text.matches(of: /(?:min|max)Length value=|<xs:length\b/).count == 1)
        #expect(
            text.contains("<xs:list itemType=\"GapBasis\"/>\n      </xs:simpleType>\n      <xs:minLength value=\"1\"/>")
        )
        #expect(!text.contains("xs:any"))
    }

    // MARK: a part's problems, folded first

    /// Parts with non-ASCII text in every kind of place: text, an enumeration's value, a pattern's,
    /// a date's, a name; and FastPath25's hand-written ones (valid, broken, not closed, two plans).
    static func awkwardParts() throws -> [(name: String, part: String)] {
        let base = try FastPath25XMLTests.handWrittenParts()
        let first = base[0].part
        func replacing(_ old: String, _ new: String) -> String {
            guard let range = first.range(of: old) else { return first }
            return first.replacingOccurrences(of: old, with: new, range: range)
        }
        let kind = try #require(first.firstRange(of: /<ward kind="[^"]*"/))
        let taskID = try #require(first.firstRange(of: /<task id="[^"]*/))
        let date = try #require(first.firstRange(of: /(?:from|date|issuedOn|deadline|end)="/))
        return base + [
            ("a text in Vietnamese", replacing("<text>", "<text>Cải cách hành chính &amp; \u{1EC7}; ")),
            ("a ward kind valid", first.replacingCharacters(in: kind, with: "<ward kind=\"đặc khu\"")),
            ("a ward kind with a tone misplaced", first.replacingCharacters(in: kind, with: "<ward kind=\"phuờng\"")),
            ("a task id with a Vietnamese letter", first.replacingCharacters(in: taskID, with: "<task id=\"x/task-ệ")),
            ("a date with a Vietnamese digit", first.replacingCharacters(in: date, with: first[date] + "ệ")),
            ("an element named in Vietnamese", replacing("<text>", "<tên/><text>")),
            ("Vietnamese between two tags", replacing("</text>", "</text>ệ")),
            ("a stray byte in a text", replacing("<text>", "<text>\u{FFFE}")),
            ("a line number in Vietnamese", replacing(" line=\"", " line=\"ệ")),
        ]
    }

    @Test func aFoldedPartGivesTheProblemsOfThePartAsItIs() throws {
        for (name, part) in try Self.awkwardParts() {
            let bytes = Array(part.utf8)
            let asItIs = PlanPartValidation.problems(bytes, id: "x", schema: XMLSchemaSet.reportFrame)
            #expect(PlanPartValidation.frameProblems(bytes, id: "x") == asItIs, "\(name)")
            if name.contains("misplaced") || name.contains("task id with") || name.contains("date")
                || name.contains("named")
                || name.contains("between") || name.contains("stray") || name.contains("line number")
            {
                #expect(!asItIs.isEmpty, "\(name) is refused")
            }
            if name.hasPrefix("valid") || name.contains("in Vietnamese") && name.contains("text")
                || name.contains("kind valid")
            {
                #expect(asItIs.isEmpty, "\(name) is valid")
                // Valid parts pass folded: the second validation is not needed.
                let folded = bytes.withUnsafeBufferPointer { PlanPartValidation.folded($0) }
                #expect(folded != bytes, "\(name) has something to fold")
                #expect(
                    PlanPartValidation.problems(folded, id: "x", schema: XMLSchemaSet.reportPart).isEmpty, "\(name)")
            }
        }
    }

    /// The frame's schema without `phraseKey` gives the frame's problems on every part.
    @Test func thePartSchemaRefusesWhatTheFrameRefuses() throws {
        for (name, part) in try Self.awkwardParts() {
            let bytes = Array(part.utf8)
            #expect(
                PlanPartValidation.problems(bytes, id: "x", schema: XMLSchemaSet.reportPart)
                    == PlanPartValidation.problems(bytes, id: "x", schema: XMLSchemaSet.reportFrame), "\(name)")
        }
        #expect(XMLSchemaSet.reportPart.digest != XMLSchemaSet.reportFrame.digest)
    }

    /// A broken part between two valid ones, on one worker and on two: only its own problems, and
    /// the valid ones' verdicts (the frame's digest), whatever was validated before on the thread.
    @Test(arguments: [1, 2])
    func aBrokenPartBetweenValidOnesKeepsItsProblemsToItself(workers: Int) throws {
        let parts = try Self.awkwardParts()
        let valid = try #require(parts.first { $0.name == "valid" }).part
        let other = try #require(parts.first { $0.name == "valid, the other" }).part
        let broken = parts.filter {
            !PlanPartValidation.problems(Array($0.part.utf8), id: "b", schema: XMLSchemaSet.reportFrame).isEmpty
        }
        #expect(broken.count >= 10)
        for broken in broken {
            let validation = PlanPartValidation(workers: workers)
            let verdicts = Mutex<[String: UInt64]>([:])
            for (id, part) in [("v1", valid), ("b", broken.part), ("v2", other), ("v3", valid)] {
                validation.check(Array(part.utf8), id: id) { verdict in verdicts.withLock { $0[id] = verdict } }
            }
            let found = validation.finish()
            let expected = PlanPartValidation.problems(
                Array(broken.part.utf8), id: "b", schema: XMLSchemaSet.reportFrame)
            #expect(found == expected, "\(broken.name)")
            #expect(
                verdicts.withLock { $0 } == [
                    "v1": XMLSchemaSet.reportFrame.digest, "v2": XMLSchemaSet.reportFrame.digest,
                    "v3": XMLSchemaSet.reportFrame.digest,
                ], "\(broken.name)")
        }
    }

    // MARK: the writer

    /// `XMLTextWriter.evidence` against the calls `PlanXML` made before (the reference), at two
    /// indentations, first in a start tag still open and then after an element, with awkward values.
    @Test(arguments: [0, 2])
    func anEvidenceIsWrittenAsByTheGenericCalls(indent: Int) throws {
        let cases: [(line: Int, column: Int, phrase: String, basis: String?, matched: String?)] = [
            (1, 1, "p0123456789ab", nil, nil),
            (12, 40, "p0123456789ab", "heading", nil),
            (3, 2, "&<>\"'", nil, "A & B < C > \"q\""),
            (-3, 0, "\u{7}\t\r\n", "heading", "\u{7}x\t\r\n"),
            (7, 9, "e\u{301}", nil, "é"),
            (0, 1, "", nil, ""),
            (123_456, 7, "\u{FFFE}", "content", "đệ\u{1F600}"),
        ]
        for c in cases {
            let new = XMLTextWriter(indent: indent)
            let old = XMLTextWriter(indent: indent)
            for w in [new, old] {
                w.location = ("plan.txt", 5)
                w.start("report")
                w.start("theme")
                w.attribute("id", "t")
            }
            for _ in 0..<2 {
                new.evidence(
                    "evidence", line: c.line, column: c.column, phrase: c.phrase, basis: c.basis, matched: c.matched)
                old.start("evidence")
                old.attribute("line", c.line)
                old.attribute("column", c.column)
                old.attribute("phrase", c.phrase)
                old.attribute("basis", c.basis)
                old.element("matched", c.matched)
                old.end()
            }
            for w in [new, old] {
                w.end()
                w.element("after", "text")
                w.end()
            }
            let newBytes = try new.finish()
            let oldBytes = try old.finish()
            #expect(
                newBytes == oldBytes,
                "\(c)\n\(String(decoding: newBytes, as: UTF8.self))\n\(String(decoding: oldBytes, as: UTF8.self))")
            #expect(new.replacements == old.replacements, "\(c)")
        }
    }

    /// Numbers (one and two digits by a shorter path) as `String(_:)` writes them.
    @Test func numbersAreWrittenAsStringWritesThem() throws {
        let values = Array(-120...1_200) + [9_999, 10_000, 99_999, 100_000, 123_456_789, Int.max]
        for value in values {
            let w = XMLTextWriter(partIndent: 0)
            w.start("a")
            w.attribute("n", value)
            #expect(String(decoding: w.partBytes(), as: UTF8.self) == "<a n=\"\(value)\"/>\n", "\(value)")
        }
    }

    @Test func sameBytesIsTheByteComparison() {
        let texts = [
            "", "a", "&", "<", "\"", "\u{7}", "e\u{301}", "é", "hoá", "hóa", "Cải cách", "Cải cách ", "cải cách",
            String(repeating: "ệ", count: 40), String(repeating: "ệ", count: 39) + "e",
        ]
        for a in texts {
            for b in texts {
                #expect(ExactText.sameBytes(a, b) == a.utf8.elementsEqual(b.utf8), "\(a) \(b)")
            }
        }
    }

    /// The ids by the texts' bytes are the ones the `[String: String]` gave: texts equal but for
    /// their bytes (NFC and NFD) one phrase, the first seen; a text not in the list its own id.
    @Test func phraseIDsAreTheDictionarys() throws {
        let nfc = "cải cách hành chính"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(!ExactText.sameBytes(nfc, nfd))
        var plan = Fixtures.ngocHa
        let evidence = [
            Evidence(phrase: nfd, matched: nfd, line: 1, column: 1, basis: .content),
            Evidence(phrase: nfc, matched: "", line: 2, column: 1, basis: .heading),
            Evidence(phrase: "&<\"\u{7}", matched: "x", line: 3, column: 2, basis: .content),
            Evidence(phrase: "", matched: "", line: 4, column: 1, basis: .content),
        ]
        plan.tasks[0].themes.append(
            ThemeMatch(id: "x-test", area: plan.tasks[0].themes.first?.area ?? "", evidence: evidence))
        let list = try PhraseList(plans: [Fixtures.namDoSon, plan])
        // Each text also as a copy made apart (its bytes stored elsewhere, so found by its bytes).
        let apart = { (text: String) in String(decoding: Array(text.utf8), as: UTF8.self) }
        var texts = [nfc, nfd, apart(nfc), apart(nfd), "&<\"\u{7}", "", "not in the list", "cải cách"]
        Fixtures.namDoSon.forEachEvidence { texts += [$0.phrase, apart($0.phrase)] }
        for text in texts {
            #expect(list.id(of: text) == (list.ids[text] ?? PhraseList.id(of: text)), "\(text)")
        }
        #expect(list.id(of: nfd) == list.id(of: nfc))
    }

    @Test func lineBreaksAreCountedAsByteByByte() {
        var generator = SplitMix64(seed: 7)
        for length in 0...80 {
            for _ in 0..<10 {
                let bytes = (0..<length).map { _ in [0x0A, 0x0D, 0x41, 0x8A, 0x0B][Int(generator.next() % 5)] as UInt8 }
                #expect(XMLReportWriter.lineBreaks(in: bytes) == bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 })
            }
        }
        #expect(XMLReportWriter.lineBreaks(in: [UInt8](repeating: 0x0A, count: 1000)) == 1000)
    }

    /// Plans with awkward evidence and text written by parts, whole and with a store: the same
    /// bytes, a `<matched>` exactly where the words are not the phrase's bytes, valid against the
    /// whole schema, and read back to the same evidence.
    @Test func awkwardEvidenceIsWrittenAsBefore() throws {
        let nfc = "cải cách hành chính"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        var plan = Fixtures.ngocHa
        plan.tasks[0].text = "A & B < C \"quoted\" \u{7} e\u{301} đệ"
        let evidence = [
            Evidence(phrase: nfc, matched: nfd, line: 1, column: 1, basis: .content),
            Evidence(phrase: nfc, matched: nfc, line: 2, column: 3, basis: .heading),
            Evidence(phrase: "a & b", matched: "A &amp; <B>", line: 3, column: 2, basis: .content),
            Evidence(phrase: "", matched: "", line: 4, column: 1, basis: .content),
            Evidence(phrase: "x", matched: "", line: 5, column: 1, basis: .content),
        ]
        let area = plan.tasks[0].area
        plan.tasks[0].themes.append(ThemeMatch(id: "x-test", area: area, evidence: evidence))
        let result = ExtractionResult(plans: [Fixtures.namDoSon, plan], failed: [])
        let parts = try XMLReportWriter(validation: .parts).render(result)
        let whole = try XMLReportWriter(validation: .whole).render(result)
        #expect(parts.data == whole.data)
        #expect(parts.diagnostics == whole.diagnostics)
        #expect(parts.diagnostics.contains { $0.code == .xmlReplacedCharacter })
        let text = String(decoding: parts.data, as: UTF8.self)
        #expect(text.contains("<matched>\(nfd)</matched>"))
        #expect(text.contains("<matched>A &amp;amp; &lt;B&gt;</matched>"))
        // A `<matched>` for each evidence whose words are not its phrase's bytes (the old test).
        var differing = 0
        for plan in result.plans {
            plan.forEachEvidence { if !$0.matched.utf8.elementsEqual($0.phrase.utf8) { differing += 1 } }
        }
        #expect(text.components(separatedBy: "<matched>").count - 1 == differing)
        #expect(text.contains("A &amp; B &lt; C &quot;quoted&quot; \u{FFFD} e\u{301} đệ"))
        #expect(XMLValidator.validate(parts.data, path: "parts.xml").diagnostics == [])
    }
}
