import Foundation
import Testing

@testable import WardPlanKit

/// Every piece of evidence points at a real source line (1 or more), also for items read from a
/// table the reader rebuilt as one line (a Word table, a markdown table written one cell per line):
/// the XML schema takes no line 0, so one such evidence made `compare --xml` write nothing.
@Suite("Evidence lines")
struct EvidenceLineTests {
    /// Each evidence and item line of a plan that is below 1, named for the failure message.
    static func missingLines(_ plan: Plan) -> [String] {
        var missing: [String] = []
        func check(_ what: String, _ line: Int, _ evidence: [Evidence]) {
            if line < 1 { missing.append("\(what) at line \(line)") }
            for e in evidence where e.line < 1 { missing.append("\(what): “\(e.matched)” at line \(e.line)") }
        }
        func all(_ themes: [ThemeMatch]) -> [Evidence] { themes.flatMap(\.evidence) }
        for task in plan.tasks {
            check("task \(task.ref)", task.line, task.areaEvidence + all(task.themes) + all(task.productThemes))
        }
        for target in plan.targets {
            check("target \(target.text)", target.line, target.areaEvidence + all(target.themes))
        }
        for item in plan.narrative { check("narrative \(item.text)", item.line, item.areaEvidence + all(item.themes)) }
        for duty in plan.responsibilities.flatMap(\.duties) { check("duty \(duty.text)", duty.line, all(duty.themes)) }
        return missing
    }

    @Test(arguments: LayoutFixtureTests.cases)
    func everyEvidenceOfALayoutFixtureHasALine(_ testCase: LayoutFixtureTests.Case) throws {
        let path = "\(LayoutFixtureTests.folder)/\(testCase.file)"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        #expect(plan.tasks.contains { !$0.themes.isEmpty }, "\(testCase.file): no task has evidence to check")
        #expect(Self.missingLines(plan) == [], "\(testCase.file)")
    }

    /// A table is one line of the reader's, numbered as its first row; a row's words are found on
    /// the row's own line.
    @Test func aTableRowIsFoundOnItsOwnLine() {
        let table = TableBlock(
            rows: [
                TableRow(cells: [TableCell("STT"), TableCell("Nhiệm vụ")], span: SourceSpan(line: 3)),
                TableRow(cells: [TableCell("1"), TableCell("Số hóa hồ sơ")], span: SourceSpan(line: 5, endLine: 8)),
                TableRow(cells: [TableCell("2"), TableCell(""), TableCell("Ký số")], span: SourceSpan(line: 9)),
            ], headerRowCount: 1, span: SourceSpan(line: 3, endLine: 9))
        let source = SourceLines([
            DocumentLine(number: 1, text: "Kế hoạch"),
            DocumentLine(number: 3, text: "STT Nhiệm vụ", table: table),
            DocumentLine(number: 11, text: "Nơi nhận"),
        ])
        #expect(source.lines(5...5).map(\.number) == [5])
        #expect(source.lines(5...5).map(\.text) == ["1 Số hóa hồ sơ"])
        #expect(source.lines(9...9).map(\.text) == ["2 Ký số"])
        #expect(source.lines(3...3).map(\.text) == ["STT Nhiệm vụ"])
        #expect(source.lines(4...11).map(\.number) == [5, 9, 11])
    }

    /// A table task's theme is pointed at on its row.
    @Test func aTaskInATableHasItsEvidenceOnItsRow() throws {
        let path = "\(LayoutFixtureTests.folder)/hung-dung-tay-2027.md"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        let task = try #require(plan.task("1"))
        let evidence = task.themes.flatMap(\.evidence)
        #expect(!evidence.isEmpty)
        #expect(evidence.allSatisfy { $0.line == task.line })
    }

    /// `compare --xml` on every layout fixture in every format writes a report the schema takes.
    @Test func compareXMLOnEveryLayoutFixtureValidates() throws {
        let folder = try TemporaryFolder()
        let files = LayoutFixtureTests.cases.map {
            Fixtures.fixturesFolder.appendingPathComponent(LayoutFixtureTests.folder).appendingPathComponent($0.file)
                .path
        }
        #expect(files.count >= 30)
        let run = try CommandRun.run(
            ["compare"] + files + ["--xml", "report.xml", "--as-of", "2026-07-01", "--quiet"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("xml.invalid"), "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path("report.xml")))
        let valid = try CommandRun.run(["validate", "report.xml"], in: folder)
        #expect(valid.status == 0, "\(valid.stderr)")
    }
}
