import Foundation

/// The name a plan's kind of unit gives a known office: "Công an phường" is "Công an xã" in a
/// commune's plan. The directory (`offices.yaml`) keeps one canonical name, so every count and the
/// lead-office table see one office; a canonical name ending with a kind's word ("phường", "xã",
/// "đặc khu") is shown with the plan's own word when the directory knows that spelling as the same
/// office (an alias: data, not a rule of this code).
enum KindOfficeName {
    /// Whether `shown` may give `name` another name in a plan of `kind`: false when `name` cannot
    /// end with another kind's word, told by its last byte (perf23g: most tasks' leads). A name
    /// ends with a word (as `hasSuffix` compares, up to canonical equivalence) only if its last
    /// character is the word's last, whose last byte is one of that letter's NFC or NFD form ("g",
    /// "ã", "u": at most one mark, so these are its only spellings).
    static func mayRename(_ name: String, kind: Ward.Kind?) -> Bool {
        guard let kind, let last = name.utf8.last else { return false }
        switch kind {
        case .ward: return lastBytes.commune.contains(last) || lastBytes.specialZone.contains(last)
        case .commune: return lastBytes.ward.contains(last) || lastBytes.specialZone.contains(last)
        case .specialZone: return lastBytes.ward.contains(last) || lastBytes.commune.contains(last)
        }
    }

    /// The last bytes of each kind's word, composed and decomposed.
    private static let lastBytes = (
        ward: endings(of: .ward), commune: endings(of: .commune), specialZone: endings(of: .specialZone)
    )

    private static func endings(of kind: Ward.Kind) -> Set<UInt8> {
        let letter = String(kind.rawValue.last!)
        return [
            letter.precomposedStringWithCanonicalMapping.utf8.last!,
            letter.decomposedStringWithCanonicalMapping.utf8.last!,
        ]
    }

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
