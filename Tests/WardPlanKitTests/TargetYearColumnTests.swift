import Foundation
import Testing

@testable import WardPlanKit

/// targets12 (session 12): a targets table with a column per year or period ("Chỉ tiêu | 2026 |
/// 2028 | 2030") gives one stage per year cell with a figure, each with its years, figure and
/// comparator, at its row's line; a cell with no figure gives none and loses no words; a table of
/// past results and a task table whose time column holds years give no target. Plans and tables
/// written for these tests (`Tests/Fixtures/target-years/`, README there).
@Suite("Target year columns")
struct TargetYearColumnTests {
    /// line | metric | comparator | value | unit | years, one line per target.
    static func summary(_ plan: Plan) -> [String] {
        plan.targets.map { t in
            let value = t.value.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "-"
            return
                "\(t.line) | \(t.metric ?? "-") | \(t.comparator?.rawValue ?? "-") | \(value) | \(t.unit?.rawValue ?? "-") | \(t.phase?.description ?? "-")"
        }
    }

    static func fixture(_ name: String) throws -> Plan {
        try Fixtures.plan(Fixtures.data("target-years/" + name), path: name)
    }

    // MARK: - Header cells

    @Test func aHeaderCellNamesItsYears() {
        let cases: [(String, YearRange?)] = [
            ("2026", YearRange(from: 2026, to: 2026)),
            ("Năm 2027", YearRange(from: 2027, to: 2027)),
            ("Đến 2030", YearRange(from: 2030, to: 2030)),
            ("Đến năm 2030", YearRange(from: 2030, to: 2030)),
            ("Giai đoạn 2026-2030", YearRange(from: 2026, to: 2030)),
            ("Giai đoạn 2028 – 2030", YearRange(from: 2028, to: 2030)),
            ("Mục tiêu 2030", YearRange(from: 2030, to: 2030)),
            ("Mục tiêu phấn đấu 2026", YearRange(from: 2026, to: 2026)),
            ("Kết quả 2025", YearRange(from: 2025, to: 2025)),
            // Not a year column: no year, two years not joined by a dash, another number, a sentence.
            ("Thời gian thực hiện", nil),
            ("2026, 2028", nil),
            ("80%", nil),
            ("Tháng 6/2026", nil),
            ("Chỉ tiêu được giao cho các bộ phận thực hiện trong năm 2026", nil),
        ]
        for (cell, years) in cases {
            #expect(TargetYearColumns.years(ofHeader: cell) == years, "\(cell)")
        }
    }

    @Test func aTargetsHeaderTakesItsYearColumns() throws {
        // The indicator column and two years are a header on their own.
        let bare = try #require(TableColumns.detect(["Chỉ tiêu", "2026", "2028", "2030"]))
        #expect(bare.holdsTargets && bare.index(of: .target) == 0)
        #expect(
            bare.targetYears == [
                1: .init(from: 2026, to: 2026), 2: .init(from: 2028, to: 2028), 3: .init(from: 2030, to: 2030),
            ])
        #expect(bare.yearColumns.isEmpty)
        let full = try #require(
            TableColumns.detect(["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", "Giai đoạn 2028-2030"]))
        #expect(full.index(of: .ref) == 0 && full.index(of: .unit) == 2)
        #expect(full.targetYears == [3: .init(from: 2026, to: 2026), 4: .init(from: 2028, to: 2030)])
        // "Mục tiêu 2026" and "Kết quả 2025" are year columns, not the value column.
        let mixed = try #require(TableColumns.detect(["TT", "Chỉ tiêu", "Kết quả 2025", "Mục tiêu 2026"]))
        #expect(mixed.index(of: .value) == nil && mixed.targetYears.count == 2)
        // A single year beside the indicator alone is no header; a task table takes none.
        #expect(TableColumns.detect(["Chỉ tiêu", "2026"]) == nil)
        let tasks = try #require(TableColumns.detect(["TT", "Nhiệm vụ", "Chủ trì", "Thời gian"]))
        #expect(tasks.targetYears.isEmpty && tasks.index(of: .timeline) == 3)
        let named = try #require(TableColumns.detect(["TT", "Chỉ tiêu năm 2026", "Chủ trì"]))
        #expect(named.targetYears.isEmpty)
    }

    @Test func aYearCellGivesAFigureWordsOrNothing() {
        let figure = { (cell: String, unit: String?) -> String in
            switch TargetYearColumns.cell(cell, unit: unit) {
            case .none: return "none"
            case .words: return "words"
            case .figure(let v): return "\(v.comparator.rawValue) \(Int(v.number)) \(v.unit.rawValue)"
            }
        }
        #expect(figure("80%", nil) == "= 80 %")
        #expect(figure("80", "%") == "= 80 %")
        #expect(figure("≥ 90", "%") == ">= 90 %")
        #expect(figure("≥90%", nil) == ">= 90 %")
        #expect(figure("tối thiểu 93", "%") == ">= 93 %")
        #expect(figure("trên 95", "%") == "> 95 %")
        #expect(figure("từ 90", "%") == ">= 90 %")
        #expect(figure("3", "Cấp độ") == "= 3 level")
        #expect(figure("Mức 3", nil) == "= 3 level")
        for blank in ["", " ", "-", "–", "/"] { #expect(figure(blank, "%") == "none", "\(blank)") }
        for words in ["Duy trì", "x", "Hoàn thành", "Quý IV 2026"] {
            #expect(figure(words, "%") == "words", "\(words)")
        }
    }

    @Test func aSignBeforeAFigureIsItsComparator() {
        let comparator = { (text: String) in TargetParser.value(in: text)?.comparator }
        #expect(comparator("Mức độ hài lòng đạt ≥ 90%") == .atLeast)
        #expect(comparator("tỷ lệ hồ sơ trễ hạn ≤ 2%") == .atMost)
        #expect(comparator("đúng hạn > 98%") == .greater)
        #expect(comparator("đúng hạn >=98%") == .atLeast)
        // Markup or an arrow is no sign.
        #expect(comparator("đạt <b>90%") == .equal)
        #expect(comparator("tăng từ 80%->90%") != .greater)
    }

    // MARK: - Plans in several formats

    /// The five-year plan of `dong-son-thu-2026-2030.html` as Word gives it (LibreOffice made the
    /// .docx): a results table, a targets table whose "Mục tiêu phấn đấu" is merged over "2026 |
    /// 2028 | 2030", and a task table whose time column holds years.
    static let dongSonStages = [
        "13 | online-full-process | = | 80 | % | 2026", "13 | online-full-process | = | 85 | % | 2028",
        "13 | online-full-process | >= | 90 | % | 2030", "14 | satisfaction | >= | 90 | % | 2026",
        "14 | satisfaction | >= | 93 | % | 2028", "14 | satisfaction | > | 95 | % | 2030",
        "15 | on-time-rate | = | 98 | % | 2026", "16 | data-governance-level | = | 2 | level | 2026",
        "16 | data-governance-level | = | 3 | level | 2028",
    ]

    @Test func aWordTableGivesAStagePerYearCell() throws {
        let plan = try Self.fixture("dong-son-thu-2026-2030.docx")
        #expect(Self.summary(plan) == Self.dongSonStages)
        // Words under a year with no figure stay in the text of the stage before them.
        let onTime = try #require(plan.targets.first { $0.metric == "on-time-rate" })
        #expect(
            onTime.text
                == "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn (Mục tiêu phấn đấu 2026: 98; 2028: Duy trì)")
        #expect(plan.targets.last?.text == "Mức độ trưởng thành quản trị dữ liệu của phường (2028: 3; 2030: x)")
        // The results of 2024 and 2025 are statements, not targets.
        #expect(plan.narrative.map(\.text).filter { $0.contains("97,5%") }.count == 1)
        // The task table with years in its time column stays a task table.
        #expect(plan.tasks.map { $0.timeline?.text ?? "-" } == ["2026-2030", "2027"])
        #expect(plan.unclassified.isEmpty)
    }

    @Test func aMarkdownPlanWithYearAndPeriodColumns() throws {
        let plan = try Self.fixture("tan-phu-thu-2026-2030.md")
        #expect(
            Self.summary(plan) == [
                "22 | online-full-process | = | 90 | % | 2026", "22 | online-full-process | = | 100 | % | 2027",
                "22 | online-full-process | = | 100 | % | 2030", "23 | satisfaction | >= | 92 | % | 2026",
                "23 | satisfaction | >= | 94 | % | 2027", "23 | satisfaction | >= | 96 | % | 2030",
                // "Duy trì", an empty cell and a dash: no figure, one target read from its words.
                "24 | online-payment-rate | - | - | - | 2026-2030",
                "28 | satisfaction-land-construction-investment | >= | 85 | % | 2026-2027",
                "28 | satisfaction-land-construction-investment | > | 90 | % | 2028-2030",
            ])
        #expect(plan.targets[6].text == "Tỷ lệ thanh toán trực tuyến (Năm 2026: Duy trì)")
        // "Năm 2024 | Năm 2025" in a plan from 2026: results, kept as statements.
        #expect(
            plan.narrative.map(\.text) == [
                "Tỷ lệ hồ sơ giải quyết đúng hạn | 95% | 97%", "Tỷ lệ thanh toán trực tuyến | 40% | 55%",
            ])
        #expect(plan.tasks.map { $0.timeline?.text ?? "-" } == ["2026", "2026-2027"])
        #expect(plan.unclassified.isEmpty)
    }

    @Test func aTabPastedTableOfFiveYears() throws {
        let plan = try Self.fixture("hoa-an-thu-2026-2030.txt")
        #expect(
            Self.summary(plan) == [
                "9 | on-time-rate | = | 98 | % | 2026", "9 | on-time-rate | = | 98 | % | 2027",
                "9 | on-time-rate | = | 99 | % | 2028", "9 | on-time-rate | = | 99 | % | 2029",
                "9 | on-time-rate | > | 99 | % | 2030", "10 | satisfaction | = | 90 | % | 2026",
                "10 | satisfaction | = | 92 | % | 2027", "10 | satisfaction | = | 94 | % | 2028",
                "10 | satisfaction | = | 95 | % | 2029", "10 | satisfaction | = | 96 | % | 2030",
                "11 | online-full-process | - | - | - | 2026-2030",
            ])
        #expect(
            plan.targets.last?.text
                == "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình (2027: x; 2028: Duy trì)")
    }

    @Test func aPDFTableGivesTheSameStages() throws {
        // The PDF LibreOffice printed from the .docx: rows 1-3 of the targets table are read as a
        // table (row 4 and the task table are not found by the PDF table finder: see the README).
        let plan = try Self.fixture("dong-son-thu-2026-2030.pdf")
        let stages = Self.summary(plan).map { $0.split(separator: "|", maxSplits: 1)[1] }
        let expected = Self.dongSonStages.prefix(7).map { $0.split(separator: "|", maxSplits: 1)[1] }
        #expect(Array(stages.prefix(7)) == expected)
        #expect(plan.targets.prefix(7).map(\.line) == [16, 16, 16, 18, 18, 18, 20])
    }

    // MARK: - Results and tables that are no targets table

    static func plan(_ table: String, period: String = "giai đoạn 2026-2030") throws -> Plan {
        try Fixtures.plan(
            text: """
                ỦY BAN NHÂN DÂN
                PHƯỜNG LONG THỬ
                Số: 03/KH-UBND
                Long Thử, ngày 09 tháng 01 năm 2026
                KẾ HOẠCH
                Cải cách hành chính \(period)
                II. MỤC TIÊU, CHỈ TIÊU
                \(table)
                III. NHIỆM VỤ
                1. Rà soát thủ tục hành chính (Chủ trì: Văn phòng HĐND và UBND; Thời gian: Quý II/2026).
                """, path: "long-thu.md")
    }

    @Test func aTableOfPastResultsHoldsNoTarget() throws {
        let plan = try Self.plan(
            """
            | TT | Chỉ tiêu | Kết quả 2024 | Kết quả 2025 |
            |---|---|---|---|
            | 1 | Tỷ lệ hồ sơ giải quyết đúng hạn | 96% | 98% |
            """)
        #expect(plan.targets.isEmpty)
        #expect(plan.narrative.map(\.text) == ["1 | Tỷ lệ hồ sơ giải quyết đúng hạn | 96% | 98%"])
        // A result word in the header makes a column results whatever its year.
        let named = try Self.plan(
            """
            | Chỉ tiêu | Hiện nay 2026 | Kết quả đạt 2026 |
            |---|---|---|
            | Tỷ lệ hồ sơ giải quyết đúng hạn | 96% | 98% |
            """)
        #expect(named.targets.isEmpty)
    }

    @Test func aResultBesideATargetIsKeptWithIt() throws {
        let plan = try Self.plan(
            """
            | TT | Chỉ tiêu | Kết quả 2025 | Mục tiêu 2026 | Mục tiêu 2030 |
            |---|---|---|---|---|
            | 1 | Tỷ lệ hồ sơ giải quyết đúng hạn | 96% | 98% | 99% |
            """)
        #expect(
            Self.summary(plan) == ["10 | on-time-rate | = | 98 | % | 2026", "10 | on-time-rate | = | 99 | % | 2030"])
        #expect(plan.targets[0].text == "Tỷ lệ hồ sơ giải quyết đúng hạn (Kết quả 2025: 96%; Mục tiêu 2026: 98%)")
    }

    @Test func aSingleTargetYearColumnGivesItsYears() throws {
        let plan = try Self.plan(
            """
            | TT | Chỉ tiêu | Đơn vị tính | Mục tiêu 2030 |
            |---|---|---|---|
            | 1 | Mức độ hài lòng về giải quyết TTHC | % | ≥ 95 |
            """)
        #expect(Self.summary(plan) == ["10 | satisfaction | >= | 95 | % | 2030"])
    }

    // MARK: - Against the benchmarks

    @Test func eachBenchmarkIsJudgedOnTheStagesOfItsYears() throws {
        let plan = try Self.fixture("dong-son-thu-2026-2030.docx")
        let comparison = Comparer(reference: .standard).compare(
            [plan], asOf: CalendarDate(year: 2026, month: 7, day: 1)!)
        let rows = comparison.targets
        // QĐ 282's ≥ 95 % binds every year of 2028-2030: 93 % for 2028 is below though 2030's
        // "trên 95" meets it; 2026's 90 % is another year's, context.
        let satisfaction = try #require(rows.benchmark("satisfaction@2028-2030")).cells[0]
        #expect(satisfaction.status == .below)
        #expect(
            satisfaction.targets.map { "\($0.value ?? 0) \($0.status?.rawValue ?? "-")" } == ["93.0 below", "95.0 met"])
        #expect(satisfaction.otherYears.map(\.phase) == [YearRange(from: 2026, to: 2026)])
        // 100 % toàn trình in 2026-2027: the 2026 stage (80 %) is below.
        let fullProcess = try #require(rows.benchmark("online-full-process@2026-2027")).cells[0]
        #expect(fullProcess.status == .below && fullProcess.targets.map(\.value) == [80])
        // NQ 76's ≥ 90 % due by 2030: the 2030 stage of the narrower toàn trình share meets it.
        let online = try #require(rows.benchmark("online-services@2026-2030")).cells[0]
        #expect(online.status == .met && online.targets.map(\.value) == [90])
        // One item per indicator family; the row's line is its place.
        let items = comparison.gaps[0].items.filter { $0.kind == .target && $0.isRequest }
        #expect(
            items.map { "\($0.id) \($0.level.rawValue)" } == [
                "satisfaction@2028-2030 below", "satisfaction-land-construction-investment@2028-2030 absent",
                "online-full-process@2026-2027 below", "data-governance-level@2026-2027 below",
            ])
        #expect(items[0].places.map(\.line) == [14])
    }
}
