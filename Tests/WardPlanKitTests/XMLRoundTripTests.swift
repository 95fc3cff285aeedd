import Foundation
import Testing

@testable import WardPlanKit

/// extract → XML → import gives the model (and so the JSON) extract gave.
@Suite("XML round trip")
struct XMLRoundTripTests {
    func roundTrip(_ result: ExtractionResult) throws -> ExtractionResult {
        let xml = try XMLReportWriter().render(result).data
        switch XMLReportImporter().read(xml, path: "report.xml") {
        case .success(let imported):
            #expect(imported.warnings.isEmpty)
            return imported.result
        case .failure(let failure):
            Issue.record("import failed: \(failure.diagnostics.map(\.description).joined(separator: "\n"))")
            throw failure
        }
    }

    @Test func theSeedsComeBackAsTheSameJSON() throws {
        let folder = Fixtures.fixturesFolder.appendingPathComponent("seeds").path
        let direct = PlanExtractor().extract(paths: [folder])
        #expect(direct.plans.count == 2)
        let imported = try roundTrip(direct)
        #expect(imported.plans == direct.plans)
        let a = String(decoding: try JSONRenderer.render(direct), as: UTF8.self)
        let b = String(decoding: try JSONRenderer.render(imported), as: UTF8.self)
        #expect(a == b, "\(lineDiff(expected: a, actual: b))")
    }

    @Test func everyFieldOfTheModelComesBack() throws {
        let result = ExtractionResult(plans: [XMLSamples.fullPlan], failed: [XMLSamples.failure])
        let imported = try roundTrip(result)
        #expect(imported.plans == result.plans)
        #expect(imported.failed == result.failed)
        let a = String(decoding: try JSONRenderer.render(result), as: UTF8.self)
        let b = String(decoding: try JSONRenderer.render(imported), as: UTF8.self)
        #expect(a == b, "\(lineDiff(expected: a, actual: b))")
    }

    @Test func aPlanWithNothingKnownComesBack() throws {
        let bare = Plan(
            source: SourceInfo(
                path: "x.txt", sha256: String(repeating: "a", count: 64), format: "text", nonBlankLines: 0))
        let imported = try roundTrip(ExtractionResult(plans: [bare], failed: []))
        #expect(imported.plans == [bare])
    }

    @Test func theFormatOfEveryElementIsTheGolden() throws {
        let xml = try XMLReportWriter(codeLists: .init(taxonomyVersion: "1.0.0", metricsVersion: "1"))
            .render(ExtractionResult(plans: [XMLSamples.fullPlan], failed: [XMLSamples.failure])).data
        try assertGolden(String(decoding: xml, as: UTF8.self), named: "xml/full-plan.xml")
    }

    @Test func anEdXMLEnvelopeComesBackToo() throws {
        let direct = ExtractionResult(plans: [Fixtures.ngocHa], failed: [])
        let xml = try XMLReportWriter().render(direct, envelope: XMLSamples.envelope).data
        guard case .success(let imported) = XMLReportImporter().read(xml, path: "envelope.xml") else {
            Issue.record("the envelope did not import")
            return
        }
        #expect(imported.result.plans == direct.plans)
    }

    @Test func aControlCharacterIsReplacedAndReported() throws {
        var plan = XMLSamples.fullPlan
        plan.tasks[0].text = "Trước\u{0C}sau"
        let output = try XMLReportWriter().render(ExtractionResult(plans: [plan], failed: []))
        let text = String(decoding: output.data, as: UTF8.self)
        #expect(text.contains("Trước\u{FFFD}sau"))
        let warning = try #require(output.diagnostics.first { $0.code == .xmlReplacedCharacter })
        #expect(warning.line == plan.tasks[0].line)
        #expect(warning.message.contains("U+000C"))
    }

    /// A tripwire: a field added to the model must be carried by the XML too (schema/wardplans-3.xsd,
    /// PlanXML, XMLModelReader) and set in `XMLSamples.fullPlan`; then update the count here.
    @Test func theXMLCarriesEveryFieldOfTheModel() throws {
        let plan = XMLSamples.fullPlan
        let task = try #require(plan.tasks.first)
        let target = try #require(plan.targets.first)
        let counts: [(String, Any, Int)] = [
            ("Plan", plan, 15), ("SourceInfo", plan.source, 4), ("Ward", plan.ward, 3),
            ("DocumentInfo", plan.document, 11),
            ("Signer", plan.document.signer!, 3), ("Period", plan.period!, 2), ("LegalBasis", plan.legalBases[0], 6),
            ("Target", target, 14), ("PlanTask", task, 20), ("Timeline", task.timeline!, 7),
            ("NarrativeItem", plan.narrative[0], 11), ("Responsibility", plan.responsibilities[0], 4),
            ("Heading", plan.headings[0], 7),
            ("SourceText", plan.unclassified[0], 3), ("ThemeMatch", task.themes[0], 3),
            ("Evidence", task.themes[0].evidence[0], 5),
            ("Diagnostic", plan.diagnostics[0], 5), ("InputFailure", XMLSamples.failure, 2),
        ]
        for (name, value, expected) in counts {
            #expect(
                Mirror(reflecting: value).children.count == expected, "\(name) has a new field: carry it in the XML")
        }
        // Every field of the sample task is set, so the round trip checks each one.
        for child in Mirror(reflecting: task).children {
            if let optional = child.value as? any OptionalProtocol {
                #expect(!optional.isNil, "\(child.label ?? "") is not set")
            }
            if let array = child.value as? [Any] { #expect(!array.isEmpty, "\(child.label ?? "") is empty") }
        }
    }

    /// An invalid document is never handed out: an area outside the schema's code list fails loudly.
    @Test func aDocumentThatDoesNotMatchTheSchemaIsRefused() {
        var plan = XMLSamples.fullPlan
        plan.tasks[0].area = "made-up-area"
        #expect {
            _ = try XMLReportWriter().render(ExtractionResult(plans: [plan], failed: []))
        } throws: { error in
            guard let error = error as? XMLRenderError else { return false }
            return error.description.contains("made-up-area") && error.diagnostics.allSatisfy { $0.code == .xmlInvalid }
        }
    }
}

protocol OptionalProtocol { var isNil: Bool { get } }
extension Optional: OptionalProtocol { var isNil: Bool { self == nil } }

/// Model values that use every field the XML carries.
enum XMLSamples {
    static let envelope = EdXMLEnvelope(
        from: "000.00.00.H26", to: ["000.00.00.G12"], codeNumber: "15", codeNotation: "BC-SNV",
        date: CalendarDate(year: 2026, month: 11, day: 22)!, place: "Hà Nội", subject: "Kế hoạch CCHC của các phường")

    static let failure = InputFailure(
        path: "wards/trống.txt",
        diagnostics: [
            Diagnostic(.emptyFile, .error, path: "wards/trống.txt", "the file is empty; nothing to read")
        ])

    static var fullPlan: Plan {
        var plan = Plan(
            source: SourceInfo(
                path: "wards/phường thử <&> \"1\".md", sha256: String(repeating: "0123456789abcdef", count: 4),
                format: "markdown",
                nonBlankLines: 42))
        plan.ward = Ward(name: "Thử Nghiệm", kind: .commune, province: "Hà Nội")
        var doc = DocumentInfo()
        doc.type = .plan
        doc.code = "KH-UBND"
        doc.number = "12/KH-UBND"
        doc.issuedOn = CalendarDate(year: 2026, month: 2, day: 28)
        doc.issuedYear = 2026
        doc.issuedMonth = 2
        doc.issuedText = "Thử Nghiệm, ngày 28 tháng 02 năm 2026"
        doc.title = "  Kế hoạch cải cách hành chính năm 2026 (có dấu cách ở hai đầu)  "
        doc.signer = Signer(title: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", name: "Nguyễn Văn A", line: 40)
        doc.recipients = ["Sở Nội vụ", ""]
        doc.sourceLines = [1, 2, 3, 40]
        plan.document = doc
        plan.period = Period(years: YearRange(from: 2026, to: 2030))
        plan.legalBases = [
            LegalBasis(
                type: "Nghị quyết", number: "76/NQ-CP", date: CalendarDate(year: 2021, month: 7, day: 15),
                issuer: "Chính phủ", text: "Nghị quyết số 76/NQ-CP", line: 5),
            LegalBasis(
                type: "Luật", number: nil, date: nil, issuer: nil, text: "Luật Tổ chức chính quyền địa phương", line: 6),
        ]
        let evidence = [
            Evidence(phrase: "một cửa", matched: "Một cửa", line: 20, column: 7, basis: .content),
            Evidence(
                phrase: "cải cách TTHC", matched: "Cải cách thủ tục hành chính", line: 18, column: 1, basis: .heading),
        ]
        var target = Target(
            text: "Tỷ lệ hài lòng đạt trên 89,5% & \"tốt\" <hơn>", metric: "sipas", comparator: .atLeast, value: 89.5,
            unit: .percent,
            phase: YearRange(from: 2026, to: 2027), line: 10, endLine: 11)
        target.themes = [ThemeMatch(id: "satisfaction-measurement", area: "procedures", evidence: evidence)]
        target.area = "direction"
        target.areaBasis = .content
        target.areaEvidence = [evidence[0]]
        target.secondaryAreas = ["procedures"]
        target.lead = "Sở Nội vụ"
        plan.targets = [target, Target(text: "Chỉ tiêu chưa rõ", line: 12)]
        var task = PlanTask(
            ref: "3.12", text: "Thực hiện\tcơ chế một cửa\r\nliên thông", area: "procedures", group: "",
            lead: ["Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND"],
            leadText: "Trung tâm PVHCC; Văn phòng",
            leadGeneric: true, coordinators: ["Công an phường"], coordinatorsText: "Công an phường",
            products: ["Báo cáo", "Quyết định"], supervisor: "Phó Chủ tịch UBND",
            timeline: Timeline(
                text: "Chậm nhất 30 ngày làm việc (theo hướng dẫn)", start: CalendarDate(year: 2026, month: 1, day: 1),
                end: CalendarDate(year: 2026, month: 3, day: 31), deadline: CalendarDate(year: 2026, month: 3, day: 15),
                relativeDeadline: "Chậm nhất 30 ngày làm việc kể từ ngày nhận", recurrence: .quarterly,
                flags: [.perGuidance, .perPlan]),
            line: 20, endLine: 24)
        task.notes = ["Kinh phí: ngân sách phường", "Ghi chú: "]
        task.themes = [ThemeMatch(id: "one-stop", area: "procedures", evidence: [evidence[0]])]
        task.productThemes = [ThemeMatch(id: "training", area: "civil-service", evidence: [evidence[0]])]
        task.areaBasis = .both
        task.areaEvidence = [evidence[1], evidence[0]]
        task.secondaryAreas = ["digital-government", "apparatus"]
        plan.tasks = [
            task, PlanTask(ref: "3.12", text: "Cùng số thứ tự", area: "other", line: 25),
            PlanTask(ref: "", text: "Không số", area: "direction", line: 26),
        ]
        var item = NarrativeItem(
            ref: "a", text: "Đẩy mạnh chuyển đổi số", section: .tasks, area: "digital-government",
            heading: "Chính quyền số", line: 30, endLine: 31)
        item.themes = [ThemeMatch(id: "digital-platforms", area: "digital-government", evidence: [])]
        item.areaBasis = .heading
        item.areaEvidence = [evidence[1]]
        plan.narrative = [
            item,
            NarrativeItem(
                ref: nil, text: "Đoạn văn", section: .purpose, area: nil, heading: nil, line: 8, endLine: nil),
        ]
        plan.responsibilities = [
            Responsibility(
                office: "Công an phường", heading: "Công an phường", line: 33,
                duties: [Duty(text: "Phối hợp", line: 34, endLine: 35)]),
            Responsibility(office: nil, heading: "Trách nhiệm chung", line: 36),
        ]
        plan.headings = [
            Heading(ref: nil, text: "KẾ HOẠCH", level: 0, kind: .frontMatter, area: nil, line: 3),
            Heading(ref: "II", text: "NHIỆM VỤ", level: 1, kind: .tasks, area: nil, line: 17),
            Heading(
                ref: "2", text: "Cải cách thủ tục hành chính", level: 2, kind: .tasks, area: "procedures", line: 18,
                endLine: 19),
        ]
        plan.tableHeaders = [SourceText(text: "TT Nhiệm vụ Sản phẩm", line: 21)]
        plan.unclassified = [SourceText(text: "Một dòng lạ", line: 39)]
        plan.notUnderstood = [SourceText(text: "1 | Rà soát | Phòng X", line: 41)]
        plan.diagnostics = [
            Diagnostic(
                .unknownOffice, .warning, path: plan.source.path, line: 20, "unknown office \"Trung tâm PVHCC\""),
            Diagnostic(.unclassifiedLines, .note, path: plan.source.path, "1 line unclassified"),
        ]
        plan.taxonomyVersion = "1.0.0"
        return plan
    }
}
