import Foundation

/// The taxonomy phrases a report's evidence names (`report/phrases` of `schema/wardplans-3.xsd`):
/// each written once, evidence naming it by id. The id depends on the phrase's text alone ("p" and
/// the first 12 hex digits of the SHA-256 of its UTF-8 bytes), not on which plans are written or in
/// what order, so two reports of different plan sets name a phrase alike.
struct PhraseList: Sendable {
    /// Each phrase's id, by its text.
    private(set) var ids: [String: String] = [:]
    /// The same ids by the exact bytes of every text seen (`distinct`): a `String` key hashes as
    /// its NFC form, checking each Vietnamese scalar, ≈ 2,400 instructions an evidence at n-100;
    /// the bytes' hash and a `memcmp` take a fraction of that.
    private var exact = ExactTextTable<String>()
    /// The same ids by where the bytes of a text kept in `exact` are stored: most evidence names a
    /// phrase by the very string the taxonomy holds, found so without reading its bytes. Sound while
    /// the list lives: `exact` keeps those strings, so no other string's bytes can be stored there.
    private var stored: [TextStorage: String] = [:]

    /// The phrases of every evidence of `plans`. Two phrases with the same id (48 bits of a hash:
    /// about one chance in 10^8 for a taxonomy of 2,000 phrases) cannot both be named: an error,
    /// never a guess.
    init(plans: [Plan]) throws(XMLRenderError) {
        // Each distinct text by its bytes first (`ExactText`: half a million evidence at 1,000 plans,
        // a `String` set checks each Vietnamese scalar for NFC as it hashes), in the order first
        // seen; then as strings in that order, so texts equal but for their bytes are one phrase
        // and the first seen is kept, as before.
        var seen = Set<ExactText>()
        var distinct: [String] = []
        // Most evidence names one of a few thousand phrase strings shared by every plan (plans from
        // the cache share their texts of more than 15 bytes; the classifier gives its phrases'
        // own): a storage met before holds bytes already in `seen`, found by its address.
        var seenStorage = Set<TextStorage>()
        // Before either: the two words the phrase's `String` is stored as (`PlacesByWords`, which holds
        // the strings it learns, so equal words are the same bytes). Most evidence's words were met
        // before, found so without a `Hasher` (the storages' set) or hashing the bytes (phrases of
        // 15 bytes or fewer, stored inside the words: ≈ 60,000 `ExactText` inserts at n-500).
        var seenWords = PlacesByWords()
        for index in plans.indices {
            Plan.forEachPhrase(of: plans, at: index) { phrase in
                if seenWords.place(of: phrase) != nil { return }
                seenWords.learn(phrase, place: 0)
                if let storage = TextStorage(phrase), !seenStorage.insert(storage).inserted { return }
                if seen.insert(ExactText(phrase)).inserted { distinct.append(phrase) }
            }
        }
        var texts = Set<String>()
        for text in distinct { texts.insert(text) }
        var owners: [String: String] = [:]
        for text in texts {
            let id = Self.id(of: text)
            if let other = owners.updateValue(text, forKey: id) {
                throw XMLRenderError(
                    message:
                        "the taxonomy phrases \"\(other)\" and \"\(text)\" have the same id \(id) in the XML's phrase list; reword one of them in the taxonomy (a space or a word)",
                    diagnostics: [])
            }
            ids[text] = id
        }
        for text in distinct {
            guard let id = ids[text] else { continue }
            exact.insert(text, id)
            if let storage = TextStorage(text) { stored[storage] = id }
        }
    }

    /// "p" and the first 12 hex digits of the SHA-256 of the phrase's UTF-8 bytes.
    static func id(of phrase: String) -> String {
        "p" + SHA256.hex(Data(phrase.utf8)).prefix(12)
    }

    /// The id of a phrase of the plans the list was made from.
    func id(of phrase: String) -> String {
        if let storage = TextStorage(phrase), let id = stored[storage] { return id }
        return exact[phrase] ?? ids[phrase] ?? Self.id(of: phrase)
    }

    /// `<phrases>`, in the byte order of the phrases' text.
    func write(to w: XMLTextWriter) {
        w.start("phrases")
        for (text, id) in ids.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            w.start("phrase")
            w.attribute("id", id)
            w.text(text)
            w.end()
        }
        w.end()
    }
}

/// Where a large string's UTF-8 bytes are stored, and how many: while the string lives, no other
/// string's bytes are there, so two strings alive at once with the same storage hold the same bytes.
/// Nil for a string of 15 bytes or fewer (Swift keeps those inside the value, not in a storage of
/// its own) and for one whose bytes are not contiguous UTF-8.
struct TextStorage: Hashable, Sendable {
    let address: UInt
    let count: Int

    init?(_ text: String) {
        let count = text.utf8.count
        guard count > 15, let address = text.utf8.withContiguousStorageIfAvailable({ UInt(bitPattern: $0.baseAddress) })
        else { return nil }
        self.address = address
        self.count = count
    }
}

extension Plan {
    /// The phrase of every evidence of `plans[index]`, in the order of `forEachEvidence`, each read
    /// where it is stored: a `for` over the plan, its tasks, themes and evidence copied each value
    /// it met (a plan, then each task and evidence, every reference in them retained and released:
    /// most of the phrase list's time in a warm run, warm47), where only the phrase is wanted.
    static func forEachPhrase(of plans: [Plan], at index: Int, _ body: (String) -> Void) {
        func evidence(_ evidence: [Evidence]) {
            for e in evidence.indices { body(evidence[e].phrase) }
        }
        func themes(_ themes: [ThemeMatch]) {
            for t in themes.indices { evidence(themes[t].evidence) }
        }
        let targets = plans[index].targets
        for t in targets.indices {
            evidence(targets[t].areaEvidence)
            themes(targets[t].themes)
        }
        let tasks = plans[index].tasks
        for t in tasks.indices {
            evidence(tasks[t].areaEvidence)
            themes(tasks[t].themes)
            themes(tasks[t].productThemes)
        }
        let narrative = plans[index].narrative
        for n in narrative.indices {
            evidence(narrative[n].areaEvidence)
            themes(narrative[n].themes)
        }
        let responsibilities = plans[index].responsibilities
        for r in responsibilities.indices {
            let duties = responsibilities[r].duties
            for d in duties.indices { themes(duties[d].themes) }
        }
    }

    /// Every evidence of the plan, areas' and themes' alike, in no particular order.
    func forEachEvidence(_ body: (Evidence) -> Void) {
        func themes(_ themes: [ThemeMatch]) {
            for theme in themes { theme.evidence.forEach(body) }
        }
        for target in targets {
            target.areaEvidence.forEach(body)
            themes(target.themes)
        }
        for task in tasks {
            task.areaEvidence.forEach(body)
            themes(task.themes)
            themes(task.productThemes)
        }
        for item in narrative {
            item.areaEvidence.forEach(body)
            themes(item.themes)
        }
        for responsibility in responsibilities {
            for duty in responsibility.duties { themes(duty.themes) }
        }
    }
}
