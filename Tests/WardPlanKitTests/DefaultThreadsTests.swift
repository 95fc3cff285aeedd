import Foundation
import Testing

@testable import WardPlanKit

/// `PlanExtractor.defaultThreads` reads `WARDPLAN_THREADS` as it is at the moment of the call (it is
/// read with `getenv`, not a copy of the environment), and falls back to one thread per active core
/// for a value that is not a positive whole number. Other suites may read it meanwhile: any count
/// gives them the same bytes.
@Suite("Default thread count", .serialized)
struct DefaultThreadsTests {
    private static func with(_ value: String?, _ body: () -> Void) {
        let before = getenv("WARDPLAN_THREADS").map { String(cString: $0) }
        if let value { setenv("WARDPLAN_THREADS", value, 1) } else { unsetenv("WARDPLAN_THREADS") }
        defer {
            if let before { setenv("WARDPLAN_THREADS", before, 1) } else { unsetenv("WARDPLAN_THREADS") }
        }
        body()
    }

    @Test func readsTheVariableAsSetNow() {
        Self.with("3") { #expect(PlanExtractor.defaultThreads == 3) }
        Self.with("1") { #expect(PlanExtractor.defaultThreads == 1) }
    }

    @Test func fallsBackToTheCoresForNoOrABadValue() {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for value in [nil, "", "0", "-2", "two", "3 "] as [String?] {
            Self.with(value) { #expect(PlanExtractor.defaultThreads == cores, "WARDPLAN_THREADS=\(value ?? "unset")") }
        }
    }
}
