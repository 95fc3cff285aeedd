import Foundation
import Testing
@testable import WardPlanKit
@Suite struct ZZDebug {
    @Test func dump() throws {
        let path = ProcessInfo.processInfo.environment["DEBUG_FIXTURE"] ?? ""
        if path.isEmpty { return }
        var out = ""
        for p in path.split(separator: ",").map(String.init) {
            let plan = try Fixtures.plan(Fixtures.data(p), path: p)
            out += "\(p): tasks \(plan.tasks.count) understood \(PlanCoverage.understoodShare(of: plan)) notUnderstood \(plan.notUnderstood.count) unclassified \(plan.unclassified.count)\n"
            for n in plan.notUnderstood.prefix(3) { out += "   \(n.line) \(n.text.prefix(80))\n" }
            if !p.contains(",") {
                let doc = try ReaderRegistry.standard.read(Fixtures.data(p), path: p)
                try doc.tree.dump().write(toFile: "/tmp/tt/tree.txt", atomically: true, encoding: .utf8)
                try PlanDump.render(plan).write(toFile: "/tmp/tt/plan.txt", atomically: true, encoding: .utf8)
            }
        }
        try out.write(toFile: "/tmp/tt/summary.txt", atomically: true, encoding: .utf8)
    }
}
