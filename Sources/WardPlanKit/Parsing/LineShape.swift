/// The outline role a line's form suggests, before context decides what it is.
enum LineShape: Equatable {
    /// "Phần A. MỤC ĐÍCH, YÊU CẦU", "Phần thứ hai": a part of the document, above its Roman
    /// sections (`TypedMarker.readPart`).
    case part(ref: String, title: String)
    /// "IV. KINH PHÍ": a top-level section.
    case roman(ref: String, title: String)
    /// "Phụ lục II": an appendix.
    case appendix(ref: String, title: String)
    /// "3.", "3.12.", "2.1", "II.1.2.": a numbered heading, task or item; `ref` as written without
    /// its closing punctuation, `depth` the count of its numbers after a Roman head.
    case numbered(ref: String, depth: Int, title: String)
    /// "Nhiệm vụ thứ nhất:", "Nhiệm vụ 1", "Nhiệm vụ số 2." alone on a line: a task's label, its
    /// statement in the paragraph after it (`LabelledTaskOpener.label`).
    case taskLabel(ref: String)
    /// "a)", "đ)": a lettered item.
    case lettered(ref: String, title: String)
    /// "- …", "+ …", "• …".
    case bullet(marker: Character, text: String)
    /// "- Cơ quan chủ trì: …": a field of a task.
    case field(TaskField, value: String)
    case prose(String)

    /// The shape of `text`, read once for all plans (`TextAnswers`): most lines of a plan are
    /// lines of other plans too.
    static func of(_ text: String) -> LineShape {
        shapes.answer(text) { read(text) }
    }

    private static let shapes = TextAnswers<HashedText, LineShape>()

    /// The shape of `text`, read: `of` without the kept answers.
    static func read(_ text: String) -> LineShape {
        if let part = TypedMarker.readPart(text) { return .part(ref: part.marker.value, title: part.text) }
        // `read` and `label` test the same opening: once for both.
        if LabelledTaskOpener.mayStart(text) {
            if let opener = LabelledTaskOpener.readOpening(text) {
                return .numbered(ref: opener.ref, depth: 1, title: opener.title)
            }
            if let ref = LabelledTaskOpener.labelOpening(text) { return .taskLabel(ref: ref) }
        }
        // "(Chủ trì: Đoàn Thanh niên xã; thời gian: Quý III/2026)" on a line of its own: the fields
        // of the task above, in parentheses.
        // A text that opens with "(" opens with its byte (nothing else equals it): most lines do
        // not, and `hasPrefix`, which compares characters, is not asked.
        if text.utf8.first == UInt8(ascii: "("), text.hasPrefix("("), let inner = parenthesisedFields(text),
            case .field(let kind, let value) = of(inner)
        {
            return .field(kind, value: value)
        }
        // "→ VP chủ trì, CA phối hợp; Quý II/2026; SP: Báo cáo": the task's assignment after an arrow,
        // labelled ("→ Chủ trì: …"), naming its lead by a verb, or its parts parted by ";" ("→ Các
        // cơ quan, đơn vị; thường xuyên"): the first is the lead.
        if let rest = afterArrow(text) {
            if case .field(let kind, let value) = of(rest) { return .field(kind, value: value) }
            if BracketAssignment.namesLeadByVerb(rest.prefix { $0 != ";" }) || rest.contains("; ") {
                return .field(.lead, value: rest)
            }
        }
        if let m = MarkerScan.firstMatch(field, in: text, MarkerScan.field), let label = m[1],
            let kind = TaskField(label: label)
        {
            return .field(kind, value: (m[2] ?? "").trimmingCharacters(in: fieldValueTrimSet))
        }
        if let m = appendix.firstMatch(in: text) {
            return .appendix(
                ref: m[1]!.uppercased(), title: (m[2] ?? "").trimmingCharacters(in: OfficeDirectory.trimSet))
        }
        if let m = roman.firstMatch(in: text), let ref = m[1], RomanNumeral.value(ref) != nil {
            return .roman(ref: ref.uppercased(), title: m[2]!)
        }
        if let m = MarkerScan.firstMatch(numbered, in: text, MarkerScan.numbered) {
            let parts = m[1]!.split(separator: ".").compactMap { Int($0) }
            let hasTerminator = m[2] != nil && !m[2]!.isEmpty
            if !parts.isEmpty, parts.count > 1 || hasTerminator {
                return .numbered(ref: m[1]!, depth: parts.count, title: m[3]!)
            }
        }
        if let m = MarkerScan.firstMatch(letteredItem, in: text, MarkerScan.letteredItem) {
            return .lettered(ref: m[1]!.lowercased(), title: m[2]!)
        }
        if let m = MarkerScan.firstMatch(bullet, in: text, MarkerScan.bullet) {
            return .bullet(marker: m[1]!.first!, text: m[2]!)
        }
        return .prose(text)
    }

    /// What follows an arrow that opens `text` (`assignmentArrows`), or nil.
    private static func afterArrow(_ text: String) -> String? {
        guard let first = text.unicodeScalars.first, arrowOpenings.contains(first) else { return nil }
        guard let arrow = arrows.first(where: { text.hasPrefix($0) }) else { return nil }
        let rest = text.dropFirst(arrow.count).trimmingBlanks
        return rest.isEmpty ? nil : rest
    }

    /// Longest first: "=>" before a one-scalar arrow it does not contain.
    private static let arrows = (PlanLayout.standard.assignmentArrows ?? []).sorted { $0.count > $1.count }
    private static let arrowOpenings = Set(arrows.compactMap(\.unicodeScalars.first))

    /// The text inside a line's enclosing parentheses, when it opens with a field label and a colon.
    private static func parenthesisedFields(_ text: String) -> String? {
        var body = Substring(text)
        while body.endsWithMark(".") || body.endsWithMark(";") { body.removeLast() }
        guard body.endsWithMark(")"), body.dropFirst().firstIndex(of: "(") == nil else { return nil }
        let inner = String(body.dropFirst().dropLast())
        return AssignmentParts.labelled(AssignmentParts.parts(of: inner).first ?? "") != nil ? inner : nil
    }

    /// Opens a top-level part of the document: the header ends before the first, the closing
    /// (signature, "Nơi nhận") is read after the last.
    var opensSection: Bool {
        switch self {
        case .part, .roman: true
        default: false
        }
    }

    /// What a field's value is trimmed of: `OfficeDirectory.trimSet` less ".", made once.
    private static let fieldValueTrimSet = OfficeDirectory.trimSet.subtracting(["."])

    static let roman = Pattern(
        romanSource, caseSensitive: true, opening: "IVXLPp", opensWith: TypedMarker.romanOpenings)
    static let romanSource = #"^(?i:phần\s+(?:thứ\s+)?)?([IVXL]{1,6})\s*[.):\-–]\s*(\S.*)$"#
    static let appendix = Pattern(appendixSource, opening: "p", opensWith: ["phụ", "PHỤ"])
    static let appendixSource = #"^phụ\s+lục\s+(?:số\s+)?([IVXL]{1,6}|\d{1,2})\b\.?\s*[:.\-–]?\s*(.*)$"#
    static let numbered = Pattern(#"^(\d{1,2}(?:\.\d{1,2}){0,3})(\.|\))?\s+(\S.*)$"#, opening: "0123456789")
    static let letteredItem = Pattern(
        #"^([a-zđ])\)\s*(\S.*)$"#, caseSensitive: true, opening: "abcdefghijklmnopqrstuvwxyz")
    static let bullet = Pattern(#"^([-+•▪●◦–—·])\s*(\S.*)$"#, opening: "-+")
    static let field = Pattern(#"^(?:[-+•–]\s*)?([^:]{2,60}?)\s*:\s*(.*)$"#, needs: ":")
}

/// The labelled lines of a task block.
enum TaskField: String, Equatable, Sendable, Decodable {
    case lead, coordinators, products, timeline, supervisor, funding
    /// "Thời gian bắt đầu: …" beside "Thời gian hoàn thành: …": when the time starts; alone, the time.
    case start
    /// "a) Nhiệm vụ: …": the task's statement under its title, in tasks whose fields are lettered.
    case statement

    init?(label: String) {
        self.init(labelKey: label.foldedKey)
    }

    /// As `init(label:)`, for a label already folded (`FoldedKey`): a caller that has the key
    /// does not fold the text again.
    init?(labelKey key: String) {
        guard let index = TaskField.labelIndex(ofKey: key) else { return nil }
        self = TaskField.labels[index].field
    }

    /// The index in `labels` of the first label `key` opens with, or nil. Compared as bytes when
    /// the key and every label are plain (`isPlain`): a folded key is ASCII for Vietnamese text, and
    /// `hasWordPrefix` compared characters and counted both texts' characters again for every label
    /// of every field line.
    static func labelIndex(ofKey key: String) -> Int? {
        if labelsArePlain, let answer = key.utf8.withContiguousStorageIfAvailable(labelIndex(ofPlainKey:)),
            case .index(let index) = answer
        {
            return index
        }
        return labelIndexByCharacters(key)
    }

    /// `labelIndex(ofKey:)` by characters: the reference for the byte path, and the path for a key
    /// that is not plain.
    static func labelIndexByCharacters(_ key: String) -> Int? {
        // A one-word label ("Giao:") is the whole label: "Giao Văn phòng … thực hiện:" opens a sentence.
        TaskField.labels.indices.first(where: {
            let label = TaskField.labels[$0]
            return key.hasWordPrefix(label.key) && (TaskField.labelsHaveSpace[$0] && !label.whole || key == label.key)
        })
    }

    enum ByteAnswer: Equatable {
        case index(Int?)
        /// The key holds a byte outside ASCII or a CR: characters decide.
        case notPlain
    }

    /// `labelIndexByCharacters` on the bytes of a plain key, with plain labels: each ASCII byte but
    /// CR is a character of its own (CR LF is one), so a prefix, a count, the character after a
    /// prefix and equality are those of the bytes.
    static func labelIndex(ofPlainKey key: UnsafeBufferPointer<UInt8>) -> ByteAnswer {
        guard isPlain(key) else { return .notPlain }
        for (i, label) in labelBytes.enumerated() where key.count >= label.count {
            var k = 0
            while k < label.count, key[k] == label[k] { k += 1 }
            guard k == label.count else { continue }
            let same = key.count == label.count
            guard same || key[label.count] == 0x20 else { continue }
            if TaskField.labelsHaveSpace[i] && !labels[i].whole || same { return .index(i) }
        }
        return .index(nil)
    }

    /// ASCII without CR.
    static func isPlain<C: Collection<UInt8>>(_ bytes: C) -> Bool { bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D } }

    /// The labels' keys as UTF-8, and whether all of them are plain (`plan-layout.yaml` may say
    /// otherwise: then every key is compared by characters).
    static let labelBytes: [[UInt8]] = labels.map { Array($0.key.utf8) }
    static let labelsArePlain = labels.allSatisfy { isPlain($0.key.utf8) }

    /// Label prefixes, most specific first (`plan-layout.yaml`).
    static let labels = PlanLayout.standard.fieldKeys

    /// Whether each of `labels` holds a space, asked once: `contains(" ")` is Foundation's search,
    /// and it ran on every field line.
    static let labelsHaveSpace = labels.map { $0.key.contains(" ") }

    /// The statement labels ("Nhiệm vụ") as folded keys (`plan-layout.yaml`).
    static let statementKeys = Set(PlanLayout.standard.statementLabels.map(PlanLayout.key))

    /// The statement of a lettered field item ("a) Nhiệm vụ: Ban hành …"), or nil.
    static func statement(in text: String) -> String? {
        guard let colon = text.firstIndex(ofASCII: ":") else { return nil }
        let key = String(text[..<colon]).foldedKey
        guard statementKeys.contains(key) else { return nil }
        let value = text[text.index(after: colon)...].trimmingBlanks
        return value.isEmpty ? nil : value
    }
}

enum RomanNumeral {
    /// The value of a Roman numeral ("IV", "xii"), nil for any other text.
    static func value(_ text: String) -> Int? {
        // Every table cell, marker and heading word asks: most are words. A numeral's upper case is
        // made of "I", "V", "X" and "L" alone (`valueByCharacters` writes the value back and
        // compares), and the upper case of an ASCII byte other than those letters in either case
        // is not one of them, so such a byte answers nil without the upper-cased copy.
        for byte in text.utf8 where byte < 0x80 {
            switch byte {
            case UInt8(ascii: "I"), UInt8(ascii: "V"), UInt8(ascii: "X"), UInt8(ascii: "L"),
                UInt8(ascii: "i"), UInt8(ascii: "v"), UInt8(ascii: "x"), UInt8(ascii: "l"):
                continue
            default:
                return nil
            }
        }
        return valueByCharacters(text)
    }

    /// `value` by characters, as it was: the reference for its byte test.
    static func valueByCharacters(_ text: String) -> Int? {
        let digits: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50]
        let values = text.uppercased().compactMap { digits[$0] }
        guard values.count == text.count, !values.isEmpty else { return nil }
        var total = 0
        for (i, v) in values.enumerated() {
            total += i + 1 < values.count && v < values[i + 1] ? -v : v
        }
        // Reject forms like "IIII" or "VV" by writing the value back.
        return total > 0 && write(total) == text.uppercased() ? total : nil
    }

    static func write(_ value: Int) -> String {
        let table: [(Int, String)] = [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = value
        var out = ""
        for (v, s) in table {
            while n >= v {
                out += s
                n -= v
            }
        }
        return out
    }
}
