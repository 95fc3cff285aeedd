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
    ///
    /// Made for every plan of every XML report: the tasks are read in place (each `PlanTask` taken
    /// out of the list was a copy of every field), the ids told apart by what follows their shared
    /// `<plan id>/task-` (the same sets, shorter keys), and a plain reference's slug made without
    /// `Slug.of` (`plainReferenceSlug`).
    public static func taskIDs(planID: String, tasks: [PlanTask]) -> [String] {
        let prefix = planID + "/task-"
        var used = Set<String>(minimumCapacity: tasks.count)
        var ids: [String] = []
        ids.reserveCapacity(tasks.count)
        tasks.withUnsafeBufferPointer { tasks in
            for index in tasks.indices {
                let ref = referenceSlug(tasks[index].ref) ?? "n\(index + 1)"
                var suffix = ref
                var n = 2
                while used.contains(suffix) {
                    suffix = "\(ref)-\(n)"
                    n += 1
                }
                used.insert(suffix)
                ids.append(prefix + suffix)
            }
        }
        return ids
    }

    /// `Slug.of(ref, keeping: ["."])`, nil when empty.
    static func referenceSlug(_ ref: String) -> String? {
        plainReferenceSlug(ref) ?? nonEmpty(Slug.of(ref, keeping: ["."]))
    }

    /// The slug of a reference made of ASCII letters and digits with single dots between them
    /// ("3.12", "II.1", "b"): the reference lower-cased, as `Slug.of(ref, keeping: ["."])` makes it
    /// (each such letter or digit is itself folded to lower case, and a dot between two of them is
    /// kept); nil for any other reference (left to `Slug.of`).
    static func plainReferenceSlug(_ ref: String) -> String? {
        var upper = false
        let plain = ref.withContiguousUTF8 { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last, first != 0x2E, last != 0x2E else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                switch byte {
                case 0x30...0x39, 0x61...0x7A: break
                case 0x41...0x5A: upper = true
                case 0x2E where previous != 0x2E: break
                default: return false
                }
                previous = byte
            }
            return true
        }
        guard plain else { return nil }
        guard upper else { return ref }
        return String(decoding: ref.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    private static func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}
