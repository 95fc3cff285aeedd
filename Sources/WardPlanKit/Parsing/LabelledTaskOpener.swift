/// "Nhiệm vụ 3: Rà soát …", "Nhiệm vụ thứ 3. …", "Nhiệm vụ số 3: …", "Công việc 2) …", "Nhiệm vụ
/// thứ hai: …": a word of `plan-layout.yaml` (`taskOpeners`) at the start of a line, maybe "thứ" or
/// "số", then a number and ":", "." or ")" open a task whose field lines follow; the number may be
/// written as an ordinal word after "thứ" (`OrdinalWords`). The number is the task's ref. A sentence
/// that only mentions a task ("Nhiệm vụ 1 của Kế hoạch là …", "Các nhiệm vụ 3 năm tới: …") opens
/// nothing.
///
/// The label may also stand alone on its line ("Nhiệm vụ thứ nhất:", "Nhiệm vụ 1", "Nhiệm vụ số
/// 2."), the task's statement in the paragraph after it (`label(_:)`).
enum LabelledTaskOpener {
    /// The number and the statement after it, or nil when the line does not open this way.
    static func read(_ text: String) -> (ref: String, title: String)? {
        mayStart(text) ? readOpening(text) : nil
    }

    /// Whether `read` or `label` may find a task opening in `text`: its first character is a
    /// capital letter and its first word opens an opener's key.
    static func mayStart(_ text: String) -> Bool {
        // An ASCII byte before an ASCII byte (or the end) is a character of its own (no mark joins
        // it; CR LF opens with no letter): an upper-case letter only from "A" to "Z". The first
        // character, its letter and case properties are asked only of other openings.
        var utf8 = text.utf8.makeIterator()
        if let first = utf8.next(), first < 0x80, utf8.next().map({ $0 < 0x80 }) ?? true {
            return first &- UInt8(ascii: "A") < 26 && mayOpen(text)
        }
        return mayStartByCharacter(text)
    }

    /// `mayStart` by the first character: the reference for the ASCII opening, and the path for
    /// other openings.
    static func mayStartByCharacter(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter, first.isUppercase else { return false }
        return mayOpen(text)
    }

    /// `read` of a text that passed `mayStart`.
    static func readOpening(_ text: String) -> (ref: String, title: String)? {
        if let m = pattern.firstMatch(in: text), let word = m[1], let number = m[2], let title = m[3],
            openerKeys.contains(word.foldedKey)
        {
            return (String(Int(number) ?? 0), title)
        }
        if let m = ordinalPattern.firstMatch(in: text), let word = m[1], let words = m[2], let title = m[3],
            openerKeys.contains(word.foldedKey), let number = OrdinalWords.value(words)
        {
            return (String(number), title)
        }
        return nil
    }

    /// "Nhiệm vụ 2: …", "Nhiệm vụ số 2: …", "Chỉ tiêu 2: …" (a word of `taskOpeners` or
    /// `targetOpeners`) at a line's start: a new item, never the hard-wrapped rest of the line
    /// before it nor the rest of the task before it.
    static func opensItem(_ text: String) -> Bool {
        if read(text) != nil || label(text) != nil { return true }
        // The first word must open a target opener's key, as `mayOpen` reads it for task openers:
        // most paragraphs open otherwise, and ICU is not asked.
        guard let first = text.first, first.isLetter, first.isUppercase,
            mayOpen(text, firstWords: targetOpenerFirstWords),
            let m = pattern.firstMatch(in: text), let word = m[1]
        else { return false }
        return targetOpenerKeys.contains(word.foldedKey)
    }

    static let targetOpenerKeys = Set((PlanLayout.standard.targetOpeners ?? []).map(PlanLayout.key))
    /// The first word of each target opener's key (`openerFirstWords` for `targetOpenerKeys`).
    static let targetOpenerFirstWords = Set(
        targetOpenerKeys.compactMap { $0.split(separator: " ").first.map(String.init) })

    /// The number of a label that is the whole line ("Nhiệm vụ thứ nhất:", "Nhiệm vụ 1", "Nhiệm vụ
    /// số 2."), or nil. The words are the same as `read`'s; the punctuation is optional.
    static func label(_ text: String) -> String? {
        mayStart(text) ? labelOpening(text) : nil
    }

    /// `label` of a text that passed `mayStart`.
    static func labelOpening(_ text: String) -> String? {
        guard text.utf8.count <= 80 else { return nil }
        if let m = labelPattern.firstMatch(in: text), let word = m[1], let number = m[2],
            openerKeys.contains(word.foldedKey), let value = Int(number), value > 0
        {
            return String(value)
        }
        if let m = ordinalLabelPattern.firstMatch(in: text), let word = m[1], let words = m[2],
            openerKeys.contains(word.foldedKey), let number = OrdinalWords.value(words)
        {
            return String(number)
        }
        return nil
    }

    /// One or two words, "thứ" or "số" maybe, a number of one to three digits, its punctuation, the title.
    static let pattern = Pattern(
        #"^(\p{L}+(?:\s+\p{L}+)?)\s+(?:(?:thứ|số)\s+)?(\d{1,3})\s*[:.)]\s*(\S.*)$"#)
    /// The opener's words, "thứ", one to three lower-case words of an ordinal, its punctuation, the title.
    static let ordinalPattern = Pattern(
        #"^(\p{L}+(?:\s+\p{L}+)?)\s+thứ\s+(\p{Ll}+(?:\s+\p{Ll}+){0,2})\s*[:.)]\s*(\S.*)$"#)
    /// `pattern` without a title: the line ends after the number and its punctuation, if any.
    static let labelPattern = Pattern(#"^(\p{L}+(?:\s+\p{L}+)?)\s+(?:(?:thứ|số)\s+)?(\d{1,3})\s*[:.)]?$"#)
    /// `ordinalPattern` without a title.
    static let ordinalLabelPattern = Pattern(
        #"^(\p{L}+(?:\s+\p{L}+)?)\s+thứ\s+(\p{Ll}+(?:\s+\p{Ll}+){0,2})\s*[:.)]?$"#)
    static let openerKeys = Set(PlanLayout.standard.taskOpeners.map(PlanLayout.key))
    /// The first word of each opener's key: the line's first word must fold to one of them.
    private static let openerFirstWords = Set(openerKeys.compactMap { $0.split(separator: " ").first.map(String.init) })

    /// Whether the pattern may match, from the line's first word alone: its letters up to a space
    /// or an ASCII character are the pattern's first word, whose key must open an opener's key.
    /// After another character (ICU's case-insensitive `\p{L}` also takes a few marks) the
    /// pattern decides.
    static func mayOpen(_ text: String) -> Bool {
        mayOpen(text, firstWords: openerFirstWords)
    }

    /// `mayOpen` for openers whose keys' first words are `firstWords`.
    static func mayOpen(_ text: String, firstWords: Set<String>) -> Bool {
        let scalars = text.unicodeScalars
        let end = scalars.firstIndex { !isLetter($0) } ?? scalars.endIndex
        if end < scalars.endIndex, !scalars[end].isASCII, !scalars[end].properties.isWhitespace { return true }
        return firstWords.contains(FoldedKey.of(Substring(scalars[..<end])))
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x2100 ? letters[Int(s.value)] : isLetterByCategory(s)
    }

    /// `isLetterByCategory` of every scalar below U+2100 (all Vietnamese letters): the property
    /// look-up per letter of every line's first word was most of this test.
    static let letters: [Bool] = (0..<0x2100).map { (value: UInt32) in
        Unicode.Scalar(value).map(isLetterByCategory) ?? false
    }

    static func isLetterByCategory(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }
}
