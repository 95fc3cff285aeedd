/// The short names a plan explains once and then writes in its tasks: "Ghi chú viết tắt: VP: Văn
/// phòng HĐND và UBND phường; CA: Công an phường; …", or the label alone ("Chữ viết tắt:") with
/// one "VP: Văn phòng …" or "VP - Văn phòng …" per line after it. The labels are data
/// (`abbreviationLabels` in plan-layout.yaml).
///
/// A lead or partner written short is read in full (`expanding`) before the office list resolves
/// it; the task keeps the text as written. A short name matches only as written, in capitals and as
/// a whole word: "CA" (Công an) is no "cả" or "cá", which fold to the same key.
struct AbbreviationLegend: Equatable {
    struct Entry: Equatable {
        var short: String
        var long: String
    }

    /// Longest short name first, so "TTPVHCC" is read before a shorter name inside it could be.
    private(set) var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }

    /// The legend of a document whose paragraphs (or lines) are `texts`, in order.
    static func read(_ texts: [String]) -> AbbreviationLegend {
        var found: [Entry] = []
        var i = 0
        while i < texts.count {
            switch paragraph(texts[i]) {
            case .other:
                i += 1
            case .note(let entries), .labelled(let entries):
                found += entries
                i += 1
            case .labelAlone:
                // The label alone: one entry per line after it, while lines read as entries.
                var j = i + 1
                while j < texts.count, j - i <= 40, let entry = entry(unwrapped(texts[j])) {
                    found.append(entry)
                    j += 1
                }
                i = j
            }
        }
        var legend = AbbreviationLegend()
        var seen = Set<String>()
        for entry in found where seen.insert(entry.short).inserted { legend.entries.append(entry) }
        legend.entries.sort { $0.short.count > $1.short.count }
        return legend
    }

    /// What one paragraph gives a legend, read from its text alone.
    enum Paragraph: Equatable {
        /// No label of a legend, or a note that explains fewer than two short names.
        case other
        /// A legend's label and nothing after it: the entries are the lines after it.
        case labelAlone
        /// A legend's label and its entries after the colon ("Ghi chú viết tắt: VP: …; CA: …").
        case labelled([Entry])
        /// "Ghi chú: CT: chủ trì; PH: phối hợp. VP: Văn phòng …; CA: Công an phường": a note under a
        /// table that explains two short names or more, its sentences as parts too.
        case note([Entry])
    }

    /// What `text` gives a legend. Most paragraphs have no colon near their start and give nothing;
    /// the others (a task's field lines, mostly) are read once for all plans (`TextAnswers`).
    static func paragraph(_ text: String) -> Paragraph {
        guard hasColonNearStart(text) else { return .other }
        return paragraphs.answer(text) { readParagraph(text) }
    }

    private static let paragraphs = TextAnswers<HashedText, Paragraph>()

    /// `paragraph`, read from the text every time.
    static func readParagraph(_ text: String) -> Paragraph {
        // A paragraph's label is read once and held against both kinds of label.
        let opening = opening(text)
        guard let rest = opening.flatMap({ afterLabel($0, keys: labelKeys) }) else {
            if let rest = opening.flatMap({ afterLabel($0, keys: noteLabelKeys) }) {
                let entries = rest.split(separator: ";").flatMap { $0.components(separatedBy: ". ") }
                    .compactMap { entry($0) }.filter { !RoleMatrixColumns.isMarkMeaning($0.long) }
                if entries.count >= 2 { return .note(entries) }
            }
            return .other
        }
        return rest.isEmpty ? .labelAlone : .labelled(rest.split(separator: ";").compactMap { entry(String($0)) })
    }

    /// `text` with every short name the legend explains written in full.
    func expanding(_ text: String) -> String {
        var out = text
        for entry in entries where out.contains(entry.short) {
            out = Self.replacingWords(entry.short, with: entry.long, in: out)
        }
        return out
    }

    // MARK: - Reading

    /// A paragraph that opens with a label of at most 40 characters and a colon: the label's
    /// folded key and what follows the colon.
    struct Opening {
        var key: String
        var rest: Substring
    }

    /// What follows the colon of a label that is one of `keys` or holds one, or nil.
    static func afterLabel(_ text: String, keys: [String]) -> String? {
        opening(text).flatMap { afterLabel($0, keys: keys) }
    }

    private static func afterLabel(_ opening: Opening, keys: [String]) -> String? {
        guard keys.contains(where: { opening.key.containsWords($0) }) else { return nil }
        return String(opening.rest).trimmingBlanks
    }

    static func opening(_ text: String) -> Opening? {
        // Most paragraphs have no colon near their start: they are passed over unchanged.
        guard hasColonNearStart(text) else { return nil }
        let body = unwrapped(text)
        // By bytes where every scalar is a character (`firstIndex(ofASCII:)`), and the label
        // counted no further than its limit: a `Character` walk each was most of this function.
        guard let colon = body.firstIndex(ofASCII: ":") else { return nil }
        let label = body[..<colon]
        guard labelFits(body, before: colon) else { return nil }
        return Opening(key: String(label).foldedKey, rest: body[body.index(after: colon)...])
    }

    /// Whether the label before `colon` has at most 40 characters (`body[..<colon].count <= 40`):
    /// at most 40 bytes have at most 40 characters, and in simple text (`SimpleText`) the characters
    /// are the scalars, counted by their lead bytes; other text walks its characters.
    static func labelFits(_ body: String, before colon: String.Index) -> Bool {
        let bytes = body.utf8[..<colon]
        if bytes.count <= 40 { return true }
        if SimpleText.isSimple(body) { return bytes.lazy.filter { $0 & 0xC0 != 0x80 }.count <= 40 }
        return body.startsWithin(40, charactersOf: colon)
    }

    /// `text.prefix(60).contains(":")` (Foundation's search, a `Character` walk and a UTF-16 copy
    /// a paragraph), on the bytes where the answer is sure: a text without a ':' byte holds no
    /// colon, and in simple text every scalar is a character of its own, so the first 60 scalars
    /// are the first 60 characters and a ':' scalar is a ':' character. Other text goes the old way.
    static func hasColonNearStart(_ text: String) -> Bool {
        // A text without a ':' byte holds no colon: most units have none, and their ':' is found
        // missing sixteen bytes a step (≈ 6 instructions) where the walk below decoded up to 61
        // scalars (≈ 1,100 instructions a unit, every unit of every plan).
        let hasColonByte = text.utf8.withContiguousStorageIfAvailable { utf8 in
            ByteRuns.firstSpecial(ColonByte.self, in: utf8, from: 0) < utf8.count
        }
        if hasColonByte == false { return false }
        // Every unit of every plan asks, and a long paragraph's bytes were all read for a ':' (and
        // again for `isSimple`): the opening alone answers where its scalars are characters of
        // their own (`SimpleText.isOwnCharacter`, a property of each scalar): a ':' among the
        // first 60 scalars with the scalar after it its own too is a ':' among the first 60
        // characters, and 61 scalars of their own without one (or fewer, the whole text) say no.
        // An opening with another scalar goes the way below.
        let opening = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool? in
            var scalars = 0
            var colonSeen = false
            let walked = SimpleText.walkOwnScalars(utf8) { value -> Bool? in
                // The scalar after a ':' is its own: the ':' is a character of its own.
                if colonSeen { return true }
                if scalars == 60 { return false }
                if value == 0x3A { colonSeen = true }
                scalars += 1
                return nil
            }
            return walked.ended ? colonSeen : walked.answer
        }
        return (opening ?? nil) ?? hasColonNearStartByScanning(text)
    }

    /// The ':' byte (`ByteRuns`).
    enum ColonByte: ByteSet {
        @inline(__always)
        static func byte(_ b: UInt8) -> Bool { b == UInt8(ascii: ":") }

        @inline(__always)
        static func block(_ v: ByteRuns.Block) -> ByteRuns.Mask { ByteRuns.equal(v, UInt8(ascii: ":")) }
    }

    /// `hasColonNearStart` reading every byte for a ':' first, as it was: the way for an opening
    /// with a scalar that may join its neighbours, and a reference for the tests.
    static func hasColonNearStartByScanning(_ text: String) -> Bool {
        let sure = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool? in
            guard utf8.contains(UInt8(ascii: ":")) else { return false }
            guard SimpleText.isSimple(utf8) else { return nil }
            var scalars = 0
            for byte in utf8 where byte & 0xC0 != 0x80 {
                if byte == UInt8(ascii: ":") { return true }
                scalars += 1
                if scalars == 60 { return false }
            }
            return false
        }
        return (sure ?? nil) ?? text.prefix(60).contains(":")
    }

    /// "VP: Văn phòng HĐND và UBND phường", "VP - Văn phòng …", "VP = …": a short name in capitals
    /// (two capitals or more, at most three words, no small letter) and what it stands for.
    static func entry(_ text: String) -> Entry? {
        let body = text.trimmingBlanks
        for separator in [":", " - ", " – ", " = "] {
            guard let range = body.range(of: separator) else { continue }
            let short = String(body[..<range.lowerBound]).trimmingBlanks
            var long = String(body[range.upperBound...]).trimmingBlanks
            while let last = long.last, ".;,".contains(last) { long.removeLast() }
            guard isShortName(short), !long.isEmpty, long.count <= 120 else { continue }
            return Entry(short: short, long: long)
        }
        return nil
    }

    /// At most three words (`ShortName`: "TT PVHCC").
    private static func isShortName(_ text: String) -> Bool {
        ShortName.isCapitals(text) && text.split(separator: " ").count <= 3
    }

    /// A paragraph without the emphasis, brackets and bullet a legend is often set in.
    static func unwrapped(_ text: String) -> String {
        var body = text.trimmingBlanks
        if SimpleText.isSimple(body) { return unwrappedSimple(body) }
        if let first = body.first, "-+•–".contains(first) { body.removeFirst() }
        body = body.trimmingBlanks
        while let first = body.first, "*_(".contains(first) { body.removeFirst() }
        while let last = body.last, "*_)".contains(last) { body.removeLast() }
        return body.trimmingBlanks
    }

    /// `unwrapped`'s steps on a trimmed simple text (`SimpleText`: each scalar a character), by
    /// scalar indices: no `Character` is made, no string but the result.
    private static func unwrappedSimple(_ body: String) -> String {
        let scalars = body.unicodeScalars
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        func dropFirst(while accepts: (Unicode.Scalar) -> Bool) {
            while lower < upper, accepts(scalars[lower]) { lower = scalars.index(after: lower) }
        }
        func dropLast(while accepts: (Unicode.Scalar) -> Bool) {
            while lower < upper, accepts(scalars[scalars.index(before: upper)]) { upper = scalars.index(before: upper) }
        }
        if lower < upper, case let first = scalars[lower], first == "-" || first == "+" || first == "•" || first == "–"
        {
            lower = scalars.index(after: lower)
        }
        dropFirst(while: Blanks.isBlank)
        dropFirst(while: { $0 == "*" || $0 == "_" || $0 == "(" })
        dropLast(while: { $0 == "*" || $0 == "_" || $0 == ")" })
        dropFirst(while: Blanks.isBlank)
        dropLast(while: Blanks.isBlank)
        return String(body[lower..<upper])
    }

    /// `text` with each whole-word `word` (no letter or digit either side) replaced.
    private static func replacingWords(_ word: String, with replacement: String, in text: String) -> String {
        var out = ""
        var rest = text[...]
        while let range = rest.range(of: word) {
            let before = range.lowerBound == rest.startIndex ? nil : rest[rest.index(before: range.lowerBound)]
            let after = range.upperBound == rest.endIndex ? nil : rest[range.upperBound]
            let whole = !(before.map(isWordCharacter) ?? false) && !(after.map(isWordCharacter) ?? false)
            out += rest[..<range.lowerBound]
            out += whole ? replacement : word
            rest = rest[range.upperBound...]
        }
        return out + rest
    }

    private static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    static let labelKeys = (PlanLayout.standard.abbreviationLabels ?? []).map(PlanLayout.key)
    static let noteLabelKeys = (PlanLayout.standard.abbreviationNoteLabels ?? []).map(PlanLayout.key)
}
