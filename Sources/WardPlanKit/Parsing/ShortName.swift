/// An office's name written short, in capitals ("VP", "VH-XH", "TT PVHCC"): 2 to 20 characters, two
/// letters or more and no small letter. A legend (`AbbreviationLegend`) and a role matrix's header
/// (`RoleMatrixColumns`) each add what their place allows.
enum ShortName {
    static func isCapitals(_ text: String) -> Bool {
        guard (2...20).contains(text.count) else { return false }
        let letters = text.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
    }
}
