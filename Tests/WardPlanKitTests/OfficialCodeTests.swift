import Foundation
import Testing

@testable import WardPlanKit

/// Issue 12, the rest: ids from official codes, a city's groups as peer groups, decision marks in
/// every output, letters written as one set, the commands' words in both languages.
@Suite("Official codes, groups, marks")
struct OfficialCodeTests {
    static let plans = [Fixtures.namDoSon, Fixtures.ngocHa]

    // MARK: - Ids

    @Test func wardsAndPlansMatchedToTheListAreKeyedByTheirOfficialCode() {
        let c = LetterTests.seeds
        // Nam Đồ Sơn is unit 11737 of Hải Phòng, Ngọc Hà unit 8 of Hà Nội (units.csv).
        #expect(c.wards.map(\.id) == ["11737", "00008"])
        #expect(c.wards.map(\.code) == [11737, 8])
        #expect(c.wards.map(\.planID) == ["11737.2026.qd-ubnd-unnumbered", "00008.2026-2030.263-kh-ubnd"])
        // The key they had before, still known for decisions written with it.
        #expect(c.wards.map(\.slugID) == ["phuong-nam-do-son-hai-phong", "phuong-ngoc-ha-ha-noi"])
        #expect(UnitRegistry.codeText(8) == "00008" && UnitRegistry.codeText(11737) == "11737")
    }

    @Test func aWardTheListDoesNotSettleKeepsItsSlug() {
        // "An Phú" names units of five provinces; with no province it is none of them.
        var ambiguous = ThemeGapTests.plan("An Phú", tasks: [], province: "")
        ambiguous.ward.province = nil
        ambiguous.ward.kind = nil
        let unknown = ThemeGapTests.plan("Không Có", tasks: [])
        let settled = ThemeGapTests.plan("An Phú", tasks: [], province: "Hải Phòng")
        var commune = settled
        commune.ward.kind = .commune
        let c = Comparer().compare([ambiguous, unknown, commune], asOf: ThemeGapTests.asOf)
        #expect(c.wards.map(\.id) == ["an-phu", "phuong-khong-co-ha-noi", "10645"])
        #expect(c.wards.map(\.code) == [nil, nil, 10645])
        #expect(c.wards[0].planID == "unknown-province.an-phu.2026.unnumbered")
        #expect(c.wards[1].planID == "ha-noi.phuong-khong-co.2026.unnumbered")
        #expect(c.wards[2].planID == "10645.2026.unnumbered")
        // The ambiguous one is reported, with the units it may be; the unknown one is not a problem
        // of the comparison (the registry section lists it when a list is given).
        #expect(c.diagnostics.map(\.code) == [.ambiguousUnit])
        #expect(c.diagnostics.first?.message.contains("5 units of the national list") == true)
        #expect(c.diagnostics.first?.message.contains("Xã An Phú (Thành phố Hải Phòng)") == true)
    }

    @Test func theCodeKeysEveryOutput() throws {
        let report = Report(comparison: LetterTests.seeds, plans: Self.plans)
        let html = HTMLReportRenderer().page(report)
        #expect(html.contains(#"<tr data-ward="00008">"#))
        #expect(html.contains(##"<a href="#w-00008">Phường Ngọc Hà</a>"##))
        let gaps = try #require(CSVReportRenderer().render(report).first { $0.name == "gaps.csv" })
        let text = String(decoding: gaps.data, as: UTF8.self)
        #expect(text.contains("\r\n00008,Phường Ngọc Hà,Hà Nội,theme,"))
        let json = String(decoding: try JSONRenderer.render(LetterTests.seeds), as: UTF8.self)
        #expect(json.contains(#""id" : "00008""#) && json.contains(#""code" : 8"#))
    }

    @Test func twoPlansOfOneUnitAreVersionsHoweverTheyNameIt() {
        // The revision says "Phường Ngọc Hà" without its city: still unit 8, so one ward, the newest compared.
        let original = ThemeGapTests.plan("Ngọc Hà", tasks: [["one-stop"]])
        var revision = ThemeGapTests.plan(
            "NGỌC HÀ", tasks: [["one-stop"]], issued: CalendarDate(year: 2026, month: 9, day: 1))
        revision.ward.province = nil
        let versions = PlanVersions.split([original, revision])
        #expect(versions.current.map(\.ward.name) == ["NGỌC HÀ"])
        #expect(versions.older.count == 1)
        // Compared without the split, both carry the code and are warned about as one ward's two plans.
        let c = Comparer().compare([original, revision], asOf: ThemeGapTests.asOf)
        #expect(c.wards.map(\.id) == ["00008", "00008-2"])
        #expect(c.diagnostics.map(\.code) == [.duplicateWard])
    }

    // MARK: - Decisions written with the old keys

    static let oldKeys = """
        decisions:
          - ward: phuong-ngoc-ha-ha-noi
            kind: theme
            id: staff-downsizing
            mark: not-applicable
            note: "Theo đề án của thành phố"
          - ward: 11737
            kind: theme
            id: one-stop
            mark: sent
          - ward: "00008"
            kind: target
            id: online-services@2026-2030
            mark: accepted
        """

    @Test func decisionsKeyedTheOldWayAreStillFoundAndToldToMove() throws {
        let decisions = try ReviewDecisions(path: "wards/decisions.yaml", text: Self.oldKeys)
        let reviewed = decisions.review(LetterTests.seeds)
        #expect(reviewed.map(\.ward) == ["00008", "11737", "00008"])
        #expect(reviewed.map(\.state) == [.open, .resolved, .resolved])
        let notes = decisions.diagnostics(LetterTests.seeds)
        #expect(notes.map(\.code) == [.decisionOldWardKey, .decisionResolved, .decisionResolved])
        #expect(notes[0].line == 2)
        #expect(notes[0].message.contains("ward: '00008'"))
        // In the command's language: Vietnamese first.
        let vi = decisions.diagnostics(LetterTests.seeds, language: .vi).map(\.message)
        #expect(
            vi[0].hasPrefix("phuong-ngoc-ha-ha-noi nay được ghi bằng mã đơn vị hành chính: hãy viết \"ward: '00008'\""))
        #expect(vi[1].hasPrefix("đã giải quyết: 11737 không còn thiếu theme one-stop"))
        // The letter still leaves the item out.
        let letters = LetterComposer().letters(LetterTests.seeds, plans: Self.plans, decisions: decisions)
        #expect(!letters[1].items.contains { $0.id == "staff-downsizing" })
    }

    // MARK: - Marks in every output

    @Test func marksAndResolvedDecisionsAreInTheJSONTheCSVAndTheGapsSection() throws {
        let decisions = try ReviewDecisions(path: "wards/decisions.yaml", text: ReviewDecisionTests.file)
        var c = LetterTests.seeds
        decisions.apply(to: &c)
        // On the item: Ngọc Hà's staff-downsizing, not applicable.
        let item = try #require(c.gaps[1].item(.theme, "staff-downsizing"))
        #expect(item.decision?.mark == .notApplicable)
        #expect(item.decision?.note == "Phường thực hiện theo đề án của thành phố")
        #expect(c.gaps[0].items.allSatisfy { $0.decision == nil })
        // Every decision with its state: open, resolved, resolved, no ward.
        #expect(c.decisions?.map(\.state) == [.open, .resolved, .resolved, .noWard])
        #expect(c.decisions?.map(\.ward) == ["00008", "11737", "00008", "xa-khong-co"])

        let json = String(decoding: try JSONRenderer.render(c), as: UTF8.self)
        #expect(json.contains(#""mark" : "not-applicable""#))
        #expect(json.contains(#""state" : "resolved""#))
        #expect(json.contains(#""state" : "no-ward""#))

        let report = Report(comparison: c, plans: Self.plans, decisions: decisions)
        let gaps = try #require(CSVReportRenderer().render(report).first { $0.name == "gaps.csv" })
        let rows = String(decoding: gaps.data, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(rows[0].hasSuffix(",Đánh dấu,Ghi chú đánh dấu"))
        let marked = try #require(rows.first { $0.contains(",staff-downsizing,") })
        #expect(marked.hasSuffix(",not-applicable,Phường thực hiện theo đề án của thành phố"))
        // The resolved ones: a row each, level "resolved", under their ward.
        let resolved = rows.filter { $0.contains("đã giải quyết (kế hoạch không còn thiếu)") }
        #expect(resolved.count == 2)
        #expect(
            resolved.contains { $0.hasPrefix("11737,") && $0.contains(",theme,one-stop,") && $0.hasSuffix(",sent,") })
        #expect(resolved.contains { $0.hasPrefix("00008,") && $0.contains(",target,online-services@2026-2030,") })

        let html = HTMLReportRenderer().page(report)
        let gapsSection = try #require(html.range(of: #"id="gaps""#).map { String(html[$0.lowerBound...]) })
        #expect(
            gapsSection.contains(
                "<span class=\"badge\">Chuyên viên đánh dấu: không áp dụng, không đưa vào công văn (2026-07-05) – Phường thực hiện theo đề án của thành phố</span>"
            ))
        #expect(gapsSection.contains("<h4>Đánh dấu của chuyên viên đã được giải quyết</h4>"))
        #expect(
            gapsSection.contains(
                "<li>Cơ chế một cửa, một cửa liên thông: đã gửi đề nghị; đã giải quyết: kế hoạch không còn thiếu nội dung này</li>"
            ))
    }

    @Test func compareWritesTheMarksIntoEveryOutput() throws {
        let folder = try CompareCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ReviewDecisionTests.file.write(
            to: folder.appendingPathComponent("wards/decisions.yaml"), atomically: true, encoding: .utf8)
        let run = try CompareCommandTests.run(
            [
                "compare", "wards", "--json", "c.json", "--csv", "csv", "--html", "r.html", "--xml", "r.xml", "--as-of",
                "2026-07-01",
            ],
            in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        // The decisions file beside the plans is read, not reported as a skipped input.
        #expect(!run.stderr.contains("[read.skipped]"))
        let json = try String(contentsOf: folder.appendingPathComponent("c.json"), encoding: .utf8)
        // Compact JSON (the command's default): no space around the colon.
        #expect(json.contains(#""mark":"not-applicable""#) && json.contains(#""state":"resolved""#))
        let csv = try String(contentsOf: folder.appendingPathComponent("csv/gaps.csv"), encoding: .utf8)
        #expect(csv.contains(",not-applicable,"))
        let html = try String(contentsOf: folder.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(html.contains("Chuyên viên đánh dấu: không áp dụng"))
        // The XML (validated against the schema before it is written): the mark on the item, the
        // resolved decisions under their ward, the official codes on the wards.
        let xml = try String(contentsOf: folder.appendingPathComponent("r.xml"), encoding: .utf8)
        #expect(xml.contains(#"<decision mark="not-applicable" date="2026-07-05">"#))
        #expect(xml.contains(#"<resolved kind="theme" id="one-stop" mark="sent"/>"#))
        #expect(xml.contains(#"<resolved kind="target" id="online-services@2026-2030" mark="accepted"/>"#))
        #expect(xml.contains(#"key="00008" code="8""#))
    }

    // MARK: - A city's groups are the peer groups

    /// Seven Hà Nội wards of the national list, in two clusters. online-payment: three of the four
    /// wards of cluster 1 (not Cửa Nam), none of cluster 2.
    static let clustered: [Plan] = {
        let names = ["Ba Đình", "Ngọc Hà", "Giảng Võ", "Cửa Nam", "Hoàn Kiếm", "Phú Thượng", "Hồng Hà"]
        return names.enumerated().map { i, name in
            ThemeGapTests.plan(name, tasks: [i < 3 ? ["online-payment"] : ["capital-law"]])
        }
    }()

    static let clusters: [Int: String] = [
        4: "Cụm 1", 8: "Cụm 1", 25: "Cụm 1", 73: "Cụm 1", 70: "Cụm 2", 91: "Cụm 2", 97: "Cụm 2",
    ]

    static func peerItem(_ c: Comparison, _ w: Int) -> GapItem? { c.gaps[w].item(.theme, "online-payment") }

    @Test func aCitysGroupsAreThePeerGroupsWhenItGivesThem() throws {
        var comparer = Comparer(reference: ThemeGapTests.reference, minPeers: 2)
        // The province as one group: Cửa Nam has 6 peers, 3 with the task: not most (3 × 2 = 6).
        let province = comparer.compare(Self.clustered, asOf: ThemeGapTests.asOf)
        #expect(Self.peerItem(province, 3) == nil)
        #expect(province.wards.allSatisfy { $0.group == nil })
        // The city's clusters: Cửa Nam's peers are the other three of cluster 1, all with the task.
        comparer.groups = Self.clusters
        let city = comparer.compare(Self.clustered, asOf: ThemeGapTests.asOf)
        #expect(city.wards.map(\.group) == ["Cụm 1", "Cụm 1", "Cụm 1", "Cụm 1", "Cụm 2", "Cụm 2", "Cụm 2"])
        let cuaNam = try #require(Self.peerItem(city, 3))
        #expect(cuaNam.basis == [.peers] && cuaNam.peers == GapItem.PeerShare(covering: 3, of: 3))
        // Cluster 2: two peers each, none with the task.
        for w in 4...6 { #expect(Self.peerItem(city, w) == nil) }
        // The report carries the group for its filters.
        let html = HTMLReportRenderer().page(Report(comparison: city, plans: Self.clustered))
        #expect(html.contains(#"<tr data-ward="00073" data-group="Cụm 1">"#))
        #expect(html.contains(#"data-ward="00070" data-group="Cụm 2""#))
    }

    @Test func compareTakesTheGroupsFromRegistryCSV() throws {
        let folder = try CompareCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "code,name,kind,group\n8,Phường Ngọc Hà,phuong,Cụm Ba Đình\n4,Phường Ba Đình,phuong,Cụm Ba Đình\n"
            .write(to: folder.appendingPathComponent("wards/registry.csv"), atomically: true, encoding: .utf8)
        let run = try CompareCommandTests.run(
            ["compare", "wards", "--json", "c.json", "--html", "r.html", "--as-of", "2026-07-01"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("[read.skipped]"))
        let c = try JSONDecoder().decode(
            Comparison.self, from: Data(contentsOf: folder.appendingPathComponent("c.json")))
        #expect(c.wards.map(\.group) == [nil, "Cụm Ba Đình"])
        #expect(c.registry?.missing.map(\.code) == [4])
        let html = try String(contentsOf: folder.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(html.contains(#"data-group="Cụm Ba Đình""#))
    }

    // MARK: - Letters as one set

    @Test func lettersAreWrittenTogetherOrNotAtAll() throws {
        let folder = try CompareCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Ngọc Hà's letter cannot be written: a folder has its name.
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("phuong-ngoc-ha.docx"), withIntermediateDirectories: true)
        let run = try CompareCommandTests.run(
            ["letters", "wards", "--out", "out", "--as-of", "2026-07-01"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("[compare.output]"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["phuong-ngoc-ha.docx"])
        // A folder that cannot be made (a file is in its way): exit 1, the file untouched.
        try Data("x".utf8).write(to: folder.appendingPathComponent("file"))
        let blocked = try CompareCommandTests.run(
            ["letters", "wards", "--out", "file/letters", "--as-of", "2026-07-01"], in: folder)
        #expect(blocked.status == 1)
        #expect(try Data(contentsOf: folder.appendingPathComponent("file")) == Data("x".utf8))
    }

    @Test func aFailedSetLeavesNoFolderItMade() throws {
        let folder = try TemporaryFolder()
        let base = folder.url.path
        try FileManager.default.createDirectory(
            atPath: base + "/made/b.txt", withIntermediateDirectories: true)
        // The first file needs two new folders; the second cannot be written (a folder has its name).
        let set = OutputSet([
            .init(path: base + "/new/deeper/a.txt", data: Data("a".utf8)),
            .init(path: base + "/made/b.txt", data: Data("b".utf8)),
        ])
        #expect(throws: OutputSet.Failure.self) { try set.commit() }
        #expect(!FileManager.default.fileExists(atPath: base + "/new"))
        #expect(FileManager.default.fileExists(atPath: base + "/made"))
    }

    @Test func lettersWithNoPlanWriteNothing() throws {
        let folder = try CompareCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CompareCommandTests.run(
            ["letters", "khong-co", "--out", "out"], in: folder, language: "C.UTF-8")
        #expect(run.status == 1)
        #expect(run.stderr.contains("không ghi công văn nào"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    // MARK: - The commands' words

    @Test func theOtherCommandsSpeakVietnameseFirst() throws {
        let folder = try TemporaryFolder()
        let cases: [(command: String, vi: String, en: String)] = [
            ("letters", "Ghi công văn góp ý (.docx) gửi từng phường", "Write a review letter (.docx) to each ward"),
            ("diff", "Liệt kê những thay đổi giữa hai bản kế hoạch", "List what changed between two versions"),
            ("validate", "Kiểm tra tệp XML theo lược đồ WardPlans", "Check XML files against the WardPlans schemas"),
            ("import", "Đọc lại báo cáo XML của WardPlans", "Read WardPlans XML reports back into the model"),
            ("taxonomy", "In các lĩnh vực và chủ đề của bộ phân loại", "Print the taxonomy's areas and themes"),
            ("extract", "Mỗi nhiệm vụ, chỉ tiêu và nội dung được gán lĩnh vực", "Each task, target and narrative item"),
        ]
        for c in cases {
            let vi = try CommandLineTests().run([c.command, "--help"], in: folder.url, language: "C.UTF-8")
            #expect(vi.stdout.contains(c.vi), "\(c.command)")
            #expect(vi.stdout.contains("Mã thoát: 0"), "\(c.command)")
            #expect(!vi.stdout.contains(c.en), "\(c.command)")
            let en = try CommandLineTests().run([c.command, "--help"], in: folder.url, language: "en_US.UTF-8")
            #expect(en.stdout.contains(c.en), "\(c.command)")
            #expect(en.stdout.contains("Exit codes: 0"), "\(c.command)")
        }
        let usage = try CommandLineTests().run(
            ["letters", "wards", "--out", "o", "--sender", " "], in: folder.url, language: "C.UTF-8")
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--sender phải nêu tên cơ quan ban hành"))
        let edxml = try CommandLineTests().run(
            ["extract", "wards", "--format", "xml", "--edxml", "--from", "x", "--to", "y", "--code", "1/BC"],
            in: folder.url, language: "C.UTF-8")
        #expect(edxml.status == 2)
        #expect(edxml.stderr.contains("\"x\" không phải mã định danh cơ quan"))
        let taxonomy = try CommandLineTests().run(["taxonomy", "--check"], in: folder.url, language: "C.UTF-8")
        #expect(taxonomy.stdout.contains("lĩnh vực") && taxonomy.stdout.contains(": mọi ví dụ đều đúng"))
    }
}
