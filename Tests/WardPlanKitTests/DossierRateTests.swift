import Foundation
import Testing

@testable import WardPlanKit

/// A share of dossiers handled online ("60% hồ sơ TTHC được giải quyết trực tuyến") is an uptake
/// rate, not the share of procedures offered online that the benchmarks name: no benchmark judges it.
/// Target sentences are written for these tests.
@Suite("Dossier rates are not procedure rates")
struct DossierRateTests {
    let parser = TargetParser(metrics: ReferenceData.standard.metrics)
    let phase = YearRange(from: 2026, to: 2027)

    func metric(_ text: String) -> String? { parser.targets(in: text, phase: phase, line: 1).first?.metric }

    @Test func dossierSentencesGetTheDossierRate() {
        #expect(metric("Phấn đấu 60% hồ sơ TTHC được giải quyết trực tuyến toàn trình.") == "online-dossier-rate")
        #expect(metric("Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến đạt từ 50% trở lên.") == "online-dossier-rate")
        #expect(
            metric("100% hồ sơ được tiếp nhận, xử lý trực tuyến qua dịch vụ công trực tuyến.") == "online-dossier-rate")
    }

    @Test func procedureSentencesKeepTheirMetrics() {
        #expect(
            metric("100% TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình.") == "online-full-process")
        #expect(metric("Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến đạt 90% trở lên.") == "online-services")
        // Other dossier rates keep theirs: digitising, on time, paid online.
        #expect(metric("100% hồ sơ TTHC được số hóa, kết quả trả trực tuyến.") == "digitised-records")
        #expect(metric("Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%.") == "on-time-rate")
        #expect(metric("Tỷ lệ hồ sơ thanh toán trực tuyến đạt 40%.") == "online-payment-rate")
        // Session 16: payments made online are not procedures deployed for online payment.
        #expect(
            metric("Tỷ lệ hồ sơ TTHC có nghĩa vụ tài chính được thanh toán trực tuyến đạt 70%.")
                == "online-payment-rate")
        #expect(metric("85% giao dịch có phí được thanh toán trực tuyến.") == "online-payment-rate")
        #expect(
            metric("100% TTHC có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến.") == "online-payment"
        )
        #expect(metric("Tỷ lệ thủ tục hành chính được tích hợp thanh toán trực tuyến đạt 90%.") == "online-payment")
    }

    @Test func noBenchmarkCountsADossierRate() {
        let reference = ReferenceData.standard
        #expect(reference.metrics.family(of: "online-dossier-rate") == "online-dossier-rate")
        #expect(!reference.benchmarks.benchmarks.isEmpty)
        for b in reference.benchmarks.benchmarks {
            #expect(!reference.metrics.counts("online-dossier-rate", toward: b.metric))
        }
        #expect(reference.metrics.counts("online-full-process", toward: "online-services"))
    }

    static func plan(target: String) throws -> Plan {
        let text = """
            ỦY BAN NHÂN DÂN
            PHƯỜNG HÒA LẠC
            Số: 31/KH-UBND
            Hòa Lạc, ngày 10 tháng 3 năm 2027
            KẾ HOẠCH
            Cải cách hành chính năm 2027
            I. CHỈ TIÊU
            - \(target)
            """
        return try Fixtures.plan(text: text, path: "hoa-lac.txt")
    }

    static func compare(_ plan: Plan) -> Comparison {
        Comparer().compare([plan], asOf: CalendarDate(year: 2027, month: 4, day: 1)!)
    }

    @Test func aPlanWithOnlyADossierRateHasNoBelowItem() throws {
        let plan = try Self.plan(target: "Phấn đấu 60% hồ sơ TTHC được giải quyết trực tuyến toàn trình.")
        #expect(plan.targets.map(\.metric) == ["online-dossier-rate"])
        let comparison = Self.compare(plan)
        // Listed among the targets no benchmark names, with its value.
        let row = try #require(comparison.targets.unbenchmarked.first { $0.metric == "online-dossier-rate" })
        #expect(row.cells.flatMap(\.targets).map(\.value) == [60])
        #expect(comparison.targets.benchmarks.allSatisfy { $0.cells.allSatisfy(\.targets.isEmpty) })
        let targetItems = comparison.gaps[0].items.filter { $0.kind == .target }
        #expect(!targetItems.isEmpty)
        #expect(!targetItems.contains { $0.level == .below })
        // The procedures-online benchmark is not met by it: that target is absent.
        #expect(targetItems.contains { $0.id.hasPrefix("online-") && $0.level == .absent })
    }

    @Test func aLowProcedureRateIsStillBelow() throws {
        let plan = try Self.plan(
            target: "Phấn đấu 60% TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình.")
        #expect(plan.targets.map(\.metric) == ["online-full-process"])
        let items = Self.compare(plan).gaps[0].items.filter { $0.kind == .target }
        #expect(items.contains { $0.id.hasPrefix("online-") && $0.level == .below })
    }

    @Test func aFullProcedureRateMeetsItsBenchmark() throws {
        let plan = try Self.plan(target: "100% TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình.")
        let items = Self.compare(plan).gaps[0].items.filter { $0.kind == .target }
        #expect(!items.contains { $0.id.hasPrefix("online-") })
    }
}
