import Foundation

/// Who leads the tasks: tasks per lead office in each ward, and tasks with no named lead office.
public struct LeadOffices: Hashable, Sendable, Codable {
    /// One row per office that leads some task, most tasks first (then by name).
    public var offices: [Office]
    /// Per ward, tasks that name no office as lead (none at all, or only "các cơ quan, đơn vị liên quan").
    public var withoutNamedLead: [WardTasks]

    public struct Office: Hashable, Sendable, Codable {
        /// Canonical name from `offices.yaml`; for an office the file does not know, its first
        /// spelling in the plans (in ward order).
        public var name: String
        /// One per ward, in ward order. A task with two leads counts for both.
        public var cells: [WardTasks]
        /// The names tasks show for it in plans of another kind of unit ("Công an xã" for "Công an
        /// phường"); nil when none.
        public var alsoShownAs: [String]? = nil

        public var total: Int { cells.reduce(0) { $0 + $1.tasks.count } }
    }

    /// One pass over the tasks: each task is added to the rows of its leads.
    static func make(wards: [WardEntry], facts: [[TaskFacts]]) -> LeadOffices {
        var rows: [String: Int] = [:]
        // Rows found by a name's bytes first: hashing a `String` of Vietnamese checks each scalar
        // for NFC; names equal as strings but not in bytes still meet in `rows` (perf23g). In a
        // table of its own hash (`ExactTextTable`), not a `[ExactText: Int]`: a look-up there
        // cost ≈ 830 instructions (SipHash of the bytes), for a few dozen names (warm28).
        var rowOfBytes = ExactTextTable<Int>()
        var names: [String] = []
        // Each task counted for a row, in ward and task order (its row, ward and fact): each cell's
        // list is then made at its size, not grown task by task in a list of lists of lists (8,200
        // lists grown again at n-500, each append through three uniqueness checks; compare33).
        var counted: [(row: Int, ward: Int, fact: Int)] = []
        // Per row, the ward and fact it last counted (ward -1: none yet).
        var last: [(ward: Int, fact: Int)] = []
        for w in facts.indices {
            // Facts read in place (by index): a fact taken out of the array is a copy of every field.
            for i in facts[w].indices {
                for name in facts[w][i].leads {
                    let row: Int
                    if let known = rowOfBytes.find(name) {
                        row = known
                    } else if let known = rows[name] {
                        row = known
                        rowOfBytes.insert(name, row)
                    } else {
                        row = names.count
                        rows[name] = row
                        rowOfBytes.insert(name, row)
                        names.append(name)
                        last.append((-1, 0))
                    }
                    // A task naming one office twice counts once, as before: the task is compared
                    // with the last one its cell counted.
                    if last[row].ward == w, facts[w][last[row].fact].task == facts[w][i].task { continue }
                    last[row] = (w, i)
                    counted.append((row, w, i))
                }
            }
        }
        // The counted tasks by row (a counting sort, ward and task order kept within a row).
        var rowStart = [Int](repeating: 0, count: names.count + 1)
        for c in counted.indices { rowStart[counted[c].row + 1] += 1 }
        for r in names.indices { rowStart[r + 1] += rowStart[r] }
        var byRow = [Int](repeating: 0, count: counted.count)
        var next = rowStart
        for c in counted.indices {
            byRow[next[counted[c].row]] = c
            next[counted[c].row] += 1
        }
        let made = names.indices.map { row in
            var k = rowStart[row]
            let cells = wards.indices.map { w in
                var end = k
                while end < rowStart[row + 1], counted[byRow[end]].ward == w { end += 1 }
                var tasks: [TaskRef] = []
                if end > k {
                    tasks.reserveCapacity(end - k)
                    for j in k..<end { tasks.append(facts[w][counted[byRow[j]].fact].task) }
                }
                k = end
                return WardTasks(ward: wards[w].id, tasks: tasks)
            }
            return Office(name: names[row], cells: cells)
        }
        // Most tasks first, then by name: the totals counted once, not by every comparison.
        let totals = names.indices.map { rowStart[$0 + 1] - rowStart[$0] }
        let offices = names.indices.sorted { (totals[$1], names[$0]) < (totals[$0], names[$1]) }.map { made[$0] }
        return LeadOffices(
            offices: offices,
            withoutNamedLead: wards.indices.map { w in
                var without: [TaskRef] = []
                for i in facts[w].indices where !facts[w][i].hasNamedLead { without.append(facts[w][i].task) }
                return WardTasks(ward: wards[w].id, tasks: without)
            })
    }

    /// The leads of `facts` with every spelling of an office the directory does not know written as
    /// its first spelling (in ward order): "Đoàn Thanh niên phường" and "Đoàn thanh niên phường" are
    /// one office, one row. Known offices already carry their canonical name.
    static func mergeSpellings(_ facts: consuming [[TaskFacts]]) -> [[TaskFacts]] {
        var first: [String: String] = [:]
        // A name's spelling is fixed at its first sight (the key's first spelling never changes), so
        // each name, by its bytes, is folded once, not once per task that names it (perf23g).
        // By the names' bytes in a table of its own hash (`ExactTextTable`, warm28).
        var seen = ExactTextTable<RewrittenLead>()
        for w in facts.indices {
            for i in facts[w].indices where !facts[w][i].leads.isEmpty {
                // Made only once a lead is written another way (`merged`); until then the fact's own
                // leads are the list (most facts: no list made, warm28).
                var leads: [String] = []
                var changed = false
                let names = facts[w][i].leads
                for (k, name) in names.enumerated() {
                    let known = seen.find(name)
                    let spelling: RewrittenLead
                    if let known {
                        spelling = known
                    } else {
                        let key = name.foldedKey
                        let text = first[key] ?? name
                        first[key] = text
                        spelling = RewrittenLead(text, for: name)
                        seen.insert(name, spelling)
                    }
                    // The name's own bytes (`isName`) equal it as a `String` too: not compared again.
                    if spelling.isName && !changed { continue }
                    if !changed {
                        leads = Array(names[..<k])
                        changed = true
                    }
                    // Two spellings of one office in one task are one lead.
                    if !spelling.isName, spelling.text != name, leads.contains(spelling.text) { continue }
                    leads.append(spelling.text)
                }
                // Facts whose leads are already their spellings are left as they are (not copied).
                if changed { facts[w][i].leads = leads }
            }
        }
        return facts
    }
}

/// A lead written another way (its spelling in `LeadOffices.mergeSpellings`, or the name its kind
/// of unit uses in `Comparer.kindNames`), and whether that is the name's own bytes: a fact whose
/// leads all are is left as it is.
struct RewrittenLead {
    let text: String
    let isName: Bool

    init(_ text: String, for name: String) {
        self.text = text
        isName = text.utf8.elementsEqual(name.utf8)
    }
}

/// Values by a text's exact bytes, as a `[ExactText: Value]` keeps them (texts equal only
/// canonically, NFC and NFD, are two keys), in an open-addressed table on the bytes' hash
/// (`TextPool.hash`, the cache's text table's), the bytes then compared with `memcmp` (warm28).
///
/// `find` looks a text up by the two words it is stored as first (`PlacesByWords`): the plans
/// read from the cache share one storage per text, so the lead offices' names are met again and
/// again in the same few storages, found without reading (and hashing) their bytes. At 3,321 plans
/// those bytes were far from the last read, a processor cache miss for each lead of each task (load43).
struct ExactTextTable<Value> {
    private var keys: [String?] = []
    private var hashes: [UInt64] = []
    private var values: [Value?] = []
    private var count = 0
    /// Places of `keys` by the words of the texts found or inserted there; emptied when the table grows.
    private var byWords = PlacesByWords()
    /// Whether `value(for:orInsert:)` looks texts up by their words and learns them.
    private var learnsWords = true
    /// The table's size when the first text comes (then doubled as it fills).
    private var firstSize = 16

    init() {}

    /// A table with room for `count` texts from the first one on (none allocated before it), so
    /// that filling it does not grow it again and again; `learnsWords` false: texts found by
    /// `value(for:orInsert:)` through their bytes only.
    init(reserving count: Int, learnsWords: Bool = true) {
        while firstSize < count * 2 { firstSize *= 2 }
        self.learnsWords = learnsWords
    }

    subscript(text: String) -> Value? {
        guard !keys.isEmpty else { return nil }
        return Self.withBytes(text) { bytes in
            let hash = TextPool.hash(bytes)
            let mask = keys.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while let key = keys[i] {
                if hashes[i] == hash, Self.equal(key, bytes) { return values[i] }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    /// `self[text]`, found by the words `text` is stored as when it (or a text of the same words)
    /// was found or inserted before; else by its bytes, and its words learnt.
    mutating func find(_ text: String) -> Value? {
        if let i = byWords.place(of: text) { return values[i] }
        guard !keys.isEmpty else { return nil }
        let found: Int? = Self.withBytes(text) { bytes in
            let hash = TextPool.hash(bytes)
            let mask = keys.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while let key = keys[i] {
                if hashes[i] == hash, Self.equal(key, bytes) { return i }
                i = (i + 1) & mask
            }
            return nil
        }
        guard let found else { return nil }
        byWords.learn(text, place: found)
        return values[found]
    }

    /// The value kept for `text`'s bytes; else `make(hash)`'s, kept for them (`hash`: the bytes'
    /// `TextPool.hash`). One look-up either way (`find` then `insert` would hash a new text twice):
    /// by the words `text` is stored as, then by its bytes, the words learnt (when the table learns
    /// them: `init(reserving:learnsWords:)`).
    mutating func value(for text: String, orInsert make: (_ hash: UInt64) -> Value) -> Value {
        if learnsWords, let i = byWords.place(of: text) { return values[i]! }
        if (count + 1) * 2 > keys.count { grow() }
        let hash = Self.withBytes(text) { TextPool.hash($0) }
        let i = slot(text, hash: hash)
        if keys[i] == nil { fill(i, text, hash: hash, value: make(hash)) }
        if learnsWords { byWords.learn(text, place: i) }
        return values[i]!
    }

    /// Keeps `value` for `text`, replacing the value kept for its bytes, if any.
    mutating func insert(_ text: String, _ value: Value) {
        if (count + 1) * 2 > keys.count { grow() }
        let hash = Self.withBytes(text) { TextPool.hash($0) }
        byWords.learn(text, place: place(text, hash: hash, value: value))
    }

    /// Where `text` (of `hash`) was kept or its value replaced.
    @discardableResult
    private mutating func place(_ text: String, hash: UInt64, value: Value) -> Int {
        let i = slot(text, hash: hash)
        if keys[i] == nil {
            fill(i, text, hash: hash, value: value)
        } else {
            values[i] = value
        }
        return i
    }

    /// Where `text` (of `hash`) is kept, or the empty place it would take.
    private func slot(_ text: String, hash: UInt64) -> Int {
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while let key = keys[i] {
            if hashes[i] == hash, Self.withBytes(text, { Self.equal(key, $0) }) { return i }
            i = (i + 1) & mask
        }
        return i
    }

    /// Keeps `text` at the empty place `i`.
    private mutating func fill(_ i: Int, _ text: String, hash: UInt64, value: Value) {
        keys[i] = text
        hashes[i] = hash
        values[i] = value
        count += 1
    }

    private mutating func grow() {
        let old = (keys, hashes, values)
        let size = Swift.max(firstSize, keys.count * 2)
        keys = [String?](repeating: nil, count: size)
        hashes = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        count = 0
        // The places move: the words are learnt again.
        byWords = PlacesByWords()
        for i in old.0.indices {
            if let key = old.0[i], let value = old.2[i] { place(key, hash: old.1[i], value: value) }
        }
    }

    private static func withBytes<R>(_ text: String, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(text.utf8).withUnsafeBytes(body)
    }

    private static func equal(_ key: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        withBytes(key) { stored in
            stored.count == bytes.count
                && (bytes.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
    }
}

extension ExactTextTable: Sendable where Value: Sendable {}

/// Places (of an `ExactTextTable`) by the two words a `String` value is (`StringWords.words`):
/// two strings of the same two words are the same bytes (the same inline bytes, or one storage
/// object, which neither may change while the other holds it), so a text found here is the text
/// learnt at that place. The texts learnt are kept (`held`): their storages live, and no other
/// text takes their words. Learns nothing when a `String` is not two 64-bit words.
struct PlacesByWords: Sendable {
    private var first: [UInt64] = []
    private var second: [UInt64] = []
    /// Per table position: the place learnt; -1 when empty.
    private var places: [Int] = []
    private var held: [String] = []

    func place(of text: String) -> Int? {
        guard !places.isEmpty else { return nil }
        let (a, b) = StringWords.words(text)
        let mask = places.count - 1
        var i = Self.position(a, b, mask: mask)
        while places[i] >= 0 {
            if first[i] == a && second[i] == b { return places[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    mutating func learn(_ text: String, place: Int) {
        guard MemoryLayout<String>.size == 16 else { return }
        if (held.count + 1) * 2 > places.count { grow() }
        let (a, b) = StringWords.words(text)
        let mask = places.count - 1
        var i = Self.position(a, b, mask: mask)
        while places[i] >= 0 {
            if first[i] == a && second[i] == b {
                places[i] = place
                return
            }
            i = (i + 1) & mask
        }
        (first[i], second[i], places[i]) = (a, b, place)
        held.append(text)
    }

    private mutating func grow() {
        let old = (first, second, places)
        let size = Swift.max(16, places.count * 2)
        first = Array(repeating: 0, count: size)
        second = Array(repeating: 0, count: size)
        places = Array(repeating: -1, count: size)
        let mask = size - 1
        for k in old.2.indices where old.2[k] >= 0 {
            var i = Self.position(old.0[k], old.1[k], mask: mask)
            while places[i] >= 0 { i = (i + 1) & mask }
            (first[i], second[i], places[i]) = (old.0[k], old.1[k], old.2[k])
        }
    }

    private static func position(_ a: UInt64, _ b: UInt64, mask: Int) -> Int {
        let h = (a ^ (b &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: h >> 32) & mask
    }
}
