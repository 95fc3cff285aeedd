/// Reads targets (chỉ tiêu) out of an item of a targets section or a row of a targets table.
///
/// One sentence can hold several targets ("Chỉ số SIPAS đạt từ 89% trở lên; mức độ hài lòng …
/// y tế, giáo dục công lập đạt từ 87% trở lên"), so the item is split into clauses at ";" and at
/// ", trong đó". Each clause with a value is a target. A clause that names a metric but gives no
/// value shares the value of the next clause ("Mức độ hài lòng …; mức độ hài lòng về … y tế …
/// đạt tối thiểu 90%"). An item with no value at all is one qualitative target.
public struct TargetParser: Sendable {
    public var metrics: MetricCatalog {
        didSet {
            index = .of(metrics)
            resultWords = (metrics.resultWords ?? []).map(\.foldedKey)
            kept = .of(metrics)
        }
    }
    /// The targets read of a text, kept for every plan read with this catalog (`KeptTargets`).
    private var kept: KeptTargets
    /// Folded `resultWords` of the catalog.
    private var resultWords: [String]
    /// `index.metric(for:)` with the phrases folded once.
    private var index: MetricCatalog.Index

    public init(metrics: MetricCatalog) {
        self.metrics = metrics
        index = .of(metrics)
        resultWords = (metrics.resultWords ?? []).map(\.foldedKey)
        kept = .of(metrics)
    }

    /// The targets an item's text states, the item's years given to those that name none. Read
    /// once for all plans by the text and the years (`KeptTargets`): a city's plans state the same
    /// targets in the same words. The lines are the item's, set on the kept answer.
    public func targets(in text: String, phase: YearRange?, line: Int, endLine: Int? = nil) -> [Target] {
        var found = kept.answers.answer(
            KeptTargets.Key(text: HashedText(text), phase: phase), textLength: text.utf8.count
        ) { readTargets(in: text, phase: phase, line: 0) }
        for i in found.indices {
            found[i].line = line
            // As `Target.init` sets it: no end line when it is the line.
            found[i].endLine = endLine == line ? nil : endLine
        }
        return found
    }

    /// `targets` read from the text, not kept.
    func readTargets(in text: String, phase: YearRange?, line: Int, endLine: Int? = nil) -> [Target] {
        // An item that opens with its years ("Giai đoạn 2026 - 2027: 100% TTHC …; tỷ lệ …") gives them
        // to every clause that names none of its own.
        let phase = Self.leadingYears(of: text) ?? phase
        let clauses = Self.clauses(of: text)
        var parsed = clauses.map { clause in
            (clause: clause, metric: index.metric(for: clause)?.id, value: Self.value(in: clause), phase: phase)
        }
        // The words that give each clause its metric: its own, or, for a clause that names none,
        // the words of the clause it continues joined to its own (see below).
        var context = parsed.map { $0.metric == nil ? nil : $0.clause }
        /// The metric `i` has read with the clause before it that has one, and the words that give it.
        func continued(_ i: Int) -> (metric: String, words: String)? {
            guard let p = parsed[..<i].lastIndex(where: { $0.metric != nil }), let words = context[p] else {
                return nil
            }
            let joined = words + " " + parsed[i].clause
            return index.metric(for: joined).map { ($0.id, joined) }
        }
        // Parts of one indicator for other years or fields ("năm 2026 - 2027 từ 93%; đến năm 2030
        // tối thiểu 95%; trong đó lĩnh vực đất đai, xây dựng tối thiểu 90% vào năm 2030"): when the
        // valued clauses name different years, each is a target of its own year, and one with no
        // metric of its own takes the metric its words give together with the clause before it that
        // has one. A field ("lĩnh vực đất đai, xây dựng đạt từ 88% năm 2026 và 92% vào năm 2030")
        // carries on to the figures after it: the clause before is read with the words that gave it
        // its metric, so "92% vào năm 2030" is the field's, not the general figure's.
        let years = parsed.map { $0.value == nil ? nil : Self.years(in: $0.clause) }
        if Set(years.compactMap { $0 }).count > 1 {
            for i in parsed.indices where parsed[i].value != nil {
                if let own = years[i] { parsed[i].phase = own }
                guard i > 0, parsed[i].metric == nil, years[i] != nil, let found = continued(i) else { continue }
                parsed[i].metric = found.metric
                context[i] = found.words
            }
        } else {
            // One year named by the figures themselves is theirs, not the heading's: "Mức độ trưởng
            // thành … đạt mức 3 vào năm 2027" under "Chỉ tiêu đến năm 2030" is a target for 2027
            // (judged against 2030's benchmark it read as below it). Years a figure starts from
            // ("… lưu trữ điện tử từ năm 2027") are not when it is due.
            for i in parsed.indices {
                guard let own = years[i], !Self.yearsAreAStart(in: parsed[i].clause) else { continue }
                parsed[i].phase = own
            }
        }
        // A valued clause with no metric of its own that, read with the named clause before it,
        // names a narrower metric ("… hài lòng … đạt 95%, với lĩnh vực đất đai, xây dựng đạt 90%")
        // is that metric's target, not more words of the one before.
        for i in parsed.indices where i > 0 && parsed[i].value != nil && parsed[i].metric == nil {
            guard let previous = parsed[..<i].last(where: { $0.metric != nil }), let found = continued(i),
                found.metric != previous.metric
            else { continue }
            parsed[i].metric = found.metric
            context[i] = found.words
        }
        // A word for all ("toàn bộ", "tất cả") before what a clause measures is its value: 100 %.
        for i in parsed.indices where parsed[i].value == nil && parsed[i].metric != nil {
            parsed[i].value = Self.allValue(in: parsed[i].clause)
        }
        // A clause with a metric and no value takes the next value in the sentence.
        for i in parsed.indices.reversed() where parsed[i].value == nil && parsed[i].metric != nil {
            if let next = parsed[(i + 1)...].first(where: { $0.value != nil }) { parsed[i].value = next.value }
        }
        // Each target's text runs, as written, from its clause to the end of the clauses that join it.
        let spans = Self.locate(clauses, in: text)
        var targets: [Target] = []
        var lastSpan: Range<String.Index>?
        var leading: String.Index?
        for (index, item) in parsed.enumerated() {
            // A clause with no value, or a later clause with a value but nothing to say what it
            // measures ("từng bước hướng tới cấp độ 5", "không có hồ sơ quá hạn"), is not a target of
            // its own: it belongs to the target before it, whose text keeps its words, so what it
            // states still counts as stated.
            guard let value = item.value, item.metric != nil || index == 0 else {
                if let last = lastSpan, let span = spans[index] {
                    lastSpan = last.lowerBound..<max(last.upperBound, span.upperBound)
                    targets[targets.count - 1].text = String(text[lastSpan!])
                } else if targets.isEmpty, leading == nil {
                    leading = spans[index]?.lowerBound
                }
                continue
            }
            lastSpan = spans[index]
            // Sentences before the first target ("Nâng cao hiệu lực …. Phấn đấu 80% …") are its words.
            var words = item.clause
            if targets.isEmpty, let start = leading, let span = lastSpan {
                lastSpan = start..<span.upperBound
                words = String(text[lastSpan!]).trimmingCharacters(in: OfficeDirectory.trimSet)
            }
            targets.append(
                Target(
                    text: words, metric: item.metric, comparator: value.comparator, value: value.number,
                    unit: value.unit, phase: item.phase, line: line, endLine: endLine))
        }
        if targets.isEmpty {
            targets.append(
                Target(text: text, metric: index.metric(for: text)?.id, phase: phase, line: line, endLine: endLine))
        }
        return targets
    }

    /// Whether a clause reports a figure already reached rather than one to reach: it names only
    /// years before the plan's first (`start`: "năm 2025 đạt 85%"), or a word of a result
    /// (`metrics.yaml` `resultWords`: "đã đạt", "hiện nay" …).
    public func isResult(_ clause: String, before start: Int?) -> Bool {
        if let start, let years = Self.years(in: clause), years.to < start { return true }
        let key = clause.foldedKey
        return resultWords.contains { key.containsWords($0) }
    }

    /// A target row of a table: the value and unit come from their own cells when the table has them.
    public func target(
        text: String, unitCell: String?, valueCell: String?, phase: YearRange?, line: Int, endLine: Int? = nil
    ) -> Target {
        var target = Target(
            text: text, metric: index.metric(for: text)?.id, phase: phase, line: line, endLine: endLine)
        let fromCells = valueCell.flatMap { Self.value(in: $0) ?? Self.bareNumber($0, unit: unitCell) }
        if let value = fromCells ?? Self.value(in: text) {
            target.value = value.number
            target.comparator = value.comparator
            target.unit = value.unit
        }
        return target
    }

    struct Value: Hashable {
        var number: Double
        var unit: Target.Unit
        var comparator: Target.Comparator
    }

    /// The clauses of an item: split at top-level ";", at ", trong đó", and between two values.
    /// The clauses of `text`, cut once for all plans (`TextAnswers`).
    static func clauses(of text: String) -> [String] {
        clauseAnswers.answer(text) { cutClauses(of: text) }
    }

    private static let clauseAnswers = TextAnswers<HashedText, [String]>()

    /// `clauses(of:)` without the kept answers.
    static func cutClauses(of text: String) -> [String] {
        sentences(of: text).flatMap { String($0).splitAtTopLevelSemicolons() }.flatMap { clause -> [String] in
            guard Self.mayHoldTrongDo(clause), let m = trongDo.firstMatch(in: clause) else { return [clause] }
            return [String(clause[..<m.range.lowerBound]), String(clause[m.range.upperBound...])]
        }
        .flatMap(splitBetweenValues)
        .map { $0.trimmingCharacters(in: OfficeDirectory.trimSet) }
        .filter { !$0.isEmpty }
    }

    /// The sentences of an item: cut after a full stop that ends a word, a figure or a bracket and
    /// opens a capitalised word ("… đúng hạn đạt trên 98%. Mức độ hài lòng …"): a figure belongs
    /// to its own sentence. An abbreviation's stop ("TP. Hồ Chí Minh", "Q. 1") ends a capital and
    /// does not cut.
    static func sentences(of text: String) -> [Substring] {
        sentencesOfSimple(text) ?? sentencesByCharacter(of: text)
    }

    /// `sentences(of:)` over bytes, for a simple text (`SimpleText`: each scalar a character of its
    /// own): only a "." asks what the characters around it are. Nil for other text.
    static func sentencesOfSimple(_ text: String) -> [Substring]? {
        var text = text
        let cuts: [(end: Int, next: Int)]? = text.withUTF8 { utf8 in
            guard SimpleText.isSimple(utf8) else { return nil }
            func scalar(at i: Int) -> Unicode.Scalar {
                Unicode.Scalar(utf8[i] < 0x80 ? UInt32(utf8[i]) : TextKey.decode(utf8, at: i, lead: utf8[i]).0)!
            }
            var cuts: [(end: Int, next: Int)] = []
            var k = 1
            while k < utf8.count {
                defer { k += 1 }
                guard utf8[k] == UInt8(ascii: ".") else { continue }
                var p = k - 1
                while utf8[p] & 0xC0 == 0x80 { p -= 1 }
                let previous = Character(scalar(at: p))
                guard previous.isLowercase || previous.isNumber || previous == "%" || previous == ")" else { continue }
                var j = k + 1
                while j < utf8.count {
                    if utf8[j] == 0x20 {
                        j += 1
                    } else if utf8[j] == 0xC2, j + 1 < utf8.count, utf8[j + 1] == 0xA0 {
                        j += 2
                    } else {
                        break
                    }
                }
                if j > k + 1, j < utf8.count, Character(scalar(at: j)).isUppercase {
                    cuts.append((k + 1, j))
                    k = j
                }
            }
            return cuts
        }
        guard let cuts else { return nil }
        var parts: [Substring] = []
        var start = text.startIndex
        for cut in cuts {
            parts.append(text[start..<text.utf8.index(text.startIndex, offsetBy: cut.end)])
            start = text.utf8.index(text.startIndex, offsetBy: cut.next)
        }
        parts.append(text[start...])
        return parts
    }

    /// `sentences(of:)` by characters, as it was: the path of text that is not simple.
    static func sentencesByCharacter(of text: String) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        var previous: Character?
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if c == ".", let p = previous, p.isLowercase || p.isNumber || p == "%" || p == ")" {
                var j = next
                while j < text.endIndex, text[j] == " " || text[j] == "\u{00A0}" { j = text.index(after: j) }
                if j > next, j < text.endIndex, text[j].isUppercase {
                    parts.append(text[start..<next])
                    start = j
                    i = j
                    previous = nil
                    continue
                }
            }
            previous = c
            i = next
        }
        parts.append(text[start...])
        return parts
    }

    /// A clause with several values ("100% TTHC … toàn trình, 90% hồ sơ được số hoá … và ít nhất
    /// 50% kết quả …") holds one part per value: it is cut at the first comma or "và" after each
    /// value but the last, so every part keeps its own words and its own value.
    static func splitBetweenValues(_ clause: String) -> [String] {
        let values = (percents(in: clause) + levels(in: clause)).map(\.range).sorted {
            $0.lowerBound < $1.lowerBound
        }
        guard values.count > 1 else { return [clause] }
        var parts: [String] = []
        var start = clause.startIndex
        for (value, next) in zip(values, values.dropFirst()) {
            let gap = String(clause[value.upperBound..<max(value.upperBound, next.lowerBound)])
            // A bracket opened before the next value and not closed ("93% trở lên (đất đai, xây
            // dựng từ 90%)") holds a narrower field with its own figure: the part starts there.
            let open = gap.lastIndex(of: "(").flatMap { gap[$0...].contains(")") ? nil : $0 }
            guard value.upperBound >= start,
                let cut = open.map({ $0..<gap.index(after: $0) }) ?? partBreak.firstMatch(in: gap)?.range
            else { continue }
            let end = clause.index(value.upperBound, offsetBy: gap.distance(from: gap.startIndex, to: cut.lowerBound))
            parts.append(String(clause[start..<end]))
            start = clause.index(value.upperBound, offsetBy: gap.distance(from: gap.startIndex, to: cut.upperBound))
        }
        parts.append(String(clause[start...]))
        return parts
    }

    /// Where each clause stands in the text it was cut from (nil if it cannot be found there).
    static func locate(_ clauses: [String], in text: String) -> [Range<String.Index>?] {
        var from = text.startIndex
        return clauses.map { clause in
            guard let r = text.firstRange(ofSimple: clause, from: from) else { return nil }
            from = r.upperBound
            return r
        }
    }

    /// The years of a label that opens an item, up to its colon: "Giai đoạn 2026 - 2027:", "Năm
    /// 2027:", "Đến năm 2030:" (six words at most, so a clause that only mentions a year is none).
    static func leadingYears(of text: String) -> YearRange? {
        // No ':' byte, no colon character (it has no other form): the 48 characters are not walked.
        guard SimpleText.contains(UInt8(ascii: ":"), in: text) else { return nil }
        return leadingYearsByCharacter(of: text)
    }

    /// `leadingYears` as it was, walking the first 48 characters: kept for `FastPath26PTests` and
    /// for texts with a colon.
    static func leadingYearsByCharacter(of text: String) -> YearRange? {
        guard let colon = text.prefix(48).firstIndex(of: ":"), case let label = String(text[..<colon]),
            TextShape.wordCount(label) <= 6
        else { return nil }
        return TextShape.yearRange(in: label)
    }

    /// The years a clause names for itself ("năm 2026 - 2027", "đến năm 2030", "vào năm 2030",
    /// "giai đoạn 2028 - 2030").
    static func years(in clause: String) -> YearRange? {
        guard let m = yearPattern.firstMatch(in: clause), let from = m[1].flatMap({ Int($0) }) else { return nil }
        return YearRange(from: from, to: m[2].flatMap { Int($0) } ?? from)
    }

    /// Whether the years a clause names are where its figure starts ("từ năm 2027", "kể từ năm 2027").
    static func yearsAreAStart(in clause: String) -> Bool {
        guard let m = yearPattern.firstMatch(in: clause) else { return false }
        return isFrom(lastWord(of: clause[..<m.range.lowerBound]))
    }

    /// The last word of `text` (words parted by spaces and no-break spaces), or nil.
    private static func lastWord(of text: Substring) -> Substring? {
        text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).last
    }

    /// Whether `word` is "từ" (from) with its marks: folded, "tư" (fourth: "quý tư năm 2027") and
    /// "tự" read the same.
    private static func isFrom(_ word: Substring?) -> Bool {
        word.map { TonedKey.of($0) == fromKey } ?? false
    }

    private static let fromKey = TonedKey.of("từ")

    /// The first value of a clause: a percentage or a level, with the comparator the words before
    /// (and "trở lên" after) give it.
    /// The value `clause` states, read once for all plans (`TextAnswers`).
    static func value(in clause: String) -> Value? {
        valueAnswers.answer(clause) { readValue(in: clause) }
    }

    private static let valueAnswers = TextAnswers<HashedText, Value?>()

    /// `value(in:)` without the kept answers.
    static func readValue(in clause: String) -> Value? {
        var best: (match: Pattern.Match, unit: Target.Unit)?
        if let m = firstPercent(in: clause) { best = (m, .percent) }
        if let m = firstLevel(in: clause), best == nil || m.range.lowerBound < best!.match.range.lowerBound {
            best = (m, .level)
        }
        guard let (match, unit) = best, let numberText = match[1],
            let number = Double(numberText.replacingOccurrences(of: ",", with: "."))
        else { return nil }
        let rawBefore = clause[..<match.range.lowerBound]
        let before = rawBefore.suffix(40).description.foldedKey
        let after = clause[match.range.upperBound...].prefix(20).description.foldedKey
        let symbol = symbolComparator(before: rawBefore)
        var comparator = symbol ?? comparator(before: before, after: after)
        if symbol == nil, comparator == .equal, isFloor(before: rawBefore, folded: before, after: after) {
            comparator = .atLeast
        }
        return Value(number: number, unit: unit, comparator: comparator)
    }

    /// A figure the words give as a floor though no comparator word says so: "từ 90%" (from 90 %
    /// up; not "từ 80% lên 90%", a change), "phấn đấu (đạt) 90%" (a figure to reach, unless the
    /// clause lowers something: "phấn đấu giảm … còn 2%").
    static func isFloor(before raw: Substring, folded before: String, after: String) -> Bool {
        let afterWords = after.split(atASCII: [" "])
        let changesTo =
            afterWords.count >= 2 && ["len", "xuong", "con"].contains(afterWords[0])
            && afterWords[1].first?.isNumber == true
        if isFrom(lastWord(of: raw)) { return !changesTo }
        return before.containsWords("phan dau") && !floorExceptions.contains { before.containsWords($0) }
    }

    /// Words of a figure to bring down: after "phấn đấu" they make it no floor.
    static let floorExceptions = ["giam", "xuong", "han che", "khong qua", "toi da"]

    /// 100 % when a word for all opens the clause or stands right before what it counts
    /// ("Toàn bộ thủ tục … toàn trình", "bảo đảm tất cả hồ sơ …"); nil otherwise.
    static func allValue(in clause: String) -> Value? {
        let key = clause.foldedKey
        let words = key.split(atASCII: [" "]).prefix(6).joined(separator: " ")
        guard allWords.contains(where: { words.containsWords($0) }) else { return nil }
        return Value(number: 100, unit: .percent, comparator: .equal)
    }

    /// Words for all of what a clause counts, matched folded among its first words.
    static let allWords = ["toan bo", "tat ca"]

    /// A figure in a value cell whose unit stands in its own column: "90", or "≥ 90", "tối thiểu
    /// 90", "trên 95", "từ 90" (the words before the number give its comparator).
    static func bareNumber(_ cell: String, unit: String?) -> Value? {
        let trimmed = cell.trimmingCharacters(in: OfficeDirectory.trimSet)
        let split = trimmed.lastIndex(where: { !($0.isNumber || $0 == "," || $0 == ".") }).map(trimmed.index(after:))
        let numberText = split.map { String(trimmed[$0...]) } ?? trimmed
        guard let number = Double(numberText.replacingOccurrences(of: ",", with: ".")) else { return nil }
        var comparator = Target.Comparator.equal
        if let split {
            // Only a sign or a comparator word may stand before the number ("Quý IV 2026" is no figure).
            let before = trimmed[..<split]
            let key = FoldedKey.of(before)
            if let sign = symbolComparator(before: before), key.isEmpty {
                comparator = sign
            } else if let word = comparatorWords.first(where: { $0.0 == key }) {
                comparator = word.1
            } else if key == "tu" {
                comparator = .atLeast  // "từ 90": a floor, as in prose (`isFloor`)
            } else {
                return nil
            }
        }
        let unitKey = unit?.foldedKey ?? ""
        let u: Target.Unit =
            unit?.contains("%") == true
            ? .percent : (unitKey.containsWords("cap do") || unitKey == "muc" ? .level : .count)
        return Value(number: number, unit: u, comparator: comparator)
    }

    /// The comparator is given by the last comparator word before the number ("đạt trên 98%"), or by
    /// "trở lên" after it.
    static func comparator(before: String, after: String) -> Target.Comparator {
        if after.hasWordPrefix("tro len") { return .atLeast }
        if after.hasWordPrefix("tro xuong") { return .atMost }
        var best: (position: Int, comparator: Target.Comparator)?
        for (phrase, comparator) in comparatorWords {
            var searchStart = before.startIndex
            while let r = before.firstRange(ofSimple: phrase, from: searchStart) {
                let boundaryBefore =
                    r.lowerBound == before.startIndex || before[before.index(before: r.lowerBound)] == " "
                let boundaryAfter = r.upperBound == before.endIndex || before[r.upperBound] == " "
                if boundaryBefore && boundaryAfter {
                    let position = before.distance(from: before.startIndex, to: r.upperBound)
                    if best == nil || position > best!.position { best = (position, comparator) }
                }
                searchStart = before.index(after: r.lowerBound)
            }
        }
        return best?.comparator ?? .equal
    }

    /// The comparator a sign right before the figure gives ("≥ 90%", ">95%", "≤ 2%"); folding
    /// drops signs, so they are read from the text as written.
    static func symbolComparator(before raw: Substring) -> Target.Comparator? {
        if let known = raw.utf8.withContiguousStorageIfAvailable(symbolComparatorOfSimpleText), let known {
            return known
        }
        return symbolComparatorByCharacter(before: raw)
    }

    /// `symbolComparator`, character by character: for any text.
    static func symbolComparatorByCharacter(before raw: Substring) -> Target.Comparator? {
        var text = raw
        while let last = text.last, last == " " || last == "\u{00A0}" { text = text.dropLast() }
        for (sign, comparator) in comparatorSigns where text.hasSuffix(sign) {
            // A sign stands alone: "<b>90%" is markup, "->90%" an arrow.
            let before = text.dropLast(sign.count).last
            return before == nil || before == " " || before == "(" || before == "\u{00A0}" ? comparator : nil
        }
        return nil
    }

    /// `symbolComparator` on the bytes of simple text (`SimpleText`), where each scalar is a
    /// character and no sign outside ASCII can stand (they are not simple), so the signs are
    /// ">=", "<=", ">" and "<"; nil (not known) for other text. `hasSuffix` on a substring walked
    /// the text's characters backwards once a sign.
    static func symbolComparatorOfSimpleText(_ utf8: UnsafeBufferPointer<UInt8>) -> Target.Comparator?? {
        guard SimpleText.isSimple(utf8) else { return nil }
        // A byte A0 after C2 is U+00A0: C2 is a lead byte, never inside a longer scalar.
        func endsWithNoBreakSpace(_ end: Int) -> Bool { end >= 2 && utf8[end - 1] == 0xA0 && utf8[end - 2] == 0xC2 }
        var end = utf8.count
        while end > 0 {
            if utf8[end - 1] == 0x20 {
                end -= 1
            } else if endsWithNoBreakSpace(end) {
                end -= 2
            } else {
                break
            }
        }
        guard end > 0 else { return .some(nil) }
        let last = utf8[end - 1]
        let before = end >= 2 ? utf8[end - 2] : nil
        let sign: (length: Int, comparator: Target.Comparator)
        switch (before, last) {
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): sign = (2, .atLeast)
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): sign = (2, .atMost)
        case (_, UInt8(ascii: ">")): sign = (1, .greater)
        case (_, UInt8(ascii: "<")): sign = (1, .less)
        default: return .some(nil)
        }
        let start = end - sign.length
        guard start > 0 else { return .some(sign.comparator) }
        let standsAlone =
            utf8[start - 1] == 0x20 || utf8[start - 1] == UInt8(ascii: "(") || endsWithNoBreakSpace(start)
        return .some(standsAlone ? sign.comparator : nil)
    }

    /// Two-character signs before their one-character tails.
    static let comparatorSigns: [(String, Target.Comparator)] = [
        (">=", .atLeast), ("<=", .atMost), ("≥", .atLeast), ("⩾", .atLeast), ("≤", .atMost), ("⩽", .atMost),
        (">", .greater), ("<", .less),
    ]

    /// Longer phrases first, so "không dưới" wins over "dưới" at the same place.
    static let comparatorWords: [(String, Target.Comparator)] = [
        ("khong thap hon", .atLeast), ("khong duoi", .atLeast), ("toi thieu", .atLeast), ("it nhat", .atLeast),
        ("khong qua", .atMost), ("khong vuot qua", .atMost), ("toi da", .atMost), ("xuong con", .atMost),
        ("giam con", .atMost),
        ("tren", .greater), ("vuot", .greater), ("hon", .greater),
        ("duoi", .less),
        ("dat", .equal), ("bang", .equal),
    ]

    // The figures are read by `ValueScan` in simple text, by their expressions in other text.
    static func percents(in text: String) -> [Pattern.Match] {
        ValueScan.matches(.percent, in: text) ?? percent.matches(in: text)
    }

    static func levels(in text: String) -> [Pattern.Match] {
        ValueScan.matches(.level, in: text) ?? level.matches(in: text)
    }

    static func firstPercent(in text: String) -> Pattern.Match? {
        ValueScan.firstMatch(.percent, in: text) ?? percent.firstMatch(in: text)
    }

    static func firstLevel(in text: String) -> Pattern.Match? {
        ValueScan.firstMatch(.level, in: text) ?? level.firstMatch(in: text)
    }

    static let percentSource = #"(\d{1,3}(?:[.,]\d+)?)\s*%"#
    static let percent = Pattern(percentSource, needs: "%")
    // "mức trưởng thành 2", "cấp độ trưởng thành 3": the maturity words may stand between.
    static let levelSource = #"(?:cấp độ|mức độ|cấp|mức)(?:\s+trưởng thành)?\s+(\d{1,2})(?!\s*%)(?!\d)"#
    static let level = Pattern(levelSource, needsDigit: true)
    private static let partBreak = Pattern(#",\s*|\s+và\s+"#)
    private static let yearPattern = Pattern(#"(?:năm|giai đoạn)\s+(20\d\d)(?:\s*[-–]\s*(20\d\d))?"#, needs: "2")
    static let trongDo = Pattern(#",\s*trong đó\s*,?"#, needs: ",")

    /// Whether `trongDo` may match `text`, from its bytes: a match holds "đó" in some case, and ICU
    /// compares code points folded to lower case, so the text holds the UTF-8 of "đ" or "Đ" right
    /// before that of "ó" or "Ó" (no other scalar folds to either). Most clauses have none, and
    /// ICU is not asked (it copied each clause to UTF-16 first).
    static func mayHoldTrongDo(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            guard utf8.count >= 4 else { return false }
            for i in 0..<(utf8.count - 3)
            where utf8[i] == 0xC4 && (utf8[i + 1] == 0x90 || utf8[i + 1] == 0x91) && utf8[i + 2] == 0xC3
                && (utf8[i + 3] == 0xB3 || utf8[i + 3] == 0x93)
            {
                return true
            }
            return false
        }
    }
}

/// The targets `TargetParser` read of a text with a given phase, kept for every plan read with one
/// metric catalog (`TextAnswers`): `readTargets` reads nothing but the text, the phase and the
/// catalog. Kept with line 0; the caller sets the item's lines.
final class KeptTargets: Sendable {
    struct Key: Hashable {
        let text: HashedText
        let phase: YearRange?
    }

    let catalog: MetricCatalog
    let answers = TextAnswers<Key, [Target]>()

    private init(_ catalog: MetricCatalog) {
        self.catalog = catalog
    }

    /// The answers of `catalog`, made once for the catalog last asked about (as
    /// `MetricCatalog.Index.of`): every plan's parser asks with the same catalog.
    static func of(_ catalog: MetricCatalog) -> KeptTargets { made.value(for: catalog, KeptTargets.init) }

    private static let made = LastMade<MetricCatalog, KeptTargets>()
}
