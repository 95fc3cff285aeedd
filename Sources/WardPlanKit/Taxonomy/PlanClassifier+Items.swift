extension PlanClassifier {
    /// What classifying needs to know of each theme, by theme index, so the hot path reads plain
    /// arrays instead of copying `Taxonomy.Theme` values. (A class for the same reason as
    /// `TaxonomyMatcher`: one reference to copy, not five arrays.)
    final class ThemeFacts: Sendable {
        let ids: [String]
        /// Index of the theme's own area.
        let primaryArea: [Int]
        /// Indices of the areas it counts for: its own, then `alsoIn`.
        let countsFor: [[Int]]
        let weak: [Bool]
        /// Section kinds where it does not count, as bits of `SectionKind.bit`.
        let blocked: [UInt16]

        init(_ taxonomy: Taxonomy) {
            let index = Dictionary(
                taxonomy.areas.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
            ids = taxonomy.themes.map(\.id)
            // `TaxonomyFile` rejects unknown areas; a theme built in code with one counts for `other`.
            let other = index[Taxonomy.otherAreaID] ?? 0
            primaryArea = taxonomy.themes.map { index[$0.area] ?? other }
            countsFor = taxonomy.themes.map { theme in theme.areas.map { index[$0] ?? other } }
            weak = taxonomy.themes.map(\.weak)
            blocked = taxonomy.themes.map { $0.notInSections.reduce(0) { $0 | $1.bit } }
        }

        func isBlocked(_ theme: Int, in section: SectionKind) -> Bool { blocked[theme] & section.bit != 0 }
    }

    struct Outcome {
        var area: String
        var basis: AreaBasis?
        var areaEvidence: [Evidence]
        var secondaryAreas: [String]
        var themes: [ThemeMatch]
        /// Themes only a later piece (a task's products) shows: kept apart, never a tag.
        var productThemes: [ThemeMatch] = []
        /// Why the item's words point elsewhere than its heading, for a diagnostic.
        var conflict: String?
    }

    /// Classifies an item made of `pieces` of text (its statement, then its products) found on
    /// `lines`. Themes come from the statement: a later piece adds evidence to a theme the
    /// statement has, but never makes one ("sáng kiến" in a list of products is not a task about
    /// initiatives).
    ///
    /// This reads the item every time (the tests' reference); `classify(pieces:lines:section:heading:)`
    /// gives its answer kept for the run when the same item was read before (`KeptOutcome`).
    func readOutcome(pieces: [String], lines: ArraySlice<DocumentLine>, section: SectionKind, heading: HeadingArea?)
        -> Outcome
    {
        var aligned = SourceAligner(lines: [])
        return readOutcome(pieces: pieces, lines: lines, section: section, heading: heading, aligned: &aligned)
    }

    /// `readOutcome(pieces:lines:section:heading:)`, and the aligner that read the lines (its
    /// `reach` and `anchors` say what it read; one that read none is `aligned` as given).
    func readOutcome(
        pieces: [String], lines: ArraySlice<DocumentLine>, section: SectionKind, heading: HeadingArea?,
        aligned: inout SourceAligner
    ) -> Outcome {
        // Plain loops: `pieces.map(matcher.find)` would copy the matcher (a retain of each of its
        // tables) for every piece. What each piece says, with its signals' places, is kept for the
        // run (`said(inText:)`): a piece known already is neither keyed nor scanned again.
        var said: [Said] = []
        said.reserveCapacity(pieces.count)
        var vetoed: [Int] = []
        for piece in pieces {
            let s = self.said(inText: piece)
            if !s.found.vetoed.isEmpty { vetoed += s.found.vetoed }
            said.append(s)
        }

        // Themes in order of their first signal (a slot each), every signal pointed at in the lines.
        var order: [Int] = []
        var evidence: [[Evidence]] = []
        var phrases: [[Int]] = []
        var productOrder: [Int] = []
        var productEvidence: [[Evidence]] = []
        var aligner: SourceAligner?
        for (index, (piece, said)) in zip(pieces, said).enumerated() {
            let signals = said.found.signals
            // The signals that count, by their index in `signals`.
            let hits = signals.indices.filter { s in
                !vetoed.contains(signals[s].owner) && !facts.isBlocked(signals[s].owner, in: section)
            }
            if aligner == nil && !hits.isEmpty { aligner = SourceAligner(lines: lines) }
            // Once one piece had a signal, every later piece is aligned, so each starts after the last.
            guard aligner != nil else { continue }
            let stretches = aligner!.align(piece)
            for s in hits {
                let hit = signals[s]
                let item = self.evidence(
                    hit, words: said.signalWords[s], source: said.signalSources[s], stretches: stretches,
                    aligner: &aligner!, fallbackLine: lines.first?.number ?? 0, basis: .content)
                let phrase = hit.phrase
                // A later piece adds evidence to the statement's themes; its other themes are kept apart.
                if index > 0 && !order.contains(hit.owner) {
                    if let slot = productOrder.firstIndex(of: hit.owner) {
                        productEvidence[slot].append(item)
                    } else {
                        productOrder.append(hit.owner)
                        productEvidence.append([item])
                    }
                } else if let slot = order.firstIndex(of: hit.owner) {
                    evidence[slot].append(item)
                    if !phrases[slot].contains(phrase) { phrases[slot].append(phrase) }
                } else {
                    order.append(hit.owner)
                    evidence.append([item])
                    phrases.append([phrase])
                }
            }
        }
        if let aligner { aligned = aligner }
        let themes = order.indices.map { slot in
            ThemeMatch(
                id: facts.ids[order[slot]], area: taxonomy.areas[facts.primaryArea[order[slot]]].id,
                evidence: evidence[slot])
        }
        var outcome = decideArea(heading: heading, order: order, evidence: evidence, phrases: phrases, themes: themes)
        outcome.productThemes = productOrder.indices.map { slot in
            ThemeMatch(
                id: facts.ids[productOrder[slot]], area: taxonomy.areas[facts.primaryArea[productOrder[slot]]].id,
                evidence: productEvidence[slot])
        }
        return outcome
    }

    /// The item's area from its heading and its themes (see the type's documentation).
    private func decideArea(
        heading: HeadingArea?, order: [Int], evidence: [[Evidence]], phrases: [[Int]], themes: [ThemeMatch]
    ) -> Outcome {
        let areaCount = taxonomy.areas.count
        func supporting(_ area: Int) -> [Int] { order.indices.filter { facts.countsFor[order[$0]].contains(area) } }
        func contentEvidence(_ area: Int) -> [Evidence] { supporting(area).map { evidence[$0][0] } }

        if let heading {
            let id = taxonomy.areas[heading.area].id
            let agreeing = contentEvidence(heading.area)
            var outcome = Outcome(
                area: id, basis: agreeing.isEmpty ? .heading : .both, areaEvidence: heading.evidence + agreeing,
                secondaryAreas: [], themes: themes)
            guard agreeing.isEmpty else { return outcome }
            // None of the heading's area: count the distinct phrases of each other area; weak themes never count.
            var signals = [Int](repeating: 0, count: areaCount)
            for (slot, theme) in order.enumerated() where !facts.weak[theme] {
                signals[facts.primaryArea[theme]] += phrases[slot].count
            }
            var clear = signals.indices.filter { signals[$0] >= Self.secondaryAreaSignals }
            guard !clear.isEmpty else { return outcome }
            // Most by signals, then by id; one area is its own order (the sort's closure copied the
            // classifier, class36).
            if clear.count > 1 {
                let areas = taxonomy.areas
                clear.sort { (signals[$1], areas[$0].id) < (signals[$0], areas[$1].id) }
            }
            let names = clear.map { taxonomy.areas[$0].id }
            let words = order.indices.filter { clear.contains(facts.primaryArea[order[$0]]) && !facts.weak[order[$0]] }
                .map { "\(facts.ids[order[$0]]) (\"\(evidence[$0][0].matched)\")" }
            outcome.secondaryAreas = names
            outcome.conflict =
                "is listed under \(id) but its words point to \(names.joined(separator: ", ")): "
                + "\(words.joined(separator: ", ")); it stays in \(id) with \(names.joined(separator: ", ")) as secondary"
            return outcome
        }

        // No heading area: the area with the most themes, strong before weak; a tie goes to the one named first.
        for weak in [false, true] {
            var count = [Int](repeating: 0, count: areaCount)
            var first = [Int](repeating: Int.max, count: areaCount)
            for (slot, theme) in order.enumerated() where facts.weak[theme] == weak {
                let area = facts.primaryArea[theme]
                count[area] += 1
                first[area] = min(first[area], slot)
            }
            if let best = count.indices.filter({ count[$0] > 0 }).max(by: {
                (count[$0], -first[$0]) < (count[$1], -first[$1])
            }) {
                return Outcome(
                    area: taxonomy.areas[best].id, basis: .content, areaEvidence: contentEvidence(best),
                    secondaryAreas: [],
                    themes: themes)
            }
        }
        return Outcome(area: Taxonomy.otherAreaID, basis: nil, areaEvidence: [], secondaryAreas: [], themes: themes)
    }
}

extension SectionKind {
    /// A bit of its own, for sets of section kinds.
    var bit: UInt16 {
        switch self {
        case .frontMatter: 1 << 0
        case .purpose: 1 << 1
        case .targets: 1 << 2
        case .tasks: 1 << 3
        case .funding: 1 << 4
        case .reporting: 1 << 5
        case .organisation: 1 << 6
        case .other: 1 << 7
        }
    }
}
