/// The review letter to each ward as text to copy: the same words `wardplan letters` writes into
/// the Word files (always Vietnamese: a letter to a ward), one paragraph a line.
extension HTMLReportWriter {
    func letters() {
        section("letters", .secLetters) {
            h.element("p", text: t(.lettersIntro))
            for letter in LetterComposer().letters(comparison, plans: plans) {
                let entry = ward(letter.ward)
                h.element("article", [.id("l-" + Anchor.safe(entry.id)), .class("letter")]) {
                    h.element("h3", text: t(.letterOf, entry.label))
                    h.element("blockquote", [.lang(t.language == .vi ? nil : "vi")]) {
                        for line in letter.plainText.split(separator: "\n", omittingEmptySubsequences: true) {
                            h.element("p", text: String(line))
                        }
                    }
                }
                h.newline()
            }
        }
    }
}
