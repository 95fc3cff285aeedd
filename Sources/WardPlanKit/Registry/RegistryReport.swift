/// Which units of a list sent no plan, and which plans are of units not in it (`compare
/// --province`, or a city's `registry.csv`). Each plan's ward is matched to the national list,
/// so the plans carry their units' official codes.
public struct RegistryReport: Sendable, Hashable, Codable {
    /// What the list is: the provinces named, or the city's file.
    public var list: String
    /// How many units the list has.
    public var units: Int
    /// Each plan's unit, in ward order.
    public var wards: [WardUnit]
    /// Units of the list no plan was read for, by code.
    public var missing: [UnitRegistry.Unit]
    /// Plans (ward ids) of units not in the list, or that match no unit or several.
    public var unknown: [String]

    public struct WardUnit: Sendable, Hashable, Codable {
        public var ward: String
        /// The official code; nil when the ward matches no unit or several.
        public var code: Int?
        public var name: String?
        public var province: String?
        /// The city's group of the unit, from its own list.
        public var group: String?
        /// Official names of the units an ambiguous name may be (in several provinces).
        public var candidates: [String]?
    }

    /// Matches each ward of `comparison` to the national list and checks them against `list`.
    public static func make(
        _ comparison: Comparison, plans: [Plan], list: [UnitRegistry.Unit], listName: String,
        national: UnitRegistry = .national
    ) -> RegistryReport {
        let listed = Dictionary(list.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: Set<Int> = []
        var wards: [WardUnit] = []
        var unknown: [String] = []
        for (w, entry) in comparison.wards.enumerated() {
            switch national.match(plans[w].ward) {
            case .unit(let unit):
                seen.insert(unit.code)
                wards.append(
                    WardUnit(
                        ward: entry.id, code: unit.code, name: unit.name, province: unit.province,
                        group: listed[unit.code]?.group))
                if listed[unit.code] == nil { unknown.append(entry.id) }
            case .ambiguous(let units):
                wards.append(WardUnit(ward: entry.id, candidates: units.map { "\($0.name) (\($0.province))" }))
                unknown.append(entry.id)
            case .none:
                wards.append(WardUnit(ward: entry.id))
                unknown.append(entry.id)
            }
        }
        return RegistryReport(
            list: listName, units: list.count, wards: wards,
            missing: list.filter { !seen.contains($0.code) }.sorted { $0.code < $1.code }, unknown: unknown)
    }
}
