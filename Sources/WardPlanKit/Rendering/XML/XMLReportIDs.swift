/// The schema's constraints that span every plan of a report, checked from the ids the writer
/// has instead of by the schema over the whole document: no plan id twice (`uniquePlanId`), no
/// task id twice in all plans (`uniqueTaskId`), and every plan and task the comparison names held
/// by the report (`comparedPlan`, `comparedTask`). With them here, each plan's element can be
/// validated once, when it is made, and the rest of the report (its frame: code lists, phrases,
/// failed inputs, the comparison) against the schema without them (`XMLSchemaSet.reportFrame`):
/// a warm run validates what changed, not every byte (docs/performance.md, perf-xml6).
///
/// The ids are the ones the plans' elements carry: `PlanXML` writes `PlanIdentity.taskIDs` of
/// the plan and its id, and a kept element is copied only for the same plan and id.
final class XMLReportIDs {
    /// The constraints of `report` in `schema/wardplans-3.xsd` this checks.
    static let constraints: Set<String> = ["uniquePlanId", "uniqueTaskId", "comparedPlan", "comparedTask"]
    /// The constraints of `report` the frame's schema keeps: they do not reach into the plans.
    static let frameConstraints: Set<String> = ["phraseKey"]

    private var plans: Set<String> = []
    private var tasks: Set<String> = []
    /// What was found, in the order found.
    private(set) var problems: [Diagnostic] = []

    /// The ids of a report's plans and, per plan in the same order, of its tasks.
    init(planIDs: [String], taskIDs: [[String]]) {
        plans.reserveCapacity(planIDs.count)
        for id in planIDs where !plans.insert(id).inserted {
            problem("uniquePlanId", "the plan id \(id) is used by more than one plan")
        }
        tasks.reserveCapacity(taskIDs.reduce(0) { $0 + $1.count })
        for id in taskIDs.joined() where !tasks.insert(id).inserted {
            problem("uniqueTaskId", "the task id \(id) is used by more than one task")
        }
    }

    /// `id`, a plan the comparison names (`@plan`); recorded when the report holds no such plan.
    func plan(_ id: String) -> String {
        if !plans.contains(id) {
            problem("comparedPlan", "the comparison names the plan \(id), which the report does not hold")
        }
        return id
    }

    /// `id`, a task the comparison names (`task/@id`); recorded when the report holds no such task.
    func task(_ id: String) -> String {
        if !tasks.contains(id) {
            problem("comparedTask", "the comparison names the task \(id), which the report does not hold")
        }
        return id
    }

    private func problem(_ constraint: String, _ message: String) {
        problems.append(
            Diagnostic(
                .xmlInvalid, .error, path: "(generated XML)",
                "không khớp lược đồ / does not match schema/\(XMLSchemaSet.reportFile) (\(constraint)): \(message)"))
    }
}
