import CLibXML2
import Foundation
import Synchronization
import Testing

@testable import WardPlanKit

/// lead35 (session 35): the id types' patterns (`PhraseId`, `PlanId`, `TaskId`) checked in Swift
/// on the writer's ids (`XMLIDPatterns`) instead of by libxml2 at every use. The checks are held to
/// libxml2's own matcher compiled from the shipped schema's patterns, on every short string of
/// awkward characters; the schemas without the patterns to the ones with them.
@Suite("FastPath35 XML id patterns")
struct FastPath35XMLTests {
    /// The `xs:pattern` of the simple type `type` in the shipped report schema.
    static func schemaPattern(of type: String) throws -> String {
        let url = try #require(XMLSchemaSet.url(of: XMLSchemaSet.reportFile))
        let text = try String(contentsOf: url, encoding: .utf8)
        let declaration = try #require(text.firstRange(of: "<xs:simpleType name=\"\(type)\">"))
        let rest = text[declaration.upperBound...]
        let end = try #require(rest.firstRange(of: "</xs:simpleType>"))
        let pattern = try #require(rest[..<end.lowerBound].firstMatch(of: /<xs:pattern value="([^"]*)"\/>/))
        return String(pattern.output.1)
    }

    /// libxml2's verdict on `text` for an XML Schema pattern (anchored at both ends, as in a facet).
    final class LibXMLPattern {
        let regexp: xmlRegexpPtr

        init(_ pattern: String) throws {
            _ = LibXML.ready
            regexp = try #require(xmlRegexpCompile(pattern))
        }

        deinit { xmlRegFreeRegexp(regexp) }

        func matches(_ text: String) -> Bool { xmlRegexpExec(regexp, text) == 1 }
    }

    /// Every string of up to `length` pieces of `alphabet`.
    static func strings(of alphabet: [String], upTo length: Int) -> [String] {
        var all = [""]
        var last = [""]
        for _ in 0..<length {
            last = last.flatMap { prefix in alphabet.map { prefix + $0 } }
            all += last
        }
        return all
    }

    static let awkward = ["a", "z", "0", "9", "-", ".", "_", "/", "A", " ", "ệ", "~"]

    @Test func aPlanIDIsWhatTheSchemasPatternTakes() throws {
        let pattern = try LibXMLPattern(Self.schemaPattern(of: "PlanId"))
        var texts = Self.strings(of: Self.awkward, upTo: 4) + Self.strings(of: ["a", "0", "-", "."], upTo: 7)
        texts += [
            "00008.2026-2030.263-kh-ubnd", "ha-noi.phuong-ngoc-ha.2026-2030.263-kh-ubnd", "a--b", "a..b", "a.-b",
            "-a", "a-", ".a", "a.", "a b", "\u{0}a", String(repeating: "ab-", count: 40) + "c",
        ]
        for text in texts {
            #expect(XMLIDPatterns.isPlanID(text) == pattern.matches(text), "\(text.debugDescription)")
        }
        #expect(XMLIDPatterns.isPlanID("00008.2026-2030.263-kh-ubnd"))
        #expect(!XMLIDPatterns.isPlanID(""))
    }

    @Test func aTaskIDIsWhatTheSchemasPatternTakes() throws {
        let pattern = try LibXMLPattern(Self.schemaPattern(of: "TaskId"))
        let plans = Self.strings(of: ["a", "0", "-", ".", "/"], upTo: 3) + ["00008.2026-2030.263-kh-ubnd", "A"]
        let markers = ["/task-", "/task", "/Task-", "//task-", "/task--", "/tasks-", "task-", "/task-/task-", ""]
        let refs = Self.strings(of: ["1", "a", "-", ".", "/", "ệ"], upTo: 3) + ["25", "3.12", "a.1-b"]
        for plan in plans {
            for marker in markers {
                for ref in refs {
                    let text = plan + marker + ref
                    #expect(XMLIDPatterns.isTaskID(text) == pattern.matches(text), "\(text.debugDescription)")
                }
            }
        }
        #expect(XMLIDPatterns.isTaskID("00008.2026-2030.263-kh-ubnd/task-25"))
    }

    @Test func aPhraseIDIsWhatTheSchemasPatternTakes() throws {
        let pattern = try LibXMLPattern(Self.schemaPattern(of: "PhraseId"))
        var texts = Self.strings(of: ["p", "0", "f", "g", "A"], upTo: 3)
        for count in 10...14 {
            for digit in ["0", "9", "a", "f", "g", "F", "-", "ệ"] {
                texts += ["p" + String(repeating: digit, count: count), "P" + String(repeating: digit, count: count)]
                texts.append("p" + String(repeating: "0", count: count - 1) + digit)
            }
        }
        texts += ["p0123456789ab", PhraseList.id(of: "cải cách hành chính"), PhraseList.id(of: "")]
        for text in texts {
            #expect(XMLIDPatterns.isPhraseID(text) == pattern.matches(text), "\(text.debugDescription)")
        }
        #expect(XMLIDPatterns.isPhraseID(PhraseList.id(of: "&<\"\u{7}")))
    }

    /// `hold`: every id of real plans, and not when one id is off.
    @Test func theSeedsIDsHoldAndOneIDOffDoesNot() throws {
        let plans = [Fixtures.namDoSon, Fixtures.ngocHa]
        let planIDs = PlanIdentity.ids(of: plans).ids
        let taskIDs = zip(plans, planIDs).map { PlanIdentity.taskIDs(planID: $1, tasks: $0.tasks) }
        let phrases = try PhraseList(plans: plans).ids.values
        #expect(taskIDs.joined().count > 20 && phrases.count > 20)
        #expect(XMLIDPatterns.hold(planIDs: planIDs, taskIDs: taskIDs, phraseIDs: phrases))
        #expect(!XMLIDPatterns.hold(planIDs: planIDs + ["Ward"], taskIDs: taskIDs, phraseIDs: phrases))
        var offTask = taskIDs
        offTask[0][0] += "/"
        #expect(!XMLIDPatterns.hold(planIDs: planIDs, taskIDs: offTask, phraseIDs: phrases))
        #expect(!XMLIDPatterns.hold(planIDs: planIDs, taskIDs: taskIDs, phraseIDs: Array(phrases) + ["p123"]))
    }

    // MARK: the schemas without the patterns

    /// On FastPath34's awkward parts, the schemas without the id patterns refuse what the ones with
    /// them refuse, with the same problems, but for the part whose one problem is a task id's form.
    @Test func theSchemasWithoutIDPatternsDifferOnlyOnIDs() throws {
        for (name, part) in try FastPath34XMLTests.awkwardParts() {
            let bytes = Array(part.utf8)
            let frame = PlanPartValidation.problems(bytes, id: "x", schema: XMLSchemaSet.reportFrame)
            let frameIDs = PlanPartValidation.problems(bytes, id: "x", schema: XMLSchemaSet.reportFrameIDs)
            let partIDs = PlanPartValidation.problems(bytes, id: "x", schema: XMLSchemaSet.reportPartIDs)
            #expect(partIDs == frameIDs, "\(name)")
            #expect(
                PlanPartValidation.frameProblems(
                    bytes, id: "x", schema: XMLSchemaSet.reportFrameIDs, folded: XMLSchemaSet.reportPartIDs)
                    == frameIDs, "\(name)")
            if name == "a task id with a Vietnamese letter" {
                #expect(!frame.isEmpty && frameIDs.isEmpty, "\(name)")
            } else {
                #expect(frameIDs == frame, "\(name)")
            }
        }
        let digests = [
            XMLSchemaSet.reportFrame, XMLSchemaSet.reportPart, XMLSchemaSet.reportFrameIDs, XMLSchemaSet.reportPartIDs,
            XMLSchemaSet.report,
        ].map(\.digest)
        #expect(Set(digests).count == digests.count)
    }

    /// A plan's element with a plan id, a task id or an evidence's phrase id out of form: refused
    /// with the patterns, taken without them (the patterns are gone, and only they).
    @Test func eachIDTypesPatternIsLeftOut() throws {
        let valid = try #require(try FastPath25XMLTests.handWrittenParts().first { $0.name == "valid" }).part
        #expect(PlanPartValidation.problems(Array(valid.utf8), id: "x", schema: XMLSchemaSet.reportFrame).isEmpty)
        let planID = try #require(valid.firstRange(of: /<plan id="[^"]*"/))
        let taskID = try #require(valid.firstRange(of: /<task id="[^"]*"/))
        var offPlan = valid
        offPlan.replaceSubrange(planID, with: "<plan id=\"Ward\"")
        var offTask = valid
        offTask.replaceSubrange(taskID, with: "<task id=\"x/Task-1\"")
        var parts = [("plan id", offPlan), ("task id", offTask)]
        if let phrase = valid.firstRange(of: /phrase="[^"]*"/) {
            var offPhrase = valid
            offPhrase.replaceSubrange(phrase, with: "phrase=\"P1\"")
            parts.append(("phrase id", offPhrase))
        }
        for (name, part) in parts {
            let bytes = Array(part.utf8)
            #expect(!PlanPartValidation.problems(bytes, id: "x", schema: XMLSchemaSet.reportFrame).isEmpty, "\(name)")
            #expect(PlanPartValidation.problems(bytes, id: "x", schema: XMLSchemaSet.reportFrameIDs).isEmpty, "\(name)")
        }
    }

    /// The writer validates real plans' elements against the schema without the id patterns (the
    /// verdict it keeps names it), and what it writes is valid against the whole schema.
    @Test func theWriterKeepsVerdictsOfTheSchemaWithoutIDPatterns() throws {
        final class Store: XMLPartStore, @unchecked Sendable {
            let verdicts = Mutex<[UInt64]>([])
            func xmlPart(for plan: Plan, id: String, verdict: UInt64) -> XMLPlanPart? { nil }
            func keepXMLPart(_ part: XMLPlanPart, for plan: Plan, id: String) {
                verdicts.withLock { $0.append(part.verdict) }
            }
        }
        let store = Store()
        let plans = [Fixtures.namDoSon, Fixtures.ngocHa]
        let comparer = Comparer()
        let output = try XMLReportWriter(codeLists: .init(comparer: comparer), parts: store, validation: .parts)
            .render(
                ExtractionResult(plans: plans, failed: []),
                comparison: comparer.compare(plans, asOf: ComparisonXMLTests.asOf))
        #expect(
            store.verdicts.withLock { $0 } == [XMLSchemaSet.reportFrameIDs.digest, XMLSchemaSet.reportFrameIDs.digest])
        let document = try SafeXMLParser.parse(output.data, path: "report.xml")
        #expect(XMLSchemaSet.validate(document).isEmpty)
    }
}
