import Foundation

extension PlanClassifier {
    /// Classifies an item made of `pieces` of text found on `lines` (`readOutcome`), from the answer
    /// kept for the run when an item of the same texts was read before.
    ///
    /// The plans of a city are written from a few templates, so the same item (its statement, its
    /// products) comes back in plan after plan, only on other line numbers, and in a table row
    /// with other offices in the cells after it; finding its themes' evidence in its lines again
    /// (`SourceAligner`) and deciding its area was most of classifying once the matcher's finds were
    /// kept (class36). An outcome reads nothing of the lines but the bytes the aligner read
    /// (`SourceAligner.Reach`) and their numbers, which it copies into its evidence (the line a
    /// phrase stands on, or the first line when it is found in none), and nothing of the heading
    /// but its area and its evidence, which opens the area's evidence as it is. So an outcome is
    /// kept (`KeptOutcome`) by the item's pieces, section and heading's area, with the bytes it
    /// read, read on the lines numbered by their place among the item's lines and under the
    /// heading's area without its evidence; it is given to an item whose lines have those bytes,
    /// with the item's own numbers and heading evidence put in. The answer is the same whichever
    /// plan or thread asked first.
    func classify(pieces: [String], lines: ArraySlice<DocumentLine>, section: SectionKind, heading: HeadingArea?)
        -> Outcome
    {
        var length = 0
        for piece in pieces { length += piece.utf8.count }
        for line in lines { length += line.text.utf8.count }
        guard let store = answers.outcomes, length <= Self.longestKeptItem else {
            return readOutcome(pieces: pieces, lines: lines, section: section, heading: heading)
        }
        let key = ItemKey(pieces: pieces, section: section, headingArea: heading?.area)
        let known = store.kept(key) ?? []
        for kept in known where kept.holds(lines) { return kept.placed(in: lines, heading: heading) }
        var aligned = SourceAligner(lines: [])
        let outcome = readOutcome(
            pieces: pieces, lines: KeptOutcome.linesByPlace(lines), section: section,
            heading: heading.map { HeadingArea(area: $0.area, explicit: $0.explicit, evidence: []) },
            aligned: &aligned)
        let made = KeptOutcome(outcome, reach: aligned.reach, anchors: aligned.anchors, lines: lines)
        if known.count < Self.outcomesPerItem { store.keep(known + [made], for: key) }
        return made.placed(in: lines, heading: heading)
    }

    /// Items whose texts (pieces and lines) add up to more bytes are read every time: hashing and
    /// keeping them would cost more memory than such rare items are worth.
    static let longestKeptItem = 2 * TextAnswers<HashedText, Bool>.longest
    /// Outcomes kept for one item's pieces (on lines that differ where the outcome read them): a
    /// table row's task comes back with other offices in the row's later cells, which the outcome
    /// does not read, but a statement may also stand on lines that differ where it is found.
    static let outcomesPerItem = 8

    /// What an item's outcome is a function of, beside what it read of its lines (`KeptOutcome`):
    /// the bytes of its pieces, in order, its section and its heading's area.
    struct ItemKey: Hashable {
        /// The item's pieces as given (the array is shared, not copied).
        let pieces: [String]
        /// `SectionKind.bit` of the section: a raw-value enum hashes and compares its raw string.
        let section: UInt16
        let headingArea: Int?
        /// The pieces' bytes and number, the section and the heading's area mixed, eight bytes a
        /// step (`HashedText.bits`): what the key hashes by.
        let bits: UInt64

        init(pieces: [String], section: SectionKind, headingArea: Int?) {
            self.pieces = pieces
            self.section = section.bit
            self.headingArea = headingArea
            var bits =
                UInt64(pieces.count) << 48 ^ UInt64(section.bit) << 32
                ^ UInt64(UInt32(truncatingIfNeeded: headingArea ?? -1))
            for piece in pieces {
                var piece = piece
                bits = (bits ^ piece.withUTF8 { HashedText.bits(of: $0) }) &* 0xFF51_AFD7_ED55_8CCD
                bits ^= bits >> 29
            }
            self.bits = bits
        }

        static func == (a: ItemKey, b: ItemKey) -> Bool {
            guard a.bits == b.bits, a.section == b.section, a.headingArea == b.headingArea,
                a.pieces.count == b.pieces.count
            else { return false }
            for i in a.pieces.indices where ExactText(a.pieces[i]) != ExactText(b.pieces[i]) { return false }
            return true
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(bits)
        }
    }

    /// An item's outcome read on its lines numbered by their place among them (0 for the first)
    /// and under its heading's area without the heading's evidence: every evidence's `line` is a
    /// place, not a line number, and `areaEvidence` lacks the heading's.
    ///
    /// It holds for other lines that have the bytes it read (`SourceAligner.Reach`): the pieces are
    /// looked for from the first line's first byte on, so the outcome depends on a first stretch of
    /// the lines' bytes, up to the end of the last piece found, when each piece was found whole;
    /// on all the lines otherwise. Of that first stretch, it depends on each piece's line up to the
    /// piece's end, and on the lines before it, from where the look for it began, only in that
    /// none holds the whole piece (`SourceAligner.Anchor`): a task whose product stands some lines
    /// under its statement, with the ward's offices on the lines between, is one outcome for every
    /// ward (each office line kept whole, a key's eight outcomes were soon taken and such a task
    /// read again in every later plan: 12,417 of 52,919 items read at 3,321 plans, class39).
    /// (A class: the look-up walks an item's kept outcomes, and a struct was copied, a retain of
    /// each of its fields, at each step.)
    final class KeptOutcome: Sendable {
        let outcome: Outcome
        let reach: SourceAligner.Reach
        /// The texts it read: for `everything`, all the lines; for a prefix, each anchor's line cut
        /// at the anchor's end (the end of a piece found whole, so a scalar's boundary); none for
        /// `nothing`.
        let read: [String]
        /// For a prefix, the pieces found whole and where (`SourceAligner.Anchor`), as `read`.
        let anchors: [SourceAligner.Anchor]

        init(
            _ outcome: Outcome, reach: SourceAligner.Reach, anchors: [SourceAligner.Anchor],
            lines: ArraySlice<DocumentLine>
        ) {
            self.outcome = outcome
            self.reach = reach
            switch reach {
            case .nothing:
                read = []
                self.anchors = []
            case .everything:
                read = lines.map(\.text)
                self.anchors = []
            case .prefix:
                read = anchors.map { anchor in
                    String(decoding: lines[lines.startIndex + anchor.line].text.utf8.prefix(anchor.end), as: UTF8.self)
                }
                self.anchors = anchors
            }
        }

        /// Whether `lines` have the bytes this outcome read, so that reading them gives it.
        func holds(_ lines: ArraySlice<DocumentLine>) -> Bool {
            switch reach {
            case .nothing:
                return true
            case .everything:
                guard lines.count == read.count else { return false }
                for (i, text) in read.enumerated() {
                    guard Self.same(text, lines[lines.startIndex + i].text, whole: true) else { return false }
                }
                return true
            case .prefix(let line, _):
                guard lines.count > line else { return false }
                let first = lines.startIndex
                for (anchor, text) in zip(anchors, read) {
                    guard Self.same(text, lines[first + anchor.line].text, whole: false) else { return false }
                    guard anchor.fromLine < anchor.line else { continue }
                    if Self.holdsWhole(anchor.piece, in: lines[first + anchor.fromLine].text, from: anchor.fromOffset) {
                        return false
                    }
                    for between in (anchor.fromLine + 1)..<anchor.line
                    where Self.holdsWhole(anchor.piece, in: lines[first + between].text, from: 0) {
                        return false
                    }
                }
                return true
            }
        }

        /// Whether `line`'s bytes from byte `from` on hold all of `piece`'s: each place of the
        /// piece's first byte found by the C library's `memchr`, the rest compared by `memcmp`.
        private static func holdsWhole(_ piece: String, in line: String, from: Int) -> Bool {
            var piece = piece
            var line = line
            return line.withUTF8 { l in
                piece.withUTF8 { p in
                    guard !p.isEmpty, from < l.count, l.count - from >= p.count, let base = l.baseAddress else {
                        return false
                    }
                    let last = l.count - p.count
                    var at = from
                    while at <= last, let found = memchr(base + at, Int32(p[0]), last - at + 1) {
                        at = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                        if memcmp(base + at, p.baseAddress!, p.count) == 0 { return true }
                        at += 1
                    }
                    return false
                }
            }
        }

        /// Whether `line`'s bytes are `read`'s (`whole`) or begin with them.
        private static func same(_ read: String, _ line: String, whole: Bool) -> Bool {
            let count = read.utf8.count
            guard whole ? line.utf8.count == count : line.utf8.count >= count else { return false }
            var a = read
            var b = line
            return a.withUTF8 { x in
                b.withUTF8 { y in count == 0 || memcmp(x.baseAddress!, y.baseAddress!, count) == 0 }
            }
        }

        /// The lines' texts numbered by their place: what the outcome kept is read on.
        static func linesByPlace(_ lines: ArraySlice<DocumentLine>) -> ArraySlice<DocumentLine> {
            var numbered: [DocumentLine] = []
            numbered.reserveCapacity(lines.count)
            for (place, line) in lines.enumerated() { numbered.append(DocumentLine(number: place, text: line.text)) }
            return numbered[...]
        }

        /// The outcome for an item on `lines` under `heading`: each evidence's line the number of
        /// the line at its place (0 when the item has no line, as `readOutcome`'s fallback gives),
        /// the heading's evidence first in the area's.
        func placed(in lines: ArraySlice<DocumentLine>, heading: HeadingArea?) -> Outcome {
            // Made straight, each list once: a copy of the kept outcome changed field by field
            // retained every field, and the area's evidence was made, then copied after the heading's.
            Outcome(
                area: outcome.area, basis: outcome.basis,
                areaEvidence: Self.numbered(outcome.areaEvidence, in: lines, after: heading?.evidence ?? []),
                secondaryAreas: outcome.secondaryAreas, themes: Self.numbered(outcome.themes, in: lines),
                productThemes: outcome.productThemes.isEmpty ? [] : Self.numbered(outcome.productThemes, in: lines),
                conflict: outcome.conflict)
        }

        /// `evidence` with each line the number of the line at its place in `lines` (as it is when
        /// there are no lines), after `opening`.
        private static func numbered(
            _ evidence: [Evidence], in lines: ArraySlice<DocumentLine>, after opening: [Evidence] = []
        ) -> [Evidence] {
            if lines.isEmpty { return opening.isEmpty ? evidence : opening + evidence }
            if evidence.isEmpty { return opening }
            func placed(_ item: Evidence) -> Evidence {
                Evidence(
                    phrase: item.phrase, matched: item.matched, line: lines[lines.startIndex + item.line].number,
                    column: item.column, basis: item.basis)
            }
            // `map` when nothing comes first: it fills the new list without a check of room for each.
            guard !opening.isEmpty else { return evidence.map(placed) }
            var out: [Evidence] = []
            out.reserveCapacity(opening.count + evidence.count)
            out.append(contentsOf: opening)
            for item in evidence { out.append(placed(item)) }
            return out
        }

        /// `themes` with their evidence numbered (`numbered(_:in:after:)`).
        private static func numbered(_ themes: [ThemeMatch], in lines: ArraySlice<DocumentLine>) -> [ThemeMatch] {
            themes.map { ThemeMatch(id: $0.id, area: $0.area, evidence: numbered($0.evidence, in: lines)) }
        }
    }
}
