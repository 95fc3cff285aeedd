/// ASCII identifiers from Vietnamese text: "Phường Ngọc Hà" → "phuong-ngoc-ha", "263/KH-UBND" →
/// "263-kh-ubnd". Tone marks dropped, đ → d, lower case; every run of anything else is one hyphen.
/// Folds letters as `FoldedKey` does, so old and new tone placement give the same slug.
public enum Slug {
    /// Lower-case ASCII letters and digits joined by single hyphens (or by a `kept` character, such
    /// as the dot of a task reference "3.12"); empty when the text has no letter or digit.
    public static func of(_ text: some StringProtocol, keeping kept: Set<Unicode.Scalar> = []) -> String {
        var out = String.UnicodeScalarView()
        var pending: Unicode.Scalar?
        // Separators are only ever written before a letter or digit, so a non-empty slug ends in one.
        func isWordEnd() -> Bool { !out.isEmpty }
        for scalar in text.unicodeScalars {
            if kept.contains(scalar) {
                if isWordEnd() { pending = scalar }
                continue
            }
            switch FoldedKey.fold(scalar) {
            case .drop:
                continue
            case .separator:
                if isWordEnd(), pending == nil { pending = "-" }
            case .scalar(let s):
                guard ("a"..."z").contains(s) || ("0"..."9").contains(s) else {
                    if isWordEnd(), pending == nil { pending = "-" }
                    continue
                }
                if let p = pending, !out.isEmpty { out.append(p) }
                pending = nil
                out.append(s)
            }
        }
        return String(out)
    }
}
