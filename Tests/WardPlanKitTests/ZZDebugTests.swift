import Foundation
import Testing
@testable import WardPlanKit
@Suite struct ZZDebug {
    @Test func dump() throws {
        let path = ProcessInfo.processInfo.environment["DEBUG_FIXTURE"] ?? ""
        if path.isEmpty { return }
        let doc = try ReaderRegistry.standard.read(Fixtures.data(path), path: path)
        try doc.tree.dump().write(toFile: "/tmp/tt/tree.txt", atomically: true, encoding: .utf8)
        try PlanDump.render(Fixtures.plan(Fixtures.data(path), path: path)).write(toFile: "/tmp/tt/plan.txt", atomically: true, encoding: .utf8)
    }
}
