import Foundation
import Testing

@testable import WardPlanKit

/// Issue 11: the plan model's own JSON writers (`DirectJSONEncodable`) write the bytes its
/// `Encodable` conformances write through `JSONBytesEncoder` and through Foundation's
/// `JSONEncoder` (the oracle), in both styles and at any depth, and a member for every field.
@Suite("The model's JSON written directly")
struct DirectJSONTests {
    static func direct<T: Encodable>(_ value: T, _ style: JSONStyle, depth: Int = 0) throws -> String {
        String(decoding: try JSONBytesEncoder.encode(value, depth: depth, style: style), as: UTF8.self)
    }

    static func codable<T: Encodable>(_ value: T, _ style: JSONStyle, depth: Int = 0) throws -> String {
        String(decoding: try JSONBytesEncoder.encode(value, depth: depth, style: style, direct: false), as: UTF8.self)
    }

    static func foundation<T: Encodable>(_ value: T, _ style: JSONStyle) throws -> String {
        String(decoding: try JSONRenderer.foundationEncoder(style).encode(value), as: UTF8.self)
    }

    static func expectSame<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for style in [JSONStyle.pretty, .compact] {
            let expected = try foundation(value, style)
            #expect(try direct(value, style) == expected, sourceLocation: sourceLocation)
            #expect(try codable(value, style) == expected, sourceLocation: sourceLocation)
        }
        #expect(
            try direct(value, .pretty, depth: 3) == codable(value, .pretty, depth: 3), sourceLocation: sourceLocation)
    }

    /// The value's JSON has a member for each of its stored properties (all set).
    static func expectMembers<T: DirectJSONEncodable & Encodable>(
        _ value: T, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let json = try JSONSerialization.jsonObject(with: Data(try JSONBytesEncoder.encode(value, style: .compact)))
        let keys = Set((json as? [String: Any])?.keys.map { $0 } ?? [])
        let properties = Set(Mirror(reflecting: value).children.compactMap(\.label))
        #expect(keys == properties, "\(T.self)", sourceLocation: sourceLocation)
    }

    // MARK: values with every field set, and with none of the optional ones

    static let evidence = Evidence(
        phrase: "dịch vụ công trực tuyến", matched: "DVC \"trực\" tuyến", line: 12, column: 3, basis: .content)
    static let theme = ThemeMatch(
        id: "online-public-services", area: "digital-government", evidence: [evidence, evidence])
    static let date = CalendarDate(year: 2026, month: 6, day: 30)!

    static var fullTimeline: Timeline {
        Timeline(
            text: "Quý II/2026", start: CalendarDate(year: 2026, month: 4, day: 1), end: date, deadline: date,
            relativeDeadline: "sau 30 ngày", recurrence: .quarterly, flags: [.perGuidance, .perPlan])
    }

    static var fullTask: PlanTask {
        var task = PlanTask(
            ref: "3.12", text: "Rà soát\tthủ tục / hồ sơ", area: "institutions", group: "Cải cách thể chế",
            lead: ["Văn phòng HĐND và UBND"], leadText: "Văn phòng", leadGeneric: true,
            coordinators: ["Công an phường"],
            coordinatorsText: "Công an", products: ["Báo cáo", "Quyết định"], supervisor: "Phó Chủ tịch",
            timeline: fullTimeline, line: 40, endLine: 44)
        task.notes = ["Kinh phí: ngân sách"]
        task.themes = [theme]
        task.productThemes = [theme]
        task.areaBasis = .both
        task.areaEvidence = [evidence]
        task.secondaryAreas = ["digital-government"]
        return task
    }

    static var fullTarget: Target {
        var target = Target(
            text: "100% hồ sơ", metric: "online-rate", comparator: .atLeast, value: 99.5, unit: .percent,
            phase: YearRange(from: 2026, to: 2027), line: 7, endLine: 9)
        target.themes = [theme]
        target.area = "digital-government"
        target.areaBasis = .content
        target.areaEvidence = [evidence]
        target.secondaryAreas = ["other"]
        target.lead = "Văn phòng"
        return target
    }

    static var fullNarrative: NarrativeItem {
        var item = NarrativeItem(
            ref: "a", text: "Mục tiêu", section: .purpose, area: "direction", heading: "I. MỤC ĐÍCH", line: 3,
            endLine: 5)
        item.themes = [theme]
        item.areaBasis = .heading
        item.areaEvidence = [evidence]
        item.secondaryAreas = ["apparatus"]
        return item
    }

    static var fullDocument: DocumentInfo {
        var document = DocumentInfo()
        document.type = .plan
        document.code = "KH-UBND"
        document.number = "263/KH-UBND"
        document.issuedOn = date
        document.issuedYear = 2026
        document.issuedMonth = 6
        document.issuedText = "Ngọc Hà, ngày 30 tháng 6 năm 2026"
        document.title = "Cải cách hành chính năm 2026"
        document.signer = Signer(title: "CHỦ TỊCH", name: "Nguyễn Văn A", line: 300)
        document.recipients = ["UBND thành phố", "Lưu: VT"]
        document.sourceLines = [1, 2, 3, 10]
        return document
    }

    static var fullPlan: Plan {
        var plan = Plan(
            source: SourceInfo(path: "wards/a b/ngọc-hà.md", sha256: "ab12", format: "markdown", nonBlankLines: 321))
        plan.ward = Ward(name: "Ngọc Hà", kind: .ward, province: "Hà Nội")
        plan.document = fullDocument
        plan.period = Period(years: YearRange(from: 2026, to: 2030))
        plan.legalBases = [
            LegalBasis(
                type: "Nghị quyết", number: "76/NQ-CP", date: date, issuer: "Chính phủ", text: "Căn cứ …", line: 8)
        ]
        plan.targets = [fullTarget, Target(text: "bare", line: 1)]
        plan.tasks = [fullTask, PlanTask(ref: "1", text: "bare", area: "other", line: 2)]
        plan.narrative = [
            fullNarrative,
            NarrativeItem(ref: nil, text: "x", section: .other, area: nil, heading: nil, line: 4, endLine: nil),
        ]
        plan.responsibilities = [
            Responsibility(
                office: "Công an phường", heading: "Công an phường:", line: 50,
                duties: [Duty(text: "Bảo đảm", line: 51, endLine: 52, themes: [theme]), Duty(text: "x", line: 53)]),
            Responsibility(office: nil, heading: "Các cơ quan", line: 60),
        ]
        plan.headings = [
            Heading(ref: "I", text: "MỤC ĐÍCH", level: 1, kind: .purpose, area: "direction", line: 9, endLine: 10),
            Heading(ref: nil, text: "x", level: 2, kind: .frontMatter, area: nil, line: 11),
        ]
        plan.tableHeaders = [SourceText(text: "STT | Nội dung", line: 70, endLine: 71)]
        plan.unclassified = [SourceText(text: "???", line: 80)]
        plan.notUnderstood = [SourceText(text: "- a row", line: 90)]
        plan.diagnostics = [
            Diagnostic(.unknownOffice, .warning, path: "a.md", line: 12, "unknown office \"X\"\n"),
            Diagnostic(.notAPlan, .error, path: "a.md", "no plan"),
        ]
        plan.taxonomyVersion = "2.7.0"
        return plan
    }

    @Test func valuesWithEveryFieldAreWrittenAsJSONEncoderWritesThem() throws {
        try Self.expectSame(Self.fullPlan)
        try Self.expectSame(Plan(source: SourceInfo(path: "", sha256: "", format: "text", nonBlankLines: 0)))
        try Self.expectSame([Self.fullTask, Self.fullTask])
        try Self.expectSame(Self.fullTarget)
        try Self.expectSame(Self.fullTimeline)
        try Self.expectSame(Timeline(text: ""))
        try Self.expectSame(Self.fullNarrative)
        try Self.expectSame(Self.fullDocument)
        try Self.expectSame(DocumentInfo())
        try Self.expectSame(Self.theme)
        try Self.expectSame(Self.date)
        try Self.expectSame(["dates": [Self.date]])
    }

    /// Each type writes a member for each of its stored properties (when all are set): a field added
    /// to a model type and not to its writer fails here.
    @Test func everyStoredPropertyHasItsMember() throws {
        let plan = Self.fullPlan
        try Self.expectMembers(plan)
        try Self.expectMembers(plan.source)
        try Self.expectMembers(plan.ward)
        try Self.expectMembers(plan.document)
        try Self.expectMembers(plan.document.signer!)
        try Self.expectMembers(plan.period!)
        try Self.expectMembers(plan.legalBases[0])
        try Self.expectMembers(plan.targets[0])
        try Self.expectMembers(plan.tasks[0])
        try Self.expectMembers(plan.tasks[0].timeline!)
        try Self.expectMembers(plan.narrative[0])
        try Self.expectMembers(plan.responsibilities[0])
        try Self.expectMembers(plan.responsibilities[0].duties[0])
        try Self.expectMembers(plan.headings[0])
        try Self.expectMembers(plan.tableHeaders[0])
        try Self.expectMembers(plan.diagnostics[0])
        try Self.expectMembers(Self.theme)
        try Self.expectMembers(Self.evidence)
        try Self.expectMembers(YearRange(from: 2026, to: 2030))
        try Self.expectMembers(Self.coverage)
        try Self.expectMembers(Self.coverage.areas[0])
        try Self.expectMembers(Self.coverage.areas[0].cells[0])
        try Self.expectMembers(Self.coverage.areas[0].cells[0].tasks[0])
    }

    /// A coverage with every field set (the comparison's largest part, written directly too).
    static let coverage: Coverage = {
        let task = TaskRef(ward: "w1", index: 3, ref: "3.12", line: 120)
        let cell = Coverage.Cell(ward: "w1", tasks: [task, task], mentions: [4, 17])
        let row = Coverage.Row(
            id: "digital-government", area: "digital-government", vi: "Chính quyền số", en: "Digital \"government\"",
            expectedBy: ["QĐ 282/QĐ-TTg", "NQ 76/NQ-CP"],
            cells: [cell, Coverage.Cell(ward: "w2", tasks: [], mentions: [])])
        return Coverage(areas: [row], themes: [row, row])
    }()

    @Test func coverageIsWrittenAsJSONEncoderWritesIt() throws {
        try Self.expectSame(Self.coverage)
        try Self.expectSame(Coverage(areas: [], themes: []))
        #expect(
            try Self.direct(Self.coverage.areas[0].cells[0].tasks[0], .compact)
                == #"{"index":3,"line":120,"ref":"3.12","ward":"w1"}"#)
    }

    // MARK: the comparison's per-ward and per-task parts

    static let task = TaskRef(ward: "w1", index: 3, ref: "3.12", line: 120)

    static let fullFacts = TaskFacts(
        task: task, area: "digital-government", themes: ["online-public-services", "e-office"],
        leads: ["Văn phòng HĐND và UBND"], genericLead: true, schedule: .wholePeriod, due: date,
        dueQuarter: Quarter(year: 2026, quarter: 2), pastDue: true, flags: [.perGuidance], hasProduct: true)

    static let fullGapItem: GapItem = {
        var item = GapItem(
            kind: .target, id: "online-services@2026-2030", level: .below, basis: [.national, .peers],
            expectedBy: ["QĐ 282/QĐ-TTg"],
            places: [GapPlace(line: 132, section: "điểm c mục 3 phần II"), GapPlace(line: 7, section: nil)],
            note: "Chỉ tiêu \"thấp hơn\" quốc gia", area: "digital-government",
            peers: GapItem.PeerShare(covering: 7, of: 9))
        item.assignedTo = "Văn phòng HĐND và UBND"
        item.decision = GapDecision(
            ReviewDecision(
                ward: "w1", kind: .target, id: item.id, mark: .notApplicable, note: "đã có", date: "2026-11-30"))
        return item
    }()

    static let benchmark = Benchmarks.Benchmark(
        metric: "online-services", comparator: .atLeast, value: 85.5, unit: .percent,
        period: YearRange(from: 2026, to: 2030), binds: .byEnd, source: "QĐ 282/QĐ-TTg", verified: false,
        note: "ghi chú", appliesTo: Applicability(provinces: ["ha-noi"], kinds: ["phuong"]), since: "2026-01-01")

    static let fullValue = TargetComparison.TargetValue(
        index: 2, line: 40, comparator: .atLeast, value: 99.5, unit: .percent, phase: YearRange(from: 2026, to: 2027),
        status: .below)

    static let fullTargets: TargetComparison = {
        let bare = TargetComparison.TargetValue(
            index: 0, line: 1, comparator: nil, value: nil, unit: nil, phase: nil, status: nil)
        let cell = TargetComparison.Cell(
            ward: "w1", status: .outsidePeriod, targets: [fullValue, bare], otherYears: [bare], dueLevel: benchmark)
        let row = TargetComparison.BenchmarkRow(
            id: "online-services@2026-2030", benchmark: benchmark, metricVi: "Dịch vụ công",
            metricEn: "Online \"services\"",
            cells: [cell, TargetComparison.Cell(ward: "w2", status: .met, targets: [], otherYears: [])])
        let metric = TargetComparison.MetricRow(
            metric: "sipas", vi: "Chỉ số SIPAS", en: "SIPAS",
            cells: [TargetComparison.MetricCell(ward: "w1", targets: [fullValue])])
        return TargetComparison(benchmarks: [row], unbenchmarked: [metric])
    }()

    static let fullLeads = LeadOffices(
        offices: [
            LeadOffices.Office(
                name: "Công an phường", cells: [WardTasks(ward: "w1", tasks: [task, task])], alsoShownAs: ["Công an xã"]
            ),
            LeadOffices.Office(name: "Phòng Văn hóa - Xã hội", cells: [WardTasks(ward: "w1", tasks: [])]),
        ],
        withoutNamedLead: [WardTasks(ward: "w2", tasks: [task])])

    @Test func comparisonPartsAreWrittenAsJSONEncoderWritesThem() throws {
        try Self.expectSame(Self.fullFacts)
        try Self.expectSame(
            TaskFacts(
                task: Self.task, area: "", themes: [], leads: [], genericLead: false, schedule: .missing, due: nil,
                dueQuarter: nil, pastDue: false, flags: [], hasProduct: false))
        try Self.expectSame([Self.fullFacts, Self.fullFacts])
        let bareItem = GapItem(kind: .theme, id: "x", level: .absent, basis: [], expectedBy: [], note: "")
        try Self.expectSame(WardGaps(ward: "w1", items: [Self.fullGapItem, bareItem]))
        try Self.expectSame(WardGaps(ward: "w2", items: []))
        var undated = Self.fullGapItem
        undated.decision = GapDecision(ReviewDecision(ward: "w1", kind: .theme, id: "x", mark: .sent))
        try Self.expectSame(undated)
        try Self.expectSame(Self.fullTargets)
        try Self.expectSame(TargetComparison(benchmarks: [], unbenchmarked: []))
        try Self.expectSame(Self.fullLeads)
        try Self.expectSame(LeadOffices(offices: [], withoutNamedLead: []))
        #expect(
            try Self.direct(GapPlace(line: 7, section: nil), .compact) == #"{"line":7,"section":null}"#)
        #expect(try Self.direct(Quarter(year: 2026, quarter: 4), .compact) == #""2026-Q4""#)
        // A number JSON cannot hold, deep in a row, fails as it does in JSONEncoder.
        var broken = Self.fullTargets
        broken.benchmarks[0].cells[0].targets[0].value = .nan
        #expect(throws: EncodingError.self) { try JSONBytesEncoder.encode(broken) }
        broken = Self.fullTargets
        broken.benchmarks[0].benchmark.value = .infinity
        #expect(throws: EncodingError.self) { try JSONBytesEncoder.encode(broken, style: .compact) }
    }

    static let fullTimelines = TimelineSummary(
        quarters: [Quarter(year: 2026, quarter: 3), Quarter(year: 2026, quarter: 4)],
        wards: [
            TimelineSummary.Ward(
                ward: "w1", missing: [task], vague: [task, task], relative: [task], wholePeriod: [task],
                pastDue: [task], recurring: 2, perQuarter: [0, 5]),
            TimelineSummary.Ward(
                ward: "w\"2", missing: [], vague: [], relative: [], wholePeriod: [], pastDue: [], recurring: 0,
                perQuarter: []),
        ])

    static let fullCitations = CitationSummary(
        citations: [CitationSummary.Citation(id: "nq76", vi: "Nghị quyết 76/NQ-CP", en: "Resolution \"76\"")],
        wards: [
            CitationSummary.Ward(
                ward: "w1",
                checks: [
                    CitationSummary.Check(citation: "nq76", found: true, basis: 2, line: 14),
                    CitationSummary.Check(citation: "qd282", found: false, basis: nil, line: nil),
                ]),
            CitationSummary.Ward(ward: "w2", checks: []),
        ])

    /// The timelines' and citations' summaries, per ward, as JSONEncoder writes them: the optional
    /// basis and line of a check left out when nil, as the synthesized `encode(to:)` does.
    @Test func summariesAreWrittenAsJSONEncoderWritesThem() throws {
        try Self.expectSame(Self.fullTimelines)
        try Self.expectSame(TimelineSummary(quarters: [], wards: []))
        try Self.expectSame(Self.fullCitations)
        try Self.expectSame(CitationSummary(citations: [], wards: []))
        #expect(
            try Self.direct(CitationSummary.Check(citation: "x", found: false, basis: nil, line: nil), .compact)
                == #"{"citation":"x","found":false}"#)
        try Self.expectMembers(Self.fullTimelines)
        try Self.expectMembers(Self.fullTimelines.wards[0])
        try Self.expectMembers(Self.fullCitations)
        try Self.expectMembers(Self.fullCitations.citations[0])
        try Self.expectMembers(Self.fullCitations.wards[0])
        try Self.expectMembers(Self.fullCitations.wards[0].checks[0])
    }

    /// The same check as `everyStoredPropertyHasItsMember`, for the comparison's parts.
    static let fullWard = WardEntry(
        id: "00008", planID: "ha-noi.phuong-ngoc-ha.2026-2030.263-kh-ubnd", label: "Phường Ngọc \"Hà\"",
        name: "Ngọc Hà", kind: .ward, province: "Hà Nội", source: "wards/ngoc-ha.txt", sha256: "ab12",
        documentType: .plan, documentNumber: "263/KH-UBND", issuedOn: date, issuedText: "ngày 30/6/2026",
        title: "Kế hoạch\tchuyển đổi số", period: YearRange(from: 2026, to: 2030), taskCount: 12, targetCount: 3,
        warningCount: 1, unclassifiedLines: 4, code: 8, group: "Nhóm 1")

    /// json43: a ward of the comparison, every optional field set and none.
    @Test func wardsAreWrittenAsJSONEncoderWritesThem() throws {
        try Self.expectSame(Self.fullWard)
        let bare = WardEntry(
            id: "phuong-x", planID: "", label: "", name: nil, kind: nil, province: nil, source: "x.txt", sha256: "",
            documentType: nil, documentNumber: nil, issuedOn: nil, issuedText: nil, title: nil, period: nil,
            taskCount: 0, targetCount: 0, warningCount: 0, unclassifiedLines: 0, code: nil, group: nil)
        try Self.expectSame(bare)
        try Self.expectSame([Self.fullWard, bare])
        try Self.expectMembers(Self.fullWard)
    }

    @Test func everyComparisonPartHasAMemberPerStoredProperty() throws {
        try Self.expectMembers(Self.fullFacts)
        try Self.expectMembers(WardGaps(ward: "w1", items: [Self.fullGapItem]))
        try Self.expectMembers(Self.fullGapItem)
        try Self.expectMembers(Self.fullGapItem.peers!)
        try Self.expectMembers(Self.fullGapItem.decision!)
        try Self.expectMembers(Self.fullGapItem.places[0])
        try Self.expectMembers(Self.fullTargets)
        try Self.expectMembers(Self.fullTargets.benchmarks[0])
        try Self.expectMembers(Self.fullTargets.benchmarks[0].cells[0])
        try Self.expectMembers(Self.fullTargets.unbenchmarked[0])
        try Self.expectMembers(Self.fullTargets.unbenchmarked[0].cells[0])
        try Self.expectMembers(Self.fullValue)
        try Self.expectMembers(Self.fullLeads)
        try Self.expectMembers(Self.fullLeads.offices[0])
        try Self.expectMembers(Self.fullLeads.withoutNamedLead[0])
    }

    @Test func numbersAndStringsAtTheirEdges() throws {
        for line in [0, 1, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min] {
            try Self.expectSame(SourceText(text: "x", line: line, endLine: line == 0 ? 1 : nil))
            try Self.expectSame(Signer(title: "", name: "", line: line))
        }
        #expect(
            try Self.direct(Signer(title: "T", name: "N", line: -1230), .compact)
                == #"{"line":-1230,"name":"N","title":"T"}"#)
        for value in [0.0, -0.0, 1, 95, 99.5, 0.1, 1e16, 1e-7, 123_456_789.125] {
            var target = Target(text: "t", value: value, line: 1)
            try Self.expectSame(target)
            target.value = nil
            try Self.expectSame(target)
        }
        for text in JSONBytesEncoderTests.strings + ["Phường\u{A0}Đ\tx", "e\u{301}", "\u{1}"] {
            try Self.expectSame(SourceText(text: text, line: 1))
        }
        // A number JSON cannot hold fails as it does in JSONEncoder.
        #expect(throws: EncodingError.self) { try JSONBytesEncoder.encode(Target(text: "t", value: .nan, line: 1)) }
        #expect(throws: EncodingError.self) {
            try JSONBytesEncoder.encode(Target(text: "t", value: .infinity, line: 1), style: .compact)
        }
    }

    /// The writer keeps its bytes in a `ByteBuffer` (lead37): the escaper writes the same bytes
    /// there as into an array, across many growths of a small buffer.
    @Test func stringsEscapedIntoAByteBufferAreTheArraysBytes() {
        var buffer = ByteBuffer(capacity: 16)
        var array: [UInt8] = []
        for text in FastPath24lTests.texts + ["", "\u{0}", "Phường Ngọc Hà\r\n\t\"x\""] {
            JSONBytesEncoder.appendString(text, to: &buffer)
            JSONBytesEncoder.appendString(text, to: &array)
        }
        #expect(array.count > 10_000)
        #expect(buffer.withUTF8 { Array($0) } == array)
    }

    @Test func extractedPlansAreWrittenAsBefore() throws {
        let result = PlanExtractor().extract(paths: ParallelExtractionTests.files)
        #expect(result.plans.count >= 5)
        for plan in result.plans + [Fixtures.namDoSon, Fixtures.ngocHa] {
            #expect(!plan.tasks.isEmpty || !plan.narrative.isEmpty)
            try Self.expectSame(plan)
        }
        try Self.expectSame(result)
        let comparison = Comparer().compare(result.plans, failed: result.failed, asOf: ComparisonTests.asOf)
        try Self.expectSame(comparison)
    }
}
