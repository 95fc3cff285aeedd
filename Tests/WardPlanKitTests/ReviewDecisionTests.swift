import Foundation
import Testing

@testable import WardPlanKit

/// Issue 12, part 2: decisions a specialist keeps across runs.
@Suite("Reviewer decisions")
struct ReviewDecisionTests {
    static let file = """
        # Decisions of the Department's reviewer
        decisions:
          - ward: "00008"
            kind: theme
            id: staff-downsizing
            mark: not-applicable
            note: "Phường thực hiện theo đề án của thành phố"
            date: 2026-07-05
          - ward: "Phường Nam Đồ Sơn"
            kind: theme
            id: one-stop
            mark: sent
          - ward: "00008"
            kind: target
            id: online-services@2026-2030
            mark: accepted
          - ward: xa-khong-co
            kind: citation
            id: resolution-76
            mark: sent
        """

    static func load(_ text: String) throws(DataFileError) -> ReviewDecisions {
        try ReviewDecisions(path: "wards/decisions.yaml", text: text)
    }

    @Test func loadsDecisionsWithTheirLines() throws {
        let decisions = try Self.load(Self.file).decisions
        #expect(decisions.map(\.mark) == [.notApplicable, .sent, .accepted, .sent])
        #expect(decisions.map(\.line) == [3, 9, 13, 17])
        #expect(decisions[0].note == "Phường thực hiện theo đề án của thành phố")
        #expect(decisions[1].kind == .theme && decisions[2].kind == .target)
    }

    @Test func strictLoadingNamesTheLine() {
        func error(_ text: String) -> DataFileError? {
            do {
                _ = try Self.load(text)
                return nil
            } catch { return error }
        }
        let misspelt = error("decisions:\n  - ward: a\n    kind: theme\n    id: x\n    mark: sent\n    notes: y\n")
        #expect(misspelt?.line == 6)
        #expect(misspelt?.message.contains("unknown field \"notes\"") == true)
        let badMark = error("decisions:\n  - ward: a\n    kind: theme\n    id: x\n    mark: done\n")
        #expect(badMark?.line == 5)
        let badKind = error("decisions:\n  - ward: a\n    kind: area\n    id: x\n    mark: sent\n")
        #expect(badKind?.line == 3)
        let badDate = error("decisions:\n  - ward: a\n    kind: theme\n    id: x\n    mark: sent\n    date: 5/7/2026\n")
        #expect(badDate?.line == 6)
        let twice = error(
            "decisions:\n  - {ward: a, kind: theme, id: x, mark: sent}\n  - {ward: A, kind: theme, id: x, mark: accepted}\n"
        )
        #expect(twice?.line == 3)
        #expect(twice?.message.contains("first is on line 2") == true)
        let missing = error("decisions:\n  - {ward: a, kind: theme, mark: sent}\n")
        #expect(missing?.line == 2)
        #expect(missing.map { "\($0)" }?.hasPrefix("wards/decisions.yaml:2: error:") == true)
    }

    @Test func decisionsAreOpenResolvedOrWithoutAWard() throws {
        let decisions = try Self.load(Self.file)
        let states = decisions.review(LetterTests.seeds).map(\.state)
        // Ngọc Hà lacks staff-downsizing (open); Nam Đồ Sơn has a one-stop task (resolved: no item);
        // Ngọc Hà meets the online-services benchmark (resolved); no plan of "xa-khong-co".
        #expect(states == [.open, .resolved, .resolved, .noWard])
        let diagnostics = decisions.diagnostics(LetterTests.seeds)
        #expect(diagnostics.map(\.code) == [.decisionResolved, .decisionResolved, .decisionUnknownWard])
        #expect(diagnostics.map(\.line) == [9, 13, 17])
    }

    @Test func lettersLeaveOutWhatIsNotApplicable() throws {
        let decisions = try Self.load(Self.file)
        let letters = LetterComposer().letters(
            LetterTests.seeds, plans: [Fixtures.namDoSon, Fixtures.ngocHa], decisions: decisions)
        #expect(!letters[1].items.contains { $0.id == "staff-downsizing" })
        #expect(!letters[1].plainText.contains("tinh giản biên chế"))
        #expect(letters[1].items.count == LetterTests.seedLetters[1].items.count - 1)
        // Sent and accepted items stay in the letter.
        #expect(letters[0].items == LetterTests.seedLetters[0].items)
    }

    @Test func theReportShowsTheMarks() throws {
        let decisions = try Self.load(Self.file)
        let html = HTMLReportRenderer().page(
            Report(comparison: LetterTests.seeds, plans: [Fixtures.namDoSon, Fixtures.ngocHa], decisions: decisions))
        #expect(
            html.contains(
                "<li>Tinh giản biên chế: không áp dụng, không đưa vào công văn (2026-07-05) – Phường thực hiện theo đề án của thành phố</li>"
            ))
        #expect(html.contains("đã gửi đề nghị; đã giải quyết: kế hoạch không còn thiếu nội dung này</li>"))
        #expect(html.contains("<li>xa-khong-co: "))
    }

    @Test func theCommandsReadWardsDecisionsYaml() throws {
        let folder = try CompareCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.file.write(
            to: folder.appendingPathComponent("wards/decisions.yaml"), atomically: true, encoding: .utf8)
        let letters = try CompareCommandTests.run(
            ["letters", "wards", "--out", "out", "--as-of", "2026-07-01", "--verbose"], in: folder)
        #expect(letters.status == 0)
        #expect(letters.stderr.contains("wards/decisions.yaml:9: note: resolved"))
        #expect(letters.stderr.contains("wards/decisions.yaml:17: warning: no plan of xa-khong-co"))
        let data = try Data(contentsOf: folder.appendingPathComponent("out/phuong-ngoc-ha.docx"))
        let text = try WordFiles.lines(data).map(\.text).joined(separator: "\n")
        #expect(text.contains("263/KH-UBND"))
        #expect(!text.contains("tinh giản biên chế"))
        // A broken file stops the run with its line, before anything is written.
        try "decisions:\n  - {ward: a, kind: theme, id: x, mark: maybe}\n".write(
            to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let broken = try CompareCommandTests.run(
            ["compare", "wards", "--html", "r.html", "--decisions", "broken.yaml"], in: folder)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("broken.yaml:2: error:"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.html").path))
    }
}
