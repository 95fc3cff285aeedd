/// "Nhiệm vụ 3: Rà soát …", "Nhiệm vụ thứ 3. …", "Công việc 2) …": a word of `plan-layout.yaml`
/// (`taskOpeners`) at the start of a line, maybe "thứ", then a number and ":", "." or ")" open a
/// task whose field lines follow. The number is the task's ref. A sentence that only mentions a
/// task ("Nhiệm vụ 1 của Kế hoạch là …", "Các nhiệm vụ 3 năm tới: …") opens nothing.
enum LabelledTaskOpener {
    /// The number and the statement after it, or nil when the line does not open this way.
    static func read(_ text: String) -> (ref: String, title: String)? {
        guard let first = text.first, first.isLetter, first.isUppercase,
            let m = pattern.firstMatch(in: text), let word = m[1], let number = m[2], let title = m[3],
            openerKeys.contains(word.foldedKey)
        else { return nil }
        return (String(Int(number) ?? 0), title)
    }

    /// One or two words, "thứ" maybe, a number of one to three digits, its punctuation, the title.
    private static let pattern = Pattern(
        #"^(\p{L}+(?:\s+\p{L}+)?)\s+(?:thứ\s+)?(\d{1,3})\s*[:.)]\s*(\S.*)$"#)
    private static let openerKeys = Set(PlanLayout.standard.taskOpeners.map(PlanLayout.key))
}
