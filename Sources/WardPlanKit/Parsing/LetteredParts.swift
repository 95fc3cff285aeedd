/// Top-level parts numbered with capital letters: "A. MỤC ĐÍCH, YÊU CẦU", "B. CHỈ TIÊU NĂM 2026",
/// "C. NHIỆM VỤ CỤ THỂ" (with Roman-numbered areas under it), "D. KINH PHÍ". A part is known by
/// its heading words, as a Roman section is, not by its numbering; a capital letter alone also
/// numbers the areas inside a tasks section ("A. CHỈ ĐẠO, ĐIỀU HÀNH" under "II. NHIỆM VỤ"), so:
///
/// - the first lettered heading opens lettered parts only when it names a part (`SectionKind`:
///   purpose, targets, tasks, funding, reporting, organisation) and no Roman section, part or
///   numbered line came before it;
/// - after that, a lettered heading is a part when it names a part or takes the next letter after
///   the last part's ("E. ĐIỀU KHOẢN THI HÀNH" after "D. KINH PHÍ").
///
/// A lettered line that is a sentence, or long, is never a part.
///
/// Arabic numbers number parts the same way ("1. MỤC ĐÍCH, YÊU CẦU" … "3. NHIỆM VỤ" over "I. CẢI
/// CÁCH THỂ CHẾ"); as they also number tasks and points everywhere, a numbered line is a part only
/// when it is in capitals, names a part, stands before any Roman section, and Roman sections
/// follow in the document (areas under it, which would otherwise close it). Without Roman
/// sections below, numbered parts already read as headings of their kind.
enum LetteredParts {
    /// The indices of `units` that open a lettered or Arabic-numbered part.
    static func indices(in units: [OutlineUnit]) -> Set<Int> {
        letteredParts(units).union(numberedParts(units))
    }

    /// "1. MỤC ĐÍCH, YÊU CẦU", "3. NHIỆM VỤ CỤ THỂ" above Roman areas.
    static func numberedParts(_ units: [OutlineUnit]) -> Set<Int> {
        let isRoman = { (unit: OutlineUnit) in unit.marker?.style == .roman || unit.marker?.style == .part }
        guard let firstRoman = units.firstIndex(where: isRoman) else { return [] }
        var parts = Set<Int>()
        for (i, unit) in units.enumerated() {
            guard let marker = unit.marker, marker.style == .number, Int(marker.value) != nil,
                FrontMatterParser.isCapitals(unit.body), !TextShape.endsSentence(unit.body),
                SectionKind.of(heading: unit.body) != .other
            else { continue }
            // Parts stand above the Roman areas: the first part comes before the first of them.
            if parts.isEmpty, i > firstRoman { return [] }
            parts.insert(i)
        }
        return parts
    }

    /// "A. MỤC ĐÍCH, YÊU CẦU" … "E. TỔ CHỨC THỰC HIỆN".
    static func letteredParts(_ units: [OutlineUnit]) -> Set<Int> {
        var parts = Set<Int>()
        var lastLetter: Character?
        var bodyBegun = false
        for (i, unit) in units.enumerated() {
            guard let marker = unit.marker else { continue }
            switch marker.style {
            case .roman, .part, .number, .numberPath:
                bodyBegun = true
            case .upperLetter:
                guard let letter = marker.value.first, marker.value.count == 1, isHeading(unit.body) else { continue }
                let namesPart = SectionKind.of(heading: unit.body) != .other
                let opens: Bool
                if let last = lastLetter {
                    opens = namesPart || letter == next(after: last)
                } else {
                    opens = namesPart && !bodyBegun
                }
                if opens {
                    parts.insert(i)
                    lastLetter = letter
                }
            default:
                continue
            }
        }
        return parts
    }

    /// A heading's form: in capitals, or short and not a sentence.
    static func isHeading(_ text: String) -> Bool { PlanRecognizer.isLetteredHeading(text) }

    private static func next(after letter: Character) -> Character? {
        guard let value = letter.asciiValue, letter.isUppercase, letter < "Z" else { return nil }
        return Character(Unicode.Scalar(value + 1))
    }
}
