import Foundation
import Testing
import ZIPFoundation

@testable import WardPlanKit

/// Plans written by hand in layouts and words unlike the seeds (`Tests/Fixtures/layouts`, issue 10
/// item 8), each read in every format a ward sends: the source as written (.md or .txt), a .docx
/// with real Word numbering and tables, the PDF LibreOffice prints from it, and a .txt with hard
/// line breaks and CRLF (all made by `scripts/fixtures/make-layout-fixtures.sh`). Each is compared
/// with `NAME.expected.json`, written by hand from the source: the document's number, date and
/// ward, every task's ref, lead and time as written, and the number of targets.
///
/// Tasks are paired by the start of their text, not by position, so one missed or extra task
/// does not shift every later comparison. A field is right only on a task that was found; a
/// missing task counts against every field. Leads and times compare by folded key (tone
/// placement, case, đ/d and punctuation ignored), so "Phòng Văn hoá - Xã hội" is "Phòng Văn
/// hóa-Xã hội", but "Quý II/2027" is not "Quý III/2027".
@Suite("Plans in other layouts")
struct LayoutFixtureTests {
    static let folder = "layouts"
    static let required = 0.95

    struct Expected: Decodable {
        var ward: String
        var number: String
        var date: String
        var tasks: [ExpectedTask]
        var targets: Int
    }

    struct ExpectedTask: Decodable {
        /// The group row or heading a restarting ref belongs to ("II" for row 3 of group II).
        var group: String?
        /// The number the plan gives the task; nil when the plan numbers none (bulleted tasks).
        var ref: String?
        var lead: String?
        var time: String?
        var textStart: String

        enum CodingKeys: String, CodingKey {
            case group, ref, lead, time
            case textStart = "text_start"
        }
    }

    /// One plan in one format.
    struct Case: Sendable, CustomTestStringConvertible {
        var plan: String
        var file: String
        var testDescription: String { file }
    }

    /// Every plan with an expectation file, in every format present on disk.
    static let cases: [Case] = {
        let url = Fixtures.fixturesFolder.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        let plans = names.filter { $0.hasSuffix(".expected.json") }.map { String($0.dropLast(".expected.json".count)) }
        return plans.sorted().flatMap { plan in
            ["\(plan).md", "\(plan).txt", "\(plan).docx", "\(plan).pdf", "\(plan).wrapped.txt"]
                .filter { names.contains($0) }
                .map { Case(plan: plan, file: $0) }
        }
    }()

    @Test func everyPlanComesInEveryFormat() {
        let plans = Set(Self.cases.map(\.plan))
        #expect(plans.count >= 8, "at least eight layout plans; found \(plans.sorted())")
        for plan in plans {
            let files = Self.cases.filter { $0.plan == plan }.map(\.file)
            for suffix in [".docx", ".pdf", ".wrapped.txt"] {
                #expect(files.contains(plan + suffix), "\(plan)\(suffix) is missing")
            }
            #expect(files.contains(plan + ".md") || files.contains(plan + ".txt"), "\(plan): no source")
        }
    }

    /// The files are what the brief asks of them: Word numbering rather than typed numbers, real
    /// tables, and text with hard line breaks and CRLF.
    @Test(arguments: Set(cases.map(\.plan)).sorted())
    func formatsAreWhatWardsSend(_ plan: String) throws {
        let archive = try Archive(data: Fixtures.data("\(Self.folder)/\(plan).docx"), accessMode: .read)
        var document = Data()
        let entry = try #require(archive["word/document.xml"])
        _ = try archive.extract(entry) { document.append($0) }
        let xml = String(decoding: document, as: UTF8.self)
        #expect(xml.contains("<w:numPr>"), "\(plan).docx has no automatic numbering")
        #expect(archive["word/numbering.xml"] != nil)
        // No paragraph starts with a typed "1.", "1.1." or "a)": those numbers come from numbering.xml.
        let marker = try Regex(#"^(\d+(\.\d+)*\.|[a-d]\)|\(\d+\)) "#)
        let typed = xml.components(separatedBy: "<w:p>").dropFirst().compactMap { paragraph -> String? in
            guard !paragraph.contains("<w:numPr>"),
                let start = paragraph.range(of: "<w:t xml:space=\"preserve\">"),
                let end = paragraph.range(of: "</w:t>", range: start.upperBound..<paragraph.endIndex)
            else { return nil }
            let first = paragraph[start.upperBound..<end.lowerBound]
            return first.contains(marker) ? String(first.prefix(20)) : nil
        }
        #expect(typed.isEmpty, "\(plan).docx: typed numbers \(typed.prefix(3))")
        let source = (try? Fixtures.text("\(Self.folder)/\(plan).md")) ?? ""
        if source.contains("\n|") { #expect(xml.contains("<w:tbl>"), "\(plan).docx: the table is not a table") }

        let text = try Fixtures.data("\(Self.folder)/\(plan).wrapped.txt")
        // Every line feed comes after a carriage return (Swift reads "\r\n" as one character, so bytes).
        let bytes = [UInt8](text)
        let bare = bytes.indices.filter { bytes[$0] == 0x0A && ($0 == 0 || bytes[$0 - 1] != 0x0D) }
        #expect(bare.isEmpty && bytes.last == 0x0A, "\(plan).wrapped.txt: not CRLF")
        let lines = String(decoding: text, as: UTF8.self).components(separatedBy: "\r\n")
        let long = lines.filter { !$0.contains("\t") && $0.count > 80 }
        #expect(long.isEmpty, "\(plan).wrapped.txt: lines over 80 columns: \(long.prefix(2))")
        #expect(try Fixtures.data("\(Self.folder)/\(plan).pdf").starts(with: Data("%PDF".utf8)))
    }

    /// The share of expected tasks whose field is right, per field, and what was not paired.
    struct Score: CustomStringConvertible {
        var expected = 0
        var found = 0
        var refs = Tally()
        var leads = Tally()
        var times = Tally()
        var spurious = 0
        var misses: [String] = []

        struct Tally {
            var right = 0
            var total = 0
            var share: Double { total == 0 ? 1 : Double(right) / Double(total) }
            mutating func count(_ isRight: Bool) {
                total += 1
                if isRight { right += 1 }
            }
        }

        var foundShare: Double { expected == 0 ? 1 : Double(found) / Double(expected) }

        var description: String {
            func pct(_ t: Tally) -> String { "\(t.right)/\(t.total)" }
            return "tasks \(found)/\(expected) found, \(spurious) extra; refs \(pct(refs)), leads \(pct(leads)), "
                + "times \(pct(times))"
        }
    }

    static func expected(_ plan: String) throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Fixtures.data("\(folder)/\(plan).expected.json"))
    }

    static func key(_ text: String?) -> String { FoldedKey.of(text ?? "") }

    /// Reads a fixture of another folder ("reader11/an-phu-tay-2027", `ext` "txt") and expects every
    /// check of its `.expected.json`; returns the plan for the test's own checks.
    static func readsAsWritten(_ fixture: String, ext: String) throws -> Plan {
        let path = fixture + "." + ext
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        let expected = try JSONDecoder().decode(Expected.self, from: Fixtures.data(fixture + ".expected.json"))
        for check in checks(plan, expected, file: path) {
            #expect(check.passed, "\(check.message)")
        }
        return plan
    }

    /// Pairs expected tasks with parsed ones by the start of their text and scores each field.
    static func score(_ plan: Plan, against expected: Expected) -> Score {
        var score = Score()
        var used = Set<Int>()
        var cursor = 0
        for task in expected.tasks {
            score.expected += 1
            let start = key(task.textStart)
            // Look after the last paired task first (plans are read in order), then anywhere.
            let order = Array(cursor..<plan.tasks.count) + Array(0..<min(cursor, plan.tasks.count))
            guard let index = order.first(where: { !used.contains($0) && key(plan.tasks[$0].text).hasPrefix(start) })
            else {
                score.misses.append("not found: \(task.ref ?? "-") \(task.textStart)")
                if task.ref != nil { score.refs.count(false) }
                score.leads.count(false)
                score.times.count(false)
                continue
            }
            used.insert(index)
            cursor = index + 1
            score.found += 1
            let actual = plan.tasks[index]
            if let ref = task.ref {
                let accepted = [ref] + (task.group.map { ["\($0).\(ref)"] } ?? [])
                score.refs.count(accepted.contains(actual.ref))
                if !accepted.contains(actual.ref) { score.misses.append("ref of \(ref): \(actual.ref)") }
            }
            let leadRight = leadMatches(task.lead, actual)
            score.leads.count(leadRight)
            if !leadRight {
                score.misses.append(
                    "lead of \(task.ref ?? task.textStart): \(actual.leadText ?? actual.lead.description)")
            }
            let timeRight = key(task.time) == key(actual.timeline?.text)
            score.times.count(timeRight)
            if !timeRight {
                score.misses.append("time of \(task.ref ?? task.textStart): \(actual.timeline?.text ?? "none")")
            }
        }
        score.spurious = plan.tasks.count - used.count
        return score
    }

    /// The lead as written, or the offices read from it when the parser split a list of leads.
    static func leadMatches(_ expected: String?, _ task: PlanTask) -> Bool {
        guard let expected else { return task.leadText == nil && task.lead.isEmpty }
        let want = key(expected)
        return want == key(task.leadText) || want == key(task.lead.joined(separator: "; "))
    }

    /// One requirement on one plan file, by name, so that the known failures below can name it.
    struct Check {
        var name: String
        var passed: Bool
        var message: String
    }

    /// Every check below for a plan read from one format of `fixture` ("folder/name", beside its
    /// `name.expected.json`), each an expectation of the calling test.
    static func expectChecks(_ plan: Plan, fixture: String, file: String) throws {
        let expected = try JSONDecoder().decode(Expected.self, from: Fixtures.data(fixture + ".expected.json"))
        for check in checks(plan, expected, file: file) {
            #expect(check.passed, "\(check.message)")
        }
    }

    static func checks(_ plan: Plan, _ expected: Expected, file: String) -> [Check] {
        let score = score(plan, against: expected)
        let misses = score.misses.prefix(8).joined(separator: "\n")
        func share(_ field: String, _ value: Double) -> Check {
            let percent = Int((value * 100).rounded())
            return Check(
                name: field, passed: value >= required,
                message: "\(file): \(field) \(percent) % right (\(score)); first misses:\n\(misses)")
        }
        return [
            Check(
                name: "number", passed: plan.document.number == expected.number,
                message: "\(file): number \(plan.document.number ?? "none")"),
            Check(
                name: "date", passed: plan.document.issuedOn?.description == expected.date,
                message: "\(file): date \(plan.document.issuedOn?.description ?? "none")"),
            Check(
                name: "ward", passed: key(plan.ward.name) == key(expected.ward),
                message: "\(file): ward \(plan.ward.name ?? "none")"),
            Check(
                name: "targets", passed: plan.targets.count == expected.targets,
                message: "\(file): \(plan.targets.count) targets, \(expected.targets) expected"),
            share("tasks", score.foundShare), share("refs", score.refs.share), share("leads", score.leads.share),
            share("times", score.times.share),
            // Extra tasks (narrative read as tasks) count against the plan as missed ones do.
            Check(
                name: "extra", passed: Double(score.spurious) <= Double(score.expected) * (1 - required),
                message: "\(file): \(score.spurious) tasks that the plan does not have"),
        ]
    }

    /// Fixture formats known to fall short, by file and check. Each is run as a known issue: it
    /// must still fail, so when a fix makes one pass, the test fails until its entry is removed
    /// here. The requirement itself (every check, ≥ 95 %) is never lowered.
    ///
    /// None now: `yen-phu-thuong-2027.pdf` (session 9: an area cell merged down over its rows left
    /// no gap between the rows for the PDF table finder) reads right since reader16 reads its
    /// ruled table from the rulings (`Reading/PDF/PDFGrid`).
    static let knownFailures: [String: Set<String>] = [:]

    @Test(arguments: cases)
    func readsAsWritten(_ testCase: Case) throws {
        let expected = try Self.expected(testCase.plan)
        let path = "\(Self.folder)/\(testCase.file)"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        let checks = Self.checks(plan, expected, file: testCase.file)
        let failed = checks.filter { !$0.passed }.map(\.name)
        print("layout \(testCase.file): \(Self.score(plan, against: expected)); failing: \(failed)")
        let known = Self.knownFailures[testCase.file] ?? []
        for check in checks {
            if known.contains(check.name) {
                withKnownIssue("\(testCase.file): \(check.name) is not read right by the current parser") {
                    #expect(check.passed, "\(check.message)")
                }
            } else {
                #expect(check.passed, "\(check.message)")
            }
        }
    }

    /// The scorer itself, on a hand-made plan: it must notice each kind of mistake.
    @Test func scoringCountsEachKindOfMistake() {
        func task(_ ref: String, _ text: String, lead: String?, time: String?) -> PlanTask {
            var t = PlanTask(ref: ref, text: text, area: "other", leadText: lead, line: 1)
            if let time { t.timeline = Timeline(text: time) }
            return t
        }
        var plan = Plan(source: SourceInfo(path: "x.md", sha256: "", format: "md", nonBlankLines: 3))
        plan.tasks = [
            task("1", "Rà soát văn bản quy phạm pháp luật", lead: "Phòng Văn hoá-Xã hội", time: "Quý II/2027"),
            task("II.2", "Kiểm tra công vụ đột xuất", lead: "Văn phòng HĐND và UBND", time: "Quý III/2027"),
            task("9", "Một việc không có trong kế hoạch", lead: nil, time: nil),
        ]
        let expected = Expected(
            ward: "X", number: "1/KH-UBND", date: "2027-01-01",
            tasks: [
                ExpectedTask(
                    group: "I", ref: "1", lead: "Phòng Văn hóa - Xã hội", time: "Quý II/2027",
                    textStart: "Rà soát văn bản quy phạm"),
                ExpectedTask(
                    group: "II", ref: "2", lead: "Văn phòng HĐND và UBND", time: "Quý II/2027",
                    textStart: "Kiểm tra công vụ"),
                ExpectedTask(group: nil, ref: "3", lead: "Công an phường", time: nil, textStart: "Bảo đảm an ninh"),
            ], targets: 0)
        let score = Self.score(plan, against: expected)
        #expect(score.found == 2 && score.expected == 3)
        #expect(score.spurious == 1)
        #expect((score.refs.right, score.refs.total) == (2, 3))  // "II.2" is group II's row 2
        #expect((score.leads.right, score.leads.total) == (2, 3))  // tone placement and spacing ignored
        #expect((score.times.right, score.times.total) == (1, 3))  // Quý III is not Quý II
    }
}
