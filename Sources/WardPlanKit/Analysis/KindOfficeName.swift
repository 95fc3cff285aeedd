/// The name a plan's kind of unit gives a known office: "Công an phường" is "Công an xã" in a
/// commune's plan. The directory (`offices.yaml`) keeps one canonical name, so every count and the
/// lead-office table see one office; a canonical name ending with a kind's word ("phường", "xã",
/// "đặc khu") is shown with the plan's own word when the directory knows that spelling as the same
/// office (an alias: data, not a rule of this code).
enum KindOfficeName {
    static func shown(_ name: String, kind: Ward.Kind?, offices: OfficeDirectory) -> String {
        guard let kind else { return name }
        for other in [Ward.Kind.ward, .commune, .specialZone] where other != kind {
            let suffix = " " + other.rawValue
            guard name.hasSuffix(suffix) else { continue }
            let candidate = String(name.dropLast(suffix.count)) + " " + kind.rawValue
            return offices.canonicalName(candidate) == name ? candidate : name
        }
        return name
    }
}
