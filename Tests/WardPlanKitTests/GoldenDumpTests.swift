import Testing

@testable import WardPlanKit

/// The readable dump of each parsed seed is the parser's golden file: any change to what the parser
/// extracts shows up as a diff to review (re-record with WARDPLANS_RECORD=1 when it is intended).
@Suite("Golden dumps")
struct GoldenDumpTests {
    @Test func namDoSon() throws {
        try assertGolden(PlanDump.render(Fixtures.namDoSon), named: "nam-do-son-2026.dump.txt")
    }

    @Test func ngocHa() throws {
        try assertGolden(PlanDump.render(Fixtures.ngocHa), named: "ngoc-ha-2026-2030.dump.txt")
    }
}
