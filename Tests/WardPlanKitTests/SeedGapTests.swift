import Testing

@testable import WardPlanKit

/// What issue 9 asks the gaps of the two seed plans to show, on 1 July 2026; each expectation was
/// checked by reading the plans.
@Suite("Seed gaps")
struct SeedGapTests {
    let comparison = Comparer().compare([Fixtures.namDoSon, Fixtures.ngocHa], asOf: ComparisonTests.asOf)
    var namDoSon: WardGaps { comparison.gaps[0] }
    var ngocHa: WardGaps { comparison.gaps[1] }

    @Test func namDoSonIsNotAskedForTheCapitalLawOrRuleCleanUp() {
        // Luật Thủ đô is Hà Nội's; Nam Đồ Sơn is in Hải Phòng.
        #expect(namDoSon.item(.theme, "capital-law") == nil)
        // Task 2.5 ("xử lý các văn bản quy phạm pháp luật không còn phù hợp") covers the clean-up, and
        // the theme is expected by no national document: no item either way.
        #expect(namDoSon.item(.theme, "rule-clean-up") == nil)
    }

    @Test func namDoSonGetsAnUpdateNoteForDecision282NotAnAbsentCitation() throws {
        let citation = try #require(namDoSon.item(.citation, "decision-282"))
        #expect(citation.level == .update)
        #expect(citation.expectedBy == ["QĐ 282/QĐ-TTg"])
        // Nothing QĐ 282 alone expects is counted against a plan of January 2026.
        #expect(!namDoSon.national.contains { $0.expectedBy == ["QĐ 282/QĐ-TTg"] })
        #expect(namDoSon.updates.allSatisfy { $0.expectedBy == ["QĐ 282/QĐ-TTg"] && $0.note.contains("12/02/2026") })
    }

    @Test func ngocHasFullyOnlineTargetMeetsOnlineServices() throws {
        let row = try #require(comparison.targets.benchmark("online-services@2026-2030"))
        #expect(row.cells[1].status == .met)
        // The target that meets it: "100% TTHC … toàn trình", line 43.
        #expect(row.cells[1].targets.map(\.line) == [43])
        #expect(ngocHa.item(.target, "online-services@2026-2030") == nil)
    }

    @Test func ngocHaStatesThemesItHasNoTaskFor() throws {
        let expected: [(String, [Int])] = [
            // II.3 deciding procedures regardless of place (rules11) and "cơ chế một cửa, một cửa liên
            // thông"; duty of Văn phòng HĐND và UBND
            ("one-stop", [136, 140, 276]),
            ("online-payment", [58, 316]),  // target "thanh toán trực tuyến"; duty of Công an phường
            ("financial-autonomy", [37, 176, 178, 356]),  // target I.2.a; II.6.b, c; Phụ lục I
            ("data-governance", [41, 59, 316]),  // targets: level 3, level 4; duty of Công an phường
        ]
        for (theme, lines) in expected {
            let item = try #require(ngocHa.item(.theme, theme), "\(theme)")
            #expect(item.level == .stated, "\(theme)")
            #expect(item.basis == [.national], "\(theme)")
            #expect(item.places.map(\.line) == lines, "\(theme)")
            #expect(item.places.allSatisfy { $0.section != nil }, "\(theme)")
        }
        let oneStop = try #require(ngocHa.item(.theme, "one-stop"))
        #expect(oneStop.places.map(\.section) == ["mục 3 phần II", "mục 3 phần II", "mục 2.2 phần V"])
        // Procedure control is stated (II.3.a) but met by the ward's own work on procedures: it has
        // tasks in at least two of publication, simplification, feedback, internal procedures.
        #expect(ngocHa.item(.theme, "procedure-control") == nil)
        let related = ["publication", "simplification", "feedback", "internal-procedures"]
        let withTasks = comparison.coverage.themes.filter { related.contains($0.id) && !$0.cells[1].tasks.isEmpty }
        #expect(withTasks.count >= 2)
    }

    @Test func ngocHaLacksESignatureAndStaffDownsizing() throws {
        for theme in ["e-signature", "staff-downsizing"] {
            let item = try #require(ngocHa.item(.theme, theme), "\(theme)")
            #expect(item.level == .absent && item.places.isEmpty)
            #expect(item.expectedBy == ["NQ 76/NQ-CP"])
        }
        #expect(ngocHa.count == 2)
    }

    @Test func twoWardsGiveNoPeerItems() {
        #expect(comparison.gaps.allSatisfy { $0.peersOnly.isEmpty })
        #expect(!comparison.gaps.contains { gaps in gaps.items.contains { $0.basis.contains(.peers) } })
    }

    @Test func dutiesAreClassified() throws {
        // Công an phường: "… nâng cao tỷ lệ thanh toán trực tuyến …" (line 316).
        let police = try #require(Fixtures.ngocHa.responsibilities.first { $0.office == "Công an phường" })
        let duty = try #require(police.duties.first { $0.line == 316 })
        #expect(duty.themes.contains { $0.id == "online-payment" })
    }
}
