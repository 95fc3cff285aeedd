import Testing

@testable import WardPlanKit

/// Two rules of the target items (session 10), on plans written for this test:
/// - a figure a task states of its own ("…, phấn đấu đạt mức 3") with a known metric is a target of
///   the plan, at the task's line, for the plan's years: its benchmark is met, not missing;
/// - a figure due by the end of a period the plan ends before is not yet due: a plan with no target
///   for it gets no item, unless an earlier level of it is already due by the plan's years (an
///   unverified one only for review, never in a letter).
@Suite("Targets stated in tasks; figures not yet due")
struct TaskTargetsAndDueYearTests {
    static func plan(_ tasks: [String], period: String = "năm 2026") -> String {
        let body = tasks.enumerated().map { i, text in
            "\(i + 1). \(text)\nVăn phòng HĐND và UBND chủ trì. Thời gian: Quý IV/2026.\n"
        }
        return """
            ỦY BAN NHÂN DÂN
            PHƯỜNG TÂN HỘI
            Số: 12/KH-UBND
            Tân Hội, ngày 15 tháng 3 năm 2026
            KẾ HOẠCH
            Cải cách hành chính \(period)

            I. NHIỆM VỤ, GIẢI PHÁP

            \(body.joined(separator: "\n"))
            """
    }

    typealias U = UnverifiedAndNarrowerTargetTests
    static let dataGovernance = "data-governance-level@2026-2027"
    static let healthEducation = U.healthEducation
    static let onlineServices = U.onlineServices

    static func compare(_ text: String, reference: ReferenceData = U.wardReference) throws -> (Comparison, Plan) {
        try U.compare(text, reference: reference)
    }

    // MARK: - A target stated in a task

    @Test func aTasksOwnFigureIsATargetAtTheTasksLine() throws {
        let (comparison, plan) = try Self.compare(
            Self.plan([
                "Đánh giá mức độ trưởng thành quản trị dữ liệu của phường, phấn đấu đạt mức 3.",
                "Tổ chức tập huấn kỹ năng số cho công chức.",
            ]))
        let target = try #require(plan.targets.first { $0.metric == "data-governance-level" })
        #expect(target.value == 3 && target.unit == .level && target.comparator == .atLeast)
        #expect(target.line == plan.tasks[0].line && target.phase == nil)
        let cell = try #require(comparison.targets.benchmark(Self.dataGovernance)).cells[0]
        #expect(cell.status == .met && cell.targets.map(\.line) == [plan.tasks[0].line])
        #expect(comparison.gaps[0].item(.target, Self.dataGovernance) == nil)
    }

    @Test func withoutTheFigureTheBenchmarkIsMissing() throws {
        let (comparison, plan) = try Self.compare(
            Self.plan(["Đánh giá mức độ trưởng thành quản trị dữ liệu của phường."]))
        #expect(plan.targets.isEmpty)
        #expect(comparison.gaps[0].item(.target, Self.dataGovernance)?.level == .absent)
    }

    @Test func aFigureWithoutAGoalWordOrAMetricIsNotATarget() throws {
        let (_, plan) = try Self.compare(
            Self.plan([
                // No goal word: the figure says how many are trained, not a target of the plan.
                "Tập huấn cho 100% công chức về quản trị dữ liệu mức 3.",
                // A goal word and a value, but no metric the catalogue knows.
                "Bảo đảm 100% công chức giải quyết TTHC có chữ ký số.",
            ]))
        #expect(plan.targets.isEmpty)
    }

    @Test func aTasksFigureBelowTheBenchmarkIsBelow() throws {
        let (comparison, plan) = try Self.compare(
            Self.plan(["Triển khai thu thập dữ liệu dùng chung, bảo đảm cấp độ quản trị dữ liệu đạt mức 2."]))
        let item = try #require(comparison.gaps[0].item(.target, Self.dataGovernance))
        #expect(item.level == .below && item.places.map(\.line) == [plan.tasks[0].line])
    }

    // MARK: - A figure not yet due

    @Test func aFigureNotYetDueWithNoEarlierLevelRaisesNothing() throws {
        // A city's copy that asks it of wards, without NQ 76's 2025 level of it.
        var reference = U.wardReference
        reference.benchmarks.benchmarks.removeAll {
            $0.metric == "satisfaction-health-education" && $0.period.to == 2025
        }
        let oneYear = Self.plan(["Niêm yết đầy đủ TTHC tại Bộ phận Một cửa."])
        let (comparison, _) = try Self.compare(oneYear, reference: reference)
        #expect(comparison.targets.benchmark(Self.healthEducation)?.cells[0].status == .outsidePeriod)
        #expect(comparison.gaps[0].item(.target, Self.healthEducation) == nil)
        // A plan that runs to the due year is asked for it (for review: the figure is unverified).
        let fiveYears = Self.plan(["Niêm yết đầy đủ TTHC tại Bộ phận Một cửa."], period: "giai đoạn 2026-2030")
        let (later, _) = try Self.compare(fiveYears, reference: reference)
        #expect(later.targets.benchmark(Self.healthEducation)?.cells[0].status == .missing)
        #expect(later.gaps[0].item(.target, Self.healthEducation)?.level == .review)
    }

    @Test func aLevelAlreadyDueStillApplies() throws {
        let (comparison, _) = try Self.compare(Self.plan(["Niêm yết đầy đủ TTHC tại Bộ phận Một cửa."]))
        // Online services: 80 % was due by 2025 (checked): still missing, with that level named; its
        // family's item (led by the fully-online share) names it.
        let online = try #require(comparison.targets.benchmark(Self.onlineServices)).cells[0]
        #expect(online.status == .missing && online.dueLevel?.period.to == 2025)
        let family = try #require(comparison.gaps[0].item(.target, U.fullProcess))
        #expect(family.level == .absent && family.note.contains(Self.onlineServices))
        // Health and education: the level due by 2025 is unverified: only for review, never in a letter.
        let health = try #require(comparison.gaps[0].item(.target, Self.healthEducation))
        #expect(health.level == .review && health.note.contains("chưa được kiểm chứng"))
    }
}
