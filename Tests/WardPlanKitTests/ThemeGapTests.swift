import Foundation
import Testing

@testable import WardPlanKit

/// Gap items on small plans and a taxonomy made here: levels, the peer rule, dates of national
/// documents, `appliesTo`, target families. Expected values are worked out by hand in the comments.
@Suite("Gap items")
struct ThemeGapTests {
    /// Six themes: one expected nationally (NĐ 118, 2025), one expected by QĐ 282 (12/02/2026), one
    /// optional, one weak, one of the optional `other` area, one expected only in Hà Nội.
    static let reference: ReferenceData = {
        let json = """
            [{"id": "one-stop", "area": "procedures", "vi": "Một cửa", "en": "One-stop shop", "expectedBy": ["NĐ 118/2025/NĐ-CP"]},
             {"id": "two-tier", "area": "apparatus", "vi": "Chính quyền hai cấp", "en": "Two tiers", "expectedBy": ["decision-282"]},
             {"id": "online-payment", "area": "procedures", "vi": "Thanh toán trực tuyến", "en": "Online payment"},
             {"id": "digital-transformation", "area": "digital-government", "vi": "Chuyển đổi số", "en": "Digital", "weak": true},
             {"id": "competitiveness", "area": "other", "vi": "Năng lực cạnh tranh", "en": "Competitiveness"},
             {"id": "capital-law", "area": "institutions", "vi": "Luật Thủ đô", "en": "Capital Law", "expectedBy": ["NQ 76/NQ-CP"],
              "appliesTo": {"provinces": ["ha-noi"]}}]
            """
        var reference = ReferenceData.standard
        reference.taxonomy.themes = try! JSONDecoder().decode([Taxonomy.Theme].self, from: Data(json.utf8))
        return reference
    }()

    static let asOf = CalendarDate(year: 2026, month: 7, day: 1)!

    static func match(_ id: String, line: Int, matched: String) -> ThemeMatch {
        let area = reference.taxonomy.theme(id: id)!.area
        return ThemeMatch(
            id: id, area: area,
            evidence: [Evidence(phrase: id, matched: matched, line: line, column: 1, basis: .content)])
    }

    /// A plan of ward `name`: one task per theme list (the task's text names each theme id, so the
    /// tag is from its statement), narrative items stating themes, tasks tagged only by a product.
    static func plan(
        _ name: String, tasks: [[String]], stated: [String] = [], productOnly: [String] = [],
        province: String = "Hà Nội", issued: CalendarDate? = CalendarDate(year: 2026, month: 3, day: 1)
    ) -> Plan {
        var plan = Plan(
            source: SourceInfo(
                path: "wards/\(name).txt", sha256: String(repeating: "0", count: 64), format: "text", nonBlankLines: 10)
        )
        plan.ward = Ward(name: name, kind: .ward, province: province)
        plan.document.issuedOn = issued
        plan.document.issuedYear = issued?.year
        plan.period = Period(years: YearRange(from: 2026, to: 2026))
        plan.headings = [Heading(ref: "II", text: "NHIỆM VỤ, GIẢI PHÁP", level: 1, kind: .tasks, area: nil, line: 40)]
        for (i, ids) in tasks.enumerated() {
            var task = PlanTask(
                ref: "\(i + 1)", text: "Nhiệm vụ " + ids.joined(separator: " "), area: "procedures",
                lead: ["Văn phòng HĐND và UBND"], line: 10 + i)
            task.themes = ids.map { match($0, line: 10 + i, matched: $0) }
            plan.tasks.append(task)
        }
        for id in productOnly {
            var task = PlanTask(
                ref: "p", text: "Nhiệm vụ khác", area: "procedures", products: ["Báo cáo \(id)"], line: 30)
            task.themes = [match(id, line: 30, matched: id)]
            plan.tasks.append(task)
        }
        for (i, id) in stated.enumerated() {
            var item = NarrativeItem(
                ref: "a", text: "Giải pháp \(id)", section: .tasks, area: nil, heading: nil, line: 50 + i, endLine: nil)
            item.themes = [match(id, line: 50 + i, matched: id)]
            plan.narrative.append(item)
        }
        return plan
    }

    static func compare(_ plans: [Plan], minPeers: Int = Comparer.defaultMinPeers) -> Comparison {
        Comparer(reference: reference, minPeers: minPeers).compare(plans, asOf: asOf)
    }

    static func items(_ c: Comparison, _ ward: String) -> [GapItem] {
        c.gaps[c.wards.firstIndex { $0.name == ward }!].items
    }

    /// Seven Hà Nội wards. online-payment: A–E have a task, F and G none. The weak theme and the
    /// `other` theme: A–F. one-stop and two-tier: everyone but G; G states one-stop in a solution.
    static let seven: [Plan] = {
        let common = ["one-stop", "two-tier", "capital-law"]
        return ["A", "B", "C", "D", "E"].map {
            plan($0, tasks: [common + ["online-payment", "digital-transformation", "competitiveness"]])
        } + [
            plan("F", tasks: [common + ["digital-transformation", "competitiveness"]]),
            plan("G", tasks: [["capital-law"]], stated: ["one-stop"]),
        ]
    }()

    @Test func aStatedThemeNamesItsPlaceAndANationalOneIsRaised() throws {
        let g = Self.items(Self.compare(Self.seven), "G")
        let oneStop = try #require(g.first { $0.id == "one-stop" })
        // G has no task for one-stop but states it at point a under part II, line 50.
        #expect(oneStop.level == .stated)
        #expect(oneStop.places == [GapPlace(line: 50, section: "điểm a phần II")])
        // Expected nationally (NĐ 118) and done by 6 of G's 6 peers.
        #expect(oneStop.basis == [.national, .peers])
        #expect(oneStop.expectedBy == ["NĐ 118/2025/NĐ-CP"])
        #expect(oneStop.peers == GapItem.PeerShare(covering: 6, of: 6))
        let twoTier = try #require(g.first { $0.id == "two-tier" })
        #expect(twoTier.level == .absent && twoTier.places.isEmpty && twoTier.expectedBy == ["QĐ 282/QĐ-TTg"])
    }

    @Test func peersRaiseAThemeMostOfThemCoverOnlyAsReference() throws {
        let c = Self.compare(Self.seven)
        // F: peers A–E and G (6); 5 of them have online-payment: 5 × 2 > 6.
        let f = try #require(Self.items(c, "F").first { $0.id == "online-payment" })
        #expect(f.basis == [.peers] && f.level == .absent && f.expectedBy.isEmpty)
        #expect(f.peers == GapItem.PeerShare(covering: 5, of: 6))
        #expect(c.gaps[5].peersOnly == [f])
        #expect(c.gaps[5].items.filter { $0.kind == .theme } == [f])
        // Never for a weak theme or a theme of the optional area, though A–F cover both.
        let g = Self.items(c, "G")
        #expect(!g.contains { $0.id == "digital-transformation" || $0.id == "competitiveness" })
        #expect(g.contains { $0.id == "online-payment" && $0.basis == [.peers] })
    }

    @Test func noPeerItemWithFewerPeersThanTheMinimum() {
        let c = Self.compare(Self.seven, minPeers: 7)
        #expect(!c.gaps.contains { gaps in gaps.items.contains { $0.basis.contains(.peers) } })
        // Two wards: one peer each, far below five.
        let two = Self.compare([Self.seven[0], Self.seven[5]])
        #expect(!two.gaps.contains { gaps in gaps.items.contains { $0.basis.contains(.peers) } })
    }

    @Test func aWardIsNeverItsOwnPeerAndTwoPlansOfOneWardCountOnce() throws {
        // H has two plans: an old one with online-payment (issued 2026-01-05), the newest without.
        // With G's group of six others (A–F), H's old plan must not count: A–E cover it, 5 of 7
        // peers (A–G, H once as its newest plan) for G.
        let old = Self.plan("H", tasks: [["online-payment"]], issued: CalendarDate(year: 2026, month: 1, day: 5))
        let new = Self.plan("H", tasks: [["one-stop"]], issued: CalendarDate(year: 2026, month: 5, day: 1))
        let c = Self.compare(Self.seven + [old, new])
        let g = try #require(Self.items(c, "G").first { $0.id == "online-payment" })
        #expect(g.peers == GapItem.PeerShare(covering: 5, of: 7))
        // H's new plan: peers are A–G (7), never its own older plan; 5 cover online-payment.
        let h = try #require(c.gaps[8].item(.theme, "online-payment"))
        #expect(h.peers == GapItem.PeerShare(covering: 5, of: 7))
    }

    @Test func aTagFoundOnlyInAProductDoesNotCountForPeers() throws {
        // A–C tag online-payment only from a product; D and E from their statements: 2 of 6 for F.
        var plans = Self.seven
        for i in 0..<3 {
            plans[i] = Self.plan(
                plans[i].ward.name!, tasks: [["one-stop", "two-tier", "capital-law"]], productOnly: ["online-payment"])
        }
        let c = Self.compare(plans)
        #expect(c.gaps[5].item(.theme, "online-payment") == nil)
    }

    @Test func aPlanIssuedBeforeADocumentGetsAnUpdateNoteNotAGap() throws {
        // Issued in January 2026 with no day: at the latest 31/01/2026, before QĐ 282 (12/02/2026).
        var january = Self.plan("A", tasks: [["one-stop"]], issued: nil)
        january.document.issuedYear = 2026
        january.document.issuedMonth = 1
        let before = try #require(Self.compare([january]).gaps[0].item(.theme, "two-tier"))
        #expect(before.level == .update && before.basis == [.national])
        #expect(before.note == "Kế hoạch ban hành trước QĐ 282/QĐ-TTg (12/02/2026): đề nghị cập nhật khi điều chỉnh")
        #expect(Self.compare([january]).gaps[0].item(.theme, "one-stop") == nil)
        // Issued on 12/02/2026 or later: a gap.
        let after = Self.plan("A", tasks: [["one-stop"]], issued: CalendarDate(year: 2026, month: 2, day: 12))
        #expect(Self.compare([after]).gaps[0].item(.theme, "two-tier")?.level == .absent)
        // A stated theme of a newer document: nothing to ask.
        var stated = january
        stated.narrative = Self.plan("A", tasks: [], stated: ["two-tier"]).narrative
        #expect(Self.compare([stated]).gaps[0].item(.theme, "two-tier") == nil)
    }

    @Test func sinceLimitsATheme() throws {
        // A theme NQ 76 expects, but only since 1 July 2025 (two-tier local government).
        var reference = Self.reference
        let i = try #require(reference.taxonomy.themes.firstIndex { $0.id == "one-stop" })
        reference.taxonomy.themes[i].since = "2025-07-01"
        func item(issued: CalendarDate) -> GapItem? {
            Comparer(reference: reference).compare(
                [Self.plan("A", tasks: [["two-tier"]], issued: issued)], asOf: Self.asOf
            )
            .gaps[0].item(.theme, "one-stop")
        }
        let before = try #require(item(issued: CalendarDate(year: 2025, month: 6, day: 30)!))
        #expect(before.level == .update)
        #expect(
            before.note == "Kế hoạch ban hành trước NĐ 118/2025/NĐ-CP (01/07/2025): đề nghị cập nhật khi điều chỉnh")
        #expect(item(issued: CalendarDate(year: 2025, month: 7, day: 1)!)?.level == .absent)
    }

    @Test func aThemeLimitedToAProvinceIsNeverAnItemElsewhere() {
        // capital-law: Hà Nội only. A Hải Phòng plan without it gets nothing; a Hà Nội one a gap.
        let haiPhong = Self.plan("X", tasks: [["one-stop"]], province: "Hải Phòng")
        #expect(Self.compare([haiPhong]).gaps[0].item(.theme, "capital-law") == nil)
        let haNoi = Self.plan("Y", tasks: [["one-stop"]], province: "Thành phố Hà Nội")
        #expect(Self.compare([haNoi]).gaps[0].item(.theme, "capital-law")?.level == .absent)
        // A plan that names no province: a limited theme does not speak to it.
        var unknown = haNoi
        unknown.ward.province = nil
        #expect(Self.compare([unknown]).gaps[0].item(.theme, "capital-law") == nil)
    }

    @Test func aThemeNeedingACompetenceIsAskedOnlyOfUnitsThatHoldIt() throws {
        // two-tier (QĐ 282, the plan of 01/03/2026 is after it) made to need "own-budget", which only
        // wards (phường) hold here.
        var reference = Self.reference
        let i = try #require(reference.taxonomy.themes.firstIndex { $0.id == "two-tier" })
        reference.taxonomy.themes[i].appliesTo = Applicability(competences: ["own-budget"])
        var documents = NationalDocuments.standard
        documents.competences = [
            .init(key: "own-budget", vi: "Là cấp ngân sách", heldBy: Applicability(kinds: ["phuong"]))
        ]
        func item(_ kind: Ward.Kind?) -> GapItem? {
            var plan = Self.plan("A", tasks: [["one-stop"]])
            plan.ward.kind = kind
            return Comparer(reference: reference, documents: documents).compare([plan], asOf: Self.asOf)
                .gaps[0].item(.theme, "two-tier")
        }
        #expect(item(.ward)?.level == .absent)
        #expect(item(.commune) == nil)
        #expect(item(nil) == nil)
        // Held by every unit when `heldBy` is left out.
        documents.competences[0].heldBy = nil
        #expect(item(.commune)?.level == .absent)
        #expect(item(nil)?.level == .absent)
        // A competence the documents do not list is held by no unit.
        documents.competences = []
        #expect(item(.ward) == nil)
    }

    @Test func aBenchmarkNeedingACompetenceIsNotAskedOfAUnitWithoutIt() throws {
        // The online-services family, no target in the plan (2026): one item for a ward; none for a
        // commune when the benchmarks need a competence only wards hold.
        var reference = Self.reference
        for i in reference.benchmarks.benchmarks.indices
        where reference.benchmarks.benchmarks[i].metric.hasPrefix("online-") {
            reference.benchmarks.benchmarks[i].appliesTo = Applicability(competences: ["e-services"])
        }
        var documents = NationalDocuments.standard
        documents.competences = [.init(key: "e-services", heldBy: Applicability(kinds: ["phuong"]))]
        func items(_ kind: Ward.Kind) -> [GapItem] {
            var plan = Self.plan("A", tasks: [["one-stop"]])
            plan.ward.kind = kind
            return Comparer(reference: reference, documents: documents).compare([plan], asOf: Self.asOf)
                .gaps[0].items.filter { $0.kind == .target && $0.id.hasPrefix("online-") }
        }
        #expect(items(.ward).count == 1)
        #expect(items(.commune).isEmpty)
    }

    @Test func applicabilityByKindOfUnit() {
        let communes = Applicability(kinds: ["xa"])
        #expect(communes.applies(province: "ha-noi", kind: "xa"))
        #expect(!communes.applies(province: "ha-noi", kind: "phuong"))
        #expect(!communes.applies(province: "ha-noi", kind: nil))
        #expect(Applicability.kindKey(.specialZone) == "dac-khu")
        #expect(Applicability().applies(province: nil, kind: nil))
    }

    @Test func aStricterTargetMeetsAWeakerBenchmarkOfItsFamily() throws {
        // 100 % toàn trình in 2026-2027 meets online services ≥ 90 % (2026-2030).
        var plan = Self.plan("A", tasks: [["one-stop"]])
        plan.period = Period(years: YearRange(from: 2026, to: 2027))
        var target = Target(
            text: "100% TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình", line: 60)
        target.metric = "online-full-process"
        target.comparator = .equal
        target.value = 100
        target.unit = .percent
        plan.targets = [target]
        let c = Self.compare([plan])
        #expect(c.targets.benchmark("online-services@2026-2030")?.cells[0].status == .met)
        #expect(c.targets.benchmark("online-full-process@2026-2027")?.cells[0].status == .met)
        #expect(!c.gaps[0].items.contains { $0.kind == .target && $0.id.hasPrefix("online") })
    }

    @Test func oneFamilyGivesAtMostOneItem() throws {
        // No target at all, a 2026-2027 plan issued after QĐ 282: online-full-process@2026-2027 and
        // online-services@2026-2030 are both missing, one family: one item, the first in the data.
        var plan = Self.plan("A", tasks: [["one-stop"]])
        plan.period = Period(years: YearRange(from: 2026, to: 2027))
        let items = Self.compare([plan]).gaps[0].items.filter { $0.kind == .target && $0.id.hasPrefix("online-") }
        #expect(items.map(\.id) == ["online-full-process@2026-2027"])
        #expect(items[0].note == "Chưa đặt chỉ tiêu; cùng nhóm chỉ tiêu: online-services@2026-2030")
    }

    @Test func aDutyStatesAThemeButTheFrontMatterAndFundingDoNot() throws {
        // one-stop named in a legal basis paragraph (front matter) and in the funding section: absent.
        var plan = Self.plan("A", tasks: [["two-tier"]])
        for (line, section) in [(3, SectionKind.frontMatter), (90, .funding), (92, .reporting)] {
            var item = NarrativeItem(
                ref: nil, text: "one-stop", section: section, area: nil, heading: nil, line: line, endLine: nil)
            item.themes = [Self.match("one-stop", line: line, matched: "one-stop")]
            plan.narrative.append(item)
        }
        #expect(Self.compare([plan]).gaps[0].item(.theme, "one-stop")?.level == .absent)
        // A duty of an office in the organisation section states it.
        plan.headings.append(
            Heading(ref: "V", text: "TỔ CHỨC THỰC HIỆN", level: 1, kind: .organisation, area: nil, line: 100))
        plan.headings.append(Heading(ref: "2", text: "Văn phòng", level: 2, kind: .other, area: nil, line: 104))
        plan.responsibilities = [
            Responsibility(
                office: "Văn phòng HĐND và UBND", heading: "Văn phòng", line: 104,
                duties: [
                    Duty(
                        text: "Thực hiện one-stop", line: 106,
                        themes: [Self.match("one-stop", line: 106, matched: "one-stop")])
                ])
        ]
        let item = try #require(Self.compare([plan]).gaps[0].item(.theme, "one-stop"))
        #expect(item.level == .stated)
        #expect(item.places == [GapPlace(line: 106, section: "mục 2 phần V")])
        // The duty names its office: the item asks for a deadline and a product, not for a lead.
        #expect(item.assignedTo == "Văn phòng HĐND và UBND")
        #expect(
            item.note
                == "Kế hoạch có nêu, đã giao Văn phòng HĐND và UBND thực hiện nhưng chưa cụ thể hóa thành nhiệm vụ (thời hạn, sản phẩm)"
        )
    }

    @Test func aStatedThemeIsAssignedOnlyByOneNamedOfficesDuty() throws {
        // Stated in the solutions (line 50) and as a general duty with no office (line 110): no lead named.
        var plan = Self.plan("A", tasks: [["two-tier"]], stated: ["one-stop"])
        func duty(_ line: Int) -> Duty {
            Duty(text: "one-stop", line: line, themes: [Self.match("one-stop", line: line, matched: "one-stop")])
        }
        plan.responsibilities = [
            Responsibility(office: nil, heading: "Trách nhiệm chung", line: 108, duties: [duty(110)])
        ]
        var item = try #require(Self.compare([plan]).gaps[0].item(.theme, "one-stop"))
        #expect(item.level == .stated && item.assignedTo == nil)
        #expect(item.note.hasSuffix("(cơ quan chủ trì, thời hạn, sản phẩm)"))
        // One office's duties state it twice: that office is its lead.
        plan.responsibilities.append(
            Responsibility(
                office: "Trung tâm Phục vụ hành chính công", heading: "Trung tâm", line: 112,
                duties: [duty(113), duty(114)]))
        item = try #require(Self.compare([plan]).gaps[0].item(.theme, "one-stop"))
        #expect(item.assignedTo == "Trung tâm Phục vụ hành chính công")
        // The report's sentence and the letter's request name it and do not ask for a lead.
        let comparison = Self.compare([plan])
        let html = HTMLReportRenderer().page(Report(comparison: comparison, plans: [plan]))
        #expect(
            html.contains(
                ", đã giao Trung tâm Phục vụ hành chính công thực hiện nhưng chưa cụ thể hóa thành nhiệm vụ (thời hạn, sản phẩm)"
            ))
        let letter = try #require(
            LetterComposer(taxonomy: Self.reference.taxonomy).letters(comparison, plans: [plan]).first)
        let request = try #require(letter.groups.flatMap(\.requests).first { $0.contains("đã giao Trung tâm") })
        #expect(request.contains("xác định rõ thời hạn và sản phẩm"))
        #expect(!request.contains("cơ quan chủ trì"))
        // JSON carries it; a comparison written without it still decodes.
        let json = String(decoding: try JSONEncoder().encode(item), as: UTF8.self)
        #expect(json.contains(#""assignedTo":"Trung tâm Phục vụ hành chính công""#))
        var old = item
        old.assignedTo = nil
        let oldJSON = String(decoding: try JSONEncoder().encode(old), as: UTF8.self)
        #expect(!oldJSON.contains("assignedTo"))
        #expect(try JSONDecoder().decode(GapItem.self, from: Data(oldJSON.utf8)) == old)
        // A second office's duty states it too: the lead is open again, and the letter asks for it.
        plan.responsibilities.append(
            Responsibility(office: "Công an phường", heading: "Công an", line: 116, duties: [duty(117)]))
        item = try #require(Self.compare([plan]).gaps[0].item(.theme, "one-stop"))
        #expect(item.assignedTo == nil)
        #expect(item.note.hasSuffix("(cơ quan chủ trì, thời hạn, sản phẩm)"))
    }

    @Test func placesAreNamedAsThePlanNumbersThem() {
        let headings = [
            Heading(ref: "II", text: "NHIỆM VỤ", level: 1, kind: .tasks, area: nil, line: 80),
            Heading(ref: "3", text: "Cải cách TTHC", level: 2, kind: .other, area: nil, line: 120),
            Heading(ref: "V", text: "TỔ CHỨC THỰC HIỆN", level: 1, kind: .organisation, area: nil, line: 228),
            Heading(ref: "2", text: "Trách nhiệm cụ thể", level: 2, kind: .other, area: nil, line: 246),
            Heading(ref: "2.2", text: "Văn phòng", level: 3, kind: .other, area: nil, line: 268),
            Heading(ref: "Phụ lục II", text: "NHIỆM VỤ", level: 1, kind: .tasks, area: nil, line: 362),
            Heading(ref: "III", text: "CẢI CÁCH TTHC", level: 2, kind: .other, area: nil, line: 385),
        ]
        let namer = PlaceNamer(headings: headings)
        #expect(namer.section(at: 132, ref: "c") == "điểm c mục 3 phần II")
        #expect(namer.section(at: 276, ref: nil) == "mục 2.2 phần V")
        #expect(namer.section(at: 388, ref: "12") == "dòng 12 mục III Phụ lục II")
        #expect(namer.section(at: 5, ref: nil) == nil)
    }

    @Test func theReportTellsLevelsApartAndLabelsPeers() throws {
        let c = Self.compare(Self.seven)
        let html = HTMLReportRenderer().page(Report(comparison: c, plans: Self.seven))
        // G's one-stop: stated, amber, ◐, linked to its item.
        #expect(html.contains(##"<td class="n c0m" data-sort="0"><a href="#g-phuong-g-ha-noi-t-one-stop">◐</a></td>"##))
        #expect(
            html.contains(
                "Chủ đề «Một cửa» (lĩnh vực «Cải cách thủ tục hành chính»): kế hoạch có nêu tại điểm a phần II (dòng 50) nhưng chưa cụ thể hóa thành nhiệm vụ"
            ))
        #expect(html.contains("Thực tiễn của đa số phường cùng nhóm (tham khảo)"))
        #expect(html.contains("Tham khảo: 5/6 phường cùng nhóm có nhiệm vụ."))
        let files = CSVReportRenderer().render(Report(comparison: c, plans: Self.seven))
        let gaps = String(decoding: try #require(files.first { $0.name == "gaps.csv" }).data, as: UTF8.self)
        #expect(gaps.contains("phuong-g-ha-noi,Phường G,Hà Nội,theme,one-stop,Một cửa,"))
        #expect(gaps.contains("điểm a phần II (dòng 50)"))
    }
}
