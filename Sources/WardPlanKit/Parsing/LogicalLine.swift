/// A line of the document after page-break repair: one or more source lines that form one
/// paragraph, table row or heading.
struct LogicalLine: Sendable {
    /// The first source line, with what its format said of it (heading level, numbering, table).
    var first: DocumentLine
    var text: String
    var cells: [String]?
    var headingHint: Bool
    /// The source lines it was made from, first to last.
    var lines: [Int]

    var line: Int { lines[0] }
    var endLine: Int { lines[lines.count - 1] }
    var isTableRow: Bool { cells != nil }

    /// Takes a line that goes on with this table row: its first piece ends the row's last cell,
    /// the others are the row's next cells.
    mutating func continueRow(with pieces: [String], line number: Int) {
        var row = cells ?? []
        if let first = pieces.first, !first.isEmpty {
            if row.isEmpty {
                row = [first]
            } else {
                row[row.count - 1] = row[row.count - 1].isEmpty ? first : row[row.count - 1] + " " + first
            }
        }
        row += pieces.dropFirst()
        cells = row
        text = row.filter { !$0.isEmpty }.joined(separator: " ")
        lines.append(number)
    }
}

/// Joins lines that were cut in the middle of a sentence.
///
/// A paragraph in a Vietnamese administrative document starts with a capital letter, a number, a
/// list marker or a bullet. So a line that starts with a lower-case letter (and is not a lettered
/// item such as "a)") continues the line before it: a page break cut "… để đảm bảo phù" +
/// "hợp với quy định …". A text hard-wrapped by a mail program also cuts before capitals ("…
/// Phòng Văn hoá -" + "Xã hội."): a plain line after a long line that does not end a sentence
/// continues it too, and so does a "- " the wrap put first on a line before a lower-case word. Headings are short or followed by a numbered line, so they stay alone.
enum PageBreakJoiner {
    /// Shorter lines without final punctuation are taken for headings, never for wrapped text.
    static let wrappedLineMinimum = 60

    static func join(_ lines: [DocumentLine], joining: Bool = true) -> [LogicalLine] {
        var out: [LogicalLine] = []
        // At most one logical line a physical one: the array grew by copying as lines came.
        out.reserveCapacity(lines.count)
        // What the checks read of the last physical line, not a copy of the whole line (its cells,
        // table and marker retained and released at every line).
        var lastPhysical: PreviousLine?
        for line in lines {
            if line.isPageFurniture {
                // A page's header and number (`DocumentLine.isPageFurniture`) right under a line:
                // the line stands right above what follows them, so the sentence they cut joins up.
                if lastPhysical?.number == line.number - 1 { lastPhysical?.number = line.number }
                continue
            }
            guard !line.isBlank, !line.isRule else { continue }
            defer { lastPhysical = PreviousLine(line) }
            // The last logical line is read in place (`out.last` copied it at every line).
            let last = out.count - 1
            if line.continuesRow, last >= 0, out[last].isTableRow {
                out[last].continueRow(with: line.cells ?? [line.text], line: line.number)
                continue
            }
            if joining, line.cells == nil, !line.headingHint, !line.carriesStructure, last >= 0,
                !out[last].isTableRow,
                !out[last].first.carriesStructure || out[last].first.marker != nil,
                startsAsContinuation(line.text) || continuesWrappedLine(line, after: lastPhysical)
                    || closesOpenBracket(line, of: out[last].text, after: lastPhysical)
            {
                out[out.count - 1].text += " " + line.text
                out[out.count - 1].lines.append(line.number)
                continue
            }
            out.append(
                LogicalLine(
                    first: line, text: line.text, cells: line.cells, headingHint: line.headingHint, lines: [line.number]
                ))
        }
        return out
    }

    static func startsAsContinuation(_ text: String) -> Bool {
        guard opensLowercase(text) else { return false }
        return MarkerScan.firstMatch(LineShape.letteredItem, in: text, MarkerScan.letteredItem) == nil
    }

    /// Whether the first character is a small letter. An ASCII byte before an ASCII byte (or the
    /// end) is a character of its own (no mark joins it; CR LF opens with no letter), a small
    /// letter only from "a" to "z"; other openings ask the character (`opensLowercaseByCharacter`).
    static func opensLowercase(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        if let first = utf8.next(), first < 0x80, utf8.next().map({ $0 < 0x80 }) ?? true {
            return first &- UInt8(ascii: "a") < 26
        }
        return opensLowercaseByCharacter(text)
    }

    /// `opensLowercase` by the first character: the reference for the ASCII opening.
    static func opensLowercaseByCharacter(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return first.isLetter && first.isLowercase
    }

    /// "… năm 2027 (Chủ trì:" cut by the wrap: a colon inside an open parenthesis ends nothing.
    static func leavesParenthesisOpen(_ text: String) -> Bool {
        guard let open = text.lastIndex(ofASCII: "(") else { return false }
        switch ASCIIMark.find(UInt8(ascii: ")"), in: text[open...]) {
        case .absent: return true
        case .present: return false
        case .unsure: return !text[open...].contains(")")
        }
    }

    /// Whether `text` holds "(" (Foundation's search where the bytes do not decide, `ASCIIMark`).
    static func holdsOpenBracket(_ text: Substring) -> Bool {
        switch ASCIIMark.find(UInt8(ascii: "("), in: text) {
        case .absent: false
        case .present: true
        case .unsure: text.contains("(")
        }
    }

    /// `leavesParenthesisOpen` with Foundation's search alone: the reference for `ClosingParenthesis`.
    static func leavesParenthesisOpenBySearch(_ text: String) -> Bool {
        guard let open = text.lastIndex(ofASCII: "(") else { return false }
        return !text[open...].contains(")")
    }

    /// "(Chủ trì: …; Quý" + "II - Quý IV/2027)": a line right after the one before it that closes
    /// the bracket the paragraph left open goes on it, whatever it looks like (a Roman numeral, a
    /// time in capitals). A new labelled item ("Nhiệm vụ 4: …") never does.
    static func closesOpenBracket(_ line: DocumentLine, of paragraph: String, after previous: PreviousLine?) -> Bool {
        guard let previous, previous.number == line.number - 1, previous.isPlain,
            let close = line.text.firstIndex(ofASCII: ")"),
            !holdsOpenBracket(line.text[..<close]), leavesParenthesisOpen(paragraph),
            !LabelledTaskOpener.opensItem(line.text)
        else { return false }
        return true
    }

    /// "IV/2027", "II - Quý IV/2027.": the rest of a time the wrap cut after "Quý", however much it
    /// looks like a Roman heading or a line in capitals. A numeral with "." or ")" after it ("II.
    /// Quý II/2027", a section of a plan laid out by quarter) is a heading.
    static func isWrappedTimeTail(_ text: String) -> Bool {
        if let m = romanSlash.firstMatch(in: text), let numeral = m[1], RomanNumeral.value(numeral) != nil {
            return true
        }
        guard let m = romanRange.firstMatch(in: text), let numeral = m[1], let rest = m[2],
            RomanNumeral.value(numeral) != nil, !FrontMatterParser.isCapitals(rest)
        else { return false }
        return rest.foldedKey.hasWordPrefix("quy") || AssignmentParts.opensWithTimeWord(rest)
    }

    /// A Roman numeral right before "/" and a year: a quarter's numeral.
    static let romanSlash = Pattern(#"^([IVX]{1,4})\s*/\s*\d{2,4}"#, caseSensitive: true, opening: "IVX")
    /// A Roman numeral, then a dash, a comma or "và" and the rest of a range of quarters.
    static let romanRange = Pattern(
        #"^([IVX]{1,4})\s*(?:[-–,]|và\s)\s*(\S.*)$"#, caseSensitive: true, opening: "IVX")

    /// A plain line right after a long line (no blank line between) that stops mid-sentence.
    static func continuesWrappedLine(_ line: DocumentLine, after previous: PreviousLine?) -> Bool {
        guard let previous, previous.number == line.number - 1, previous.isPlain,
            OwnCharacters.hasCharacters(previous.text, atLeast: wrappedLineMinimum),
            !TextShape.endsSentence(previous.text) || leavesParenthesisOpen(previous.text),
            !FrontMatterParser.isCapitals(previous.text)
        else { return false }
        if isWrappedTimeTail(line.text) { return true }
        // "Chỉ tiêu 2: …" opens the next target, however the line before it ends.
        guard !FrontMatterParser.isCapitals(line.text), !LabelledTaskOpener.opensItem(line.text) else { return false }
        // "Căn cứ …", "Thực hiện Nghị quyết …" (capital first letter) open a paragraph of legal
        // bases, never the wrapped rest of a title.
        if line.text.first?.isUppercase == true, LegalBasisParser.isBasisParagraph(line.text) { return false }
        // "(Chủ trì: …; thời gian: …)" wrapped onto its own line closes the sentence above.
        if line.text.hasPrefix("(") { return true }
        switch LineShape.of(line.text) {
        case .prose:
            // "7.1.Tổ chức …" under a long heading "7. Cải thiện …": a point, its space left out.
            return TypedMarker.gluedNumberPath.firstMatch(in: line.text) == nil
        case .bullet(_, let text):
            // "- xã hội …": a hyphen the wrap put first on the line; a real item starts with a capital.
            return text.first?.isLowercase == true
        default:
            return false
        }
    }
}

/// What `PageBreakJoiner` reads of the physical line before the one it looks at: its number
/// (moved past a page's furniture right under it), whether it is plain text (no cells, no
/// heading hint, no table) and its text.
struct PreviousLine {
    var number: Int
    let isPlain: Bool
    let text: String

    init(_ line: DocumentLine) {
        number = line.number
        isPlain = line.cells == nil && !line.headingHint && line.table == nil
        text = line.text
    }
}

/// Whether a text holds a bracket ("(" or ")"), on its bytes where they decide (Foundation's
/// `contains`, a search with canonical equivalence through a UTF-16 copy, was ≈ 24,000
/// instructions a call): no such byte is no such character (no other character is canonically
/// one); the byte between ASCII bytes (or the text's ends) is that character of its own. One
/// beside a byte outside ASCII (a mark may join it) is left to the search.
enum ASCIIMark {
    enum Answer { case absent, present, unsure }

    static func find(_ mark: UInt8, in text: Substring) -> Answer {
        var slice = text
        return slice.withUTF8 { bytes -> Answer in
            var unsure = false
            for k in bytes.indices where bytes[k] == mark {
                let asciiBefore = k == 0 || bytes[k - 1] < 0x80
                let asciiAfter = k + 1 == bytes.count || bytes[k + 1] < 0x80
                if asciiBefore && asciiAfter { return .present }
                unsure = true
            }
            return unsure ? .unsure : .absent
        }
    }
}

extension DocumentLine {
    /// The format said what the line is (a heading, a numbered paragraph, a rebuilt table): it
    /// starts a block of its own and is never taken for the wrapped rest of the line before.
    var carriesStructure: Bool { headingLevel != nil || marker != nil || table != nil }
}
