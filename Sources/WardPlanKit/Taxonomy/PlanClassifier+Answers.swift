extension PlanClassifier {
    /// What a classifier's matcher finds in a text, kept for every plan of a run by the text's bytes
    /// (`TextAnswers`). The plans of a city are written from a few templates: of the 12,208 items
    /// `n-100`'s 100 plans classify, 1,651 texts differ, so the same statement was keyed and scanned
    /// again in plan after plan (`find` and its keys were half of `classify`, class36).
    ///
    /// A find depends on the text's bytes alone (its key is made from them, and the matcher and the
    /// contexts left out are the classifier's, fixed): the answer kept is the one a fresh scan gives,
    /// whichever plan or thread asked first. Texts are kept apart by their bytes (`HashedText`), so an
    /// NFD text never takes an NFC one's answer (their key ranges and evidence differ). Each classifier
    /// has its own (`without(contexts:)` makes another): a classifier's answers are never another's.
    final class FoundAnswers: Sendable {
        /// `said(inText:)`: `find(in: TextKey(text))` and its signals' places.
        let all = TextAnswers<HashedText, Said>()
        /// `matcher.findSignalsFirst(in: TextKey(text))` and its signals' places, for the theme
        /// hints (`ThemeHints`): kept apart from `all`, since it is another function, even if its
        /// signals are the same.
        let signalsFirst = TextAnswers<HashedText, Said>()
        /// `classify(pieces:lines:section:heading:)`: an item's outcomes, by its pieces, section and
        /// heading's area, each with the bytes of the lines it read (`KeptOutcome`); nil where every
        /// item is read anew (the tests' reference).
        let outcomes: TextAnswers<ItemKey, [KeptOutcome]>?

        init(keepingOutcomes: Bool = true) {
            outcomes = keepingOutcomes ? TextAnswers() : nil
        }
    }

    /// What a text says: the matcher's find, and the place in the text and the words of each of
    /// its signals (`TextKey.sourceRange(ofKey:)` and `sourceText(ofKey:)` of the signal's key
    /// range), all that the evidence reads of the key, so that a text known already needs none.
    struct Said: Sendable {
        var found: TaxonomyMatcher.Found
        /// For each of `found.signals`, its UTF-8 range in the text.
        var signalSources: [Range<Int>]
        /// For each of `found.signals`, the text's bytes in that range.
        var signalWords: [String]
        /// For each of `found.areaHeadings`, its UTF-8 range in the text and the text's bytes there
        /// (a heading's area names itself by these: `headingArea(of:source:)`).
        var areaHeadingSources: [Range<Int>]
        var areaHeadingWords: [String]

        /// What the text `key` was made from says, `found` by a scan of it.
        init(found: TaxonomyMatcher.Found, in key: TextKey) {
            self.found = found
            signalSources = found.signals.map { key.sourceRange(ofKey: $0.keyRange) }
            signalWords = signalSources.map { key.sourceText(source: $0) }
            areaHeadingSources = found.areaHeadings.map { key.sourceRange(ofKey: $0.keyRange) }
            areaHeadingWords = areaHeadingSources.map { key.sourceText(source: $0) }
        }
    }

    /// What `text` says (`Said`), kept for the run (`FoundAnswers`); the key is made only when the
    /// text is not known yet.
    func said(inText text: String) -> Said {
        // The scan takes the matcher and the contexts left out, not the classifier: a closure that
        // read `self` copied the whole classifier (a retain of each of its fields) at every look-up.
        let matcher = self.matcher
        let skipped = skippedContexts
        return answers.all.answer(text) {
            let key = TextKey(text)
            let found = skipped.map { matcher.find(in: key, skipping: $0) } ?? matcher.find(in: key)
            return Said(found: found, in: key)
        }
    }

    /// `find(in: TextKey(text))`, kept for the run.
    func found(inText text: String) -> TaxonomyMatcher.Found { said(inText: text).found }

    /// `matcher.findSignalsFirst(in: key, reusing: &scratch)`, kept for the run (`FoundAnswers`).
    func foundSignalsFirst(in key: TextKey, reusing scratch: inout TaxonomyMatcher.SignalLists)
        -> TaxonomyMatcher.Found
    {
        saidSignalsFirst(inText: key.text, key: key, reusing: &scratch).found
    }

    /// What `text` says to `findSignalsFirst`, kept for the run (`FoundAnswers`); `key`: the text's
    /// key when made already, else it is made only when the text is new to the run.
    func saidSignalsFirst(inText text: String, key: TextKey?, reusing scratch: inout TaxonomyMatcher.SignalLists)
        -> Said
    {
        let matcher = self.matcher
        return answers.signalsFirst.answer(text) {
            let made = key ?? TextKey(text)
            return Said(found: matcher.findSignalsFirst(in: made, reusing: &scratch), in: made)
        }
    }
}
