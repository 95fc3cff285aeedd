/// Stable identifiers for plans and tasks, so that a system receiving reports updates the record it
/// already has rather than adding a duplicate. They depend only on what the plan says (province,
/// ward, period, document number; the task's reference), never on file names or input order.
///
/// - plan: `unit.period.document`, ASCII, where `unit` is the official code (five digits) of the
///   commune-level unit the plan's ward is in the national list (`UnitRegistry`):
///   `00008.2026-2030.263-kh-ubnd` (Phường Ngọc Hà, Hà Nội). A draft without a number:
///   `11737.2026.qd-ubnd-unnumbered` (Phường Nam Đồ Sơn, Hải Phòng). A ward the list does not know, or whose name several units
///   share and the plan's province does not settle, keeps `province.ward` slugs instead of the code:
///   `ha-noi.phuong-ngoc-ha.2026-2030.263-kh-ubnd`.
/// - task: the plan id, `/task-`, the reference: `00008.2026-2030.263-kh-ubnd/task-25`.
///
/// Two different inputs that give the same plan id (two copies or versions of one document) get
/// the first 12 hex digits of their content hash appended, and a warning.
public enum PlanIdentity {
    /// The id a plan has on its own.
    public static func baseID(of plan: Plan, units: UnitRegistry = .national) -> String {
        baseID(of: plan, code: units.code(of: plan.ward))
    }

    /// As `baseID(of:units:)`, with `code`, the official code the list gives the plan's ward
    /// (`units.code(of: plan.ward)`), already known: the ward is not looked up again (compare31).
    static func baseID(of plan: Plan, code: Int?) -> String {
        let period = plan.period.map { "\($0.years)" } ?? plan.document.issuedYear.map(String.init) ?? "undated"
        let document: String
        if let number = plan.document.number, let slug = nonEmpty(Slug.of(number)) {
            document = slug
        } else {
            document = (nonEmpty(Slug.of(plan.document.code ?? "")).map { $0 + "-" } ?? "") + "unnumbered"
        }
        return [wardPart(of: plan, code: code), period, document].joined(separator: ".")
    }

    /// The key of the plan's ward: its unit's official code, else `province.kind-name` slugs.
    static func wardPart(of plan: Plan, units: UnitRegistry) -> String {
        wardPart(of: plan, code: units.code(of: plan.ward))
    }

    /// As `wardPart(of:units:)`, with the ward's official code already known.
    static func wardPart(of plan: Plan, code: Int?) -> String {
        if let code { return UnitRegistry.codeText(code) }
        let province = nonEmpty(Slug.of(plan.ward.province ?? "")) ?? "unknown-province"
        let ward: String
        if let name = plan.ward.name, let slug = nonEmpty(Slug.of("\(plan.ward.kind?.rawValue ?? "") \(name)")) {
            ward = slug
        } else {
            ward = "unknown-ward-" + plan.source.sha256.prefix(12)
        }
        return province + "." + ward
    }

    /// The ids of a list of plans, unique within the list, with a warning for each clash.
    public static func ids(of plans: [Plan], units: UnitRegistry = .national) -> (
        ids: [String], diagnostics: [Diagnostic]
    ) {
        ids(of: plans, codes: plans.map { units.code(of: $0.ward) })
    }

    /// As `ids(of:units:)`, with each plan's official code (`units.code(of: plan.ward)`, nil when
    /// none) already known, in the plans' order (compare31).
    static func ids(of plans: [Plan], codes: [Int?]) -> (ids: [String], diagnostics: [Diagnostic]) {
        ids(of: plans, base: plans.indices.map { baseID(of: plans[$0], code: codes[$0]) })
    }

    /// As `ids(of:units:)`, with each plan's `baseID` already made, in the plans' order.
    static func ids(of plans: [Plan], base: [String]) -> (ids: [String], diagnostics: [Diagnostic]) {
        var count: [String: Int] = [:]
        for id in base { count[id, default: 0] += 1 }
        var ids: [String] = []
        var used: Set<String> = []
        var diagnostics: [Diagnostic] = []
        ids.reserveCapacity(plans.count)
        // Plans read in place (by index), not copied out of the array (compare31).
        for p in plans.indices {
            let id = base[p]
            var unique = id
            if count[id]! > 1 {
                unique = "\(id).sha-\(plans[p].source.sha256.prefix(12))"
                diagnostics.append(
                    Diagnostic(
                        .xmlDuplicatePlanID, .warning, path: plans[p].source.path, ReaderMessage.duplicatePlanID,
                        count[id]!, id,
                        unique))
            }
            // Byte-identical copies share a hash too: number them (their order cannot matter).
            var n = 2
            let stem = unique
            while used.contains(unique) {
                unique = "\(stem)-\(n)"
                n += 1
            }
            used.insert(unique)
            ids.append(unique)
        }
        return (ids, diagnostics)
    }

    /// The ids of a plan's tasks, unique within the plan. A reference that repeats (two tables
    /// numbered from 1) gets `-2`, `-3` … in the plan's own order.
    public static func taskIDs(planID: String, tasks: [PlanTask]) -> [String] {
        var used: Set<String> = []
        return tasks.enumerated().map { index, task in
            let ref = nonEmpty(Slug.of(task.ref, keeping: ["."])) ?? "n\(index + 1)"
            var id = "\(planID)/task-\(ref)"
            var n = 2
            while used.contains(id) {
                id = "\(planID)/task-\(ref)-\(n)"
                n += 1
            }
            used.insert(id)
            return id
        }
    }

    private static func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}
