import Foundation
import Testing

@testable import WardPlanKit

/// What issue #3 asks the classifier to show on the two seed plans.
@Suite("Classifier on the seeds")
struct ClassifierSeedTests {
    let namDoSon = Fixtures.namDoSon
    let ngocHa = Fixtures.ngocHa

    func themeIDs(_ task: PlanTask?) -> [String] { task?.themes.map(\.id) ?? [] }

    @Test func everySeedTaskHasATheme() {
        let tasks = namDoSon.tasks + ngocHa.tasks
        #expect(tasks.count == 82)
        let bare = tasks.filter { $0.themes.isEmpty }.map(\.ref)
        #expect(bare.isEmpty, "tasks with no theme: \(bare)")
        #expect(!(namDoSon.diagnostics + ngocHa.diagnostics).contains { $0.code == .noTheme })
    }

    @Test func theExamplesTheIssueNames() {
        #expect(themeIDs(namDoSon.task("3.13")).contains("online-public-services"))
        #expect(themeIDs(namDoSon.task("3.13")).contains("online-payment"))
        #expect(themeIDs(namDoSon.task("4.5")).contains("staff-downsizing"))
        #expect(themeIDs(namDoSon.task("5.1")).contains("job-rotation"))
        #expect(themeIDs(namDoSon.task("6.1")).contains("financial-autonomy"))
        #expect(themeIDs(namDoSon.task("7.7")).contains("digital-architecture"))
        #expect(themeIDs(namDoSon.task("2.4")).contains("expired-documents"))
        #expect(themeIDs(ngocHa.task("28")).contains("digitised-records"))
        #expect(themeIDs(ngocHa.task("22")).contains("job-positions"))
        #expect(themeIDs(ngocHa.task("9")).contains("capital-law"))
    }

    /// The wordings issue 9 found missed now match: task 2.5's "xử lý các văn bản quy phạm pháp
    /// luật không còn phù hợp", task 3.1's "kiểm tra công tác KSTTHC" and "truyền thông về công tác
    /// KSTTHC", task 3.11's "đánh giá mức độ hài lòng".
    @Test func theWordingsIssue9FoundMissedMatch() throws {
        let cleanUp = try #require(namDoSon.task("2.5")?.themes.first { $0.id == "rule-clean-up" })
        #expect(
            cleanUp.evidence.first?.matched.hasPrefix("xử lý các văn bản quy phạm pháp luật không còn phù hợp") == true)
        let task31 = try #require(namDoSon.task("3.1"))
        let inspection = try #require(task31.themes.first { $0.id == "par-inspection" })
        #expect(inspection.evidence.map(\.matched).contains { FoldedKey.of($0) == "kiem tra cong tac kstthc" })
        let communication = try #require(task31.themes.first { $0.id == "par-communication" })
        #expect(
            communication.evidence.map(\.matched).contains { FoldedKey.of($0) == "truyen thong ve cong tac kstthc" })
        #expect(themeIDs(namDoSon.task("3.11")).contains("satisfaction-measurement"))
        #expect(themeIDs(namDoSon.task("3.11")).contains("satisfaction"))
    }

    /// Task 2.3 implements a decree "về kiểm tra, rà soát, hệ thống hóa … văn bản quy phạm pháp
    /// luật": its legal-review evidence is not only the decree's number but the words that mean it.
    @Test func aTaskImplementingADecreeShowsTheDecreesWords() throws {
        let review = try #require(namDoSon.task("2.3")?.themes.first { $0.id == "legal-review" })
        let matched = review.evidence.map { FoldedKey.of($0.matched) }
        #expect(matched.contains("79 2025 nd cp"))
        #expect(matched.contains("ra soat he thong hoa") && matched.contains("kiem tra ra soat"), "\(matched)")
        #expect(review.evidence.allSatisfy { $0.line == namDoSon.task("2.3")?.line })
    }

    /// Words that do not say what a task is about make no theme (issue 9): a product, a portal
    /// named as the channel, a purpose clause, an example, a noun with no verb.
    @Test func wordsThatMeanNothingMakeNoTheme() throws {
        // "sáng kiến" only in the products of 3.2, "đăng tải công khai" only in those of 3.15.
        let task32 = try #require(namDoSon.task("3.2"))
        #expect(task32.products.joined().contains("sáng kiến"))
        #expect(!themeIDs(task32).contains("initiatives-models"))
        let task315 = try #require(namDoSon.task("3.15"))
        #expect(task315.products.joined().contains("đăng tải công khai"))
        #expect(!themeIDs(task315).contains("publication"))
        // "… trên Cổng Dịch vụ công quốc gia": the channel of feedback, not online services.
        #expect(task315.text.contains("trên Cổng Dịch vụ công quốc gia"))
        #expect(!themeIDs(task315).contains("online-public-services"))
        #expect(themeIDs(task315).contains("feedback"))
        // A purpose clause: the web portal "nhằm nâng cao mức độ hài lòng".
        let task29 = try #require(ngocHa.task("29"))
        #expect(themeIDs(task29) == ["web-portal"])
        // Channels named as examples ("như Zalo OA, Trang thông tin điện tử …") and "nền tảng số"
        // without "dùng chung".
        let task11 = try #require(ngocHa.task("11"))
        #expect(!themeIDs(task11).contains("web-portal") && !themeIDs(task11).contains("shared-platforms"))
        #expect(themeIDs(task11).contains("legal-dissemination"))
        // "văn bản quy phạm pháp luật" with no verb of drafting, review or processing.
        let task27 = try #require(namDoSon.task("2.7"))
        #expect(task27.text.contains("văn bản quy phạm pháp luật"))
        #expect(!themeIDs(task27).contains("legal-documents"))
        // Alone in a statement, a purpose still says what it is about: the Capital Law.
        let capital = try #require(ngocHa.targets.first { $0.text.contains("nhằm thi hành Luật Thủ đô") })
        #expect(capital.themes.map(\.id) == ["capital-law"])
    }

    @Test func negativeContextKeepsWrongThemesOut() throws {
        // "đơn vị sự nghiệp công lập" with "tự chủ" is financial autonomy, not the apparatus theme.
        #expect(!themeIDs(namDoSon.task("6.1")).contains("public-service-units"))
        // The plan's own funding section is not public-finance reform.
        let funding = namDoSon.narrative.filter { $0.section == .funding }
        #expect(!funding.isEmpty)
        #expect(funding.allSatisfy { !$0.themes.contains { $0.id == "budget" } })
        // Unmarked, "nhận tại" (received at) would be "nhân tài" (talent): that phrase keeps its marks.
        let received = try #require(namDoSon.targets.first { $0.text.contains("tiếp nhận tại") })
        #expect(!received.themes.contains { $0.id == "recruitment-talent" })
        // What a course is about is not its theme: 7.3 is a course on digital transformation, IT, AI
        // and data (what it teaches is digital skills, which the context spares).
        #expect(Set(themeIDs(namDoSon.task("7.3"))) == ["training", "digital-skills"])
        // "AI" is matched as a word of its own, with its marks.
        let classifier = PlanClassifier(taxonomy: ReferenceData.standard.taxonomy)
        let ai = try #require(
            classifier.themes(in: "Thí điểm dùng AI trả lời câu hỏi của người dân.").first { $0.id == "ai" })
        #expect(ai.evidence.map(\.matched) == ["AI"])
        #expect(!classifier.themes(in: "Sửa chữa trạm kiểm soát ở cửa ải.").contains { $0.id == "ai" })
    }

    /// Every piece of evidence points at a line of the file, and at the column where the matched
    /// words start in the line as the reader gives it.
    @Test(arguments: [Fixtures.namDoSonPath, Fixtures.ngocHaPath])
    func evidencePointsAtRealText(path: String) throws {
        let plan = path == Fixtures.namDoSonPath ? namDoSon : ngocHa
        let document = try ReaderRegistry.standard.read(Fixtures.data(path), path: path)
        let lines = Dictionary(uniqueKeysWithValues: document.lines.map { ($0.number, $0.text) })
        var evidence: [(String, Evidence)] = []
        for task in plan.tasks {
            evidence += (task.themes.flatMap(\.evidence) + task.areaEvidence).map { ("task \(task.ref)", $0) }
        }
        for target in plan.targets {
            evidence += target.themes.flatMap(\.evidence).map { ("target @\(target.line)", $0) }
        }
        for item in plan.narrative { evidence += item.themes.flatMap(\.evidence).map { ("item @\(item.line)", $0) } }
        #expect(evidence.count > 300)
        for (owner, e) in evidence {
            let line = try #require(lines[e.line], "\(owner): evidence on line \(e.line), which has no text")
            let rest = String(line.dropFirst(e.column - 1))
            // Compare keys: "matched" is the item's words, which may run over a page break.
            let firstWord = FoldedKey.words(e.matched).first.map(String.init) ?? ""
            #expect(
                rest.foldedKey.hasWordPrefix(firstWord),
                "\(owner): \"\(e.matched)\" is not at \(path):\(e.line):\(e.column): \(rest.prefix(40))")
            #expect(FoldedKey.of(e.matched) != "", "\(owner): empty match")
        }
    }

    @Test func areasComeFromTheHeadingTheContentOrBoth() throws {
        let task = try #require(namDoSon.task("3.13"))
        #expect(task.area == "procedures")
        #expect(task.areaBasis == .both)
        let heading = try #require(task.areaEvidence.first)
        #expect(heading.basis == .heading)
        #expect(heading.phrase == "cải cách thủ tục hành chính")
        #expect(heading.line == 274 && heading.column == 4)
        #expect(task.areaEvidence.dropFirst().allSatisfy { $0.basis == .content })
        // A ward's own group ("Nâng cao Chỉ số năng lực cạnh tranh (DDCI)") names no area of 76/282:
        // its themes put it in `other`.
        let ddci = try #require(namDoSon.task("8.1"))
        #expect(ddci.area == "other" && ddci.areaBasis == .both)
        // Targets have no area heading: their words decide.
        let onTime = try #require(namDoSon.targets.first { $0.metric == "on-time-rate" })
        #expect(onTime.area == "procedures" && onTime.areaBasis == .content)
        let governance = try #require(ngocHa.targets.first { $0.metric == "data-governance-level" })
        #expect(governance.area == "digital-government")
    }

    /// The areas the parser gave tasks (issue #2) are kept: the classifier adds, it does not move.
    @Test func headingAreasAreKept() {
        func counts(_ plan: Plan) -> [String: Int] { plan.tasks.reduce(into: [:]) { $0[$1.area, default: 0] += 1 } }
        #expect(
            counts(namDoSon) == [
                "direction": 5, "institutions": 7, "procedures": 18, "apparatus": 6, "civil-service": 3,
                "public-finance": 4, "digital-government": 8, "other": 2,
            ])
        #expect(counts(ngocHa)["other"] == nil)
    }

    /// "Ký số … văn bản điện tử … quản lý văn bản và điều hành" listed under apparatus keeps apparatus,
    /// gains digital-government as a secondary area, and a diagnostic says so.
    @Test func contentThatClearlySaysAnotherAreaIsASecondaryArea() throws {
        let item = try #require(namDoSon.narrative.first { $0.text.contains("ký số và gửi nhận văn bản điện tử") })
        #expect(item.area == "apparatus")
        #expect(item.areaBasis == .heading)
        #expect(item.secondaryAreas.first == "digital-government")
        #expect(item.themes.contains { $0.id == "e-signature" })
        let note = try #require(namDoSon.diagnostics.first { $0.code == .areaConflict && $0.line == item.line })
        #expect(note.severity == .note)
        #expect(note.message.contains("digital-government"))
        // A task whose words agree with its heading gets no such note.
        #expect(!namDoSon.diagnostics.contains { $0.code == .areaConflict && $0.line == namDoSon.task("3.13")!.line })
    }

    @Test func thePlanCarriesTheTaxonomyVersion() {
        #expect(namDoSon.taxonomyVersion == ReferenceData.standard.taxonomy.version)
        #expect(ngocHa.taxonomyVersion == "2.20.0")
    }

    @Test func jsonCarriesThemesAndEvidence() throws {
        let data = try JSONRenderer.render(ExtractionResult(plans: [namDoSon], failed: []))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let plan = try #require((json["plans"] as? [[String: Any]])?.first)
        #expect(plan["taxonomyVersion"] as? String == "2.20.0")
        let task = try #require((plan["tasks"] as? [[String: Any]])?.first { $0["ref"] as? String == "3.13" })
        let themes = try #require(task["themes"] as? [[String: Any]])
        #expect(themes.map { $0["id"] as? String }.contains("online-payment"))
        let evidence = try #require(themes.first?["evidence"] as? [[String: Any]])
        #expect(Set(evidence.first?.keys.map { $0 } ?? []) == ["phrase", "matched", "line", "column", "basis"])
        #expect(task["areaBasis"] as? String == "both")
        #expect(task["secondaryAreas"] as? [String] == [])
        let target = try #require((plan["targets"] as? [[String: Any]])?.first)
        #expect(target["area"] is String)
    }
}
