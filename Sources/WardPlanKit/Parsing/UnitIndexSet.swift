/// A set of a plan's unit indices (`OutlineUnit`s, 0 up to the unit count) as one flag per index.
///
/// The recognizer asks, for every unit and again in each look-ahead, whether the front matter took
/// it, whether a task took it ahead of the walk and whether it was placed: as `Set<Int>` each ask
/// hashed the index with the standard hasher (SipHash, ≈ 100 instructions), ≈ 370,000 times in
/// the 100 plans of `n-100`. A flag is read by its index. What the set holds, and so every answer,
/// is the same; it lists its members in increasing order.
struct UnitIndexSet: Sequence, ExpressibleByArrayLiteral, Equatable {
    private var flags: [Bool] = []
    private(set) var count = 0

    init() {}

    init(arrayLiteral elements: Int...) {
        self.init(elements)
    }

    init(_ elements: some Sequence<Int>) {
        for element in elements { insert(element) }
    }

    var isEmpty: Bool { count == 0 }

    /// Whether `index` is in the set: no negative index or index past the last flag ever is.
    func contains(_ index: Int) -> Bool {
        index >= 0 && index < flags.count && flags[index]
    }

    /// Puts `index` (0 or more) in the set; whether it was not in it before.
    @discardableResult
    mutating func insert(_ index: Int) -> Bool {
        precondition(index >= 0, "a unit index is 0 or more")
        if index >= flags.count {
            // Room for the next indices too: a plan's units are met in order.
            flags.append(contentsOf: repeatElement(false, count: Swift.max(index + 1 - flags.count, flags.count, 64)))
        }
        if flags[index] { return false }
        flags[index] = true
        count += 1
        return true
    }

    mutating func formUnion(_ other: some Sequence<Int>) {
        for index in other { insert(index) }
    }

    static func == (a: UnitIndexSet, b: UnitIndexSet) -> Bool {
        a.count == b.count && a.allSatisfy(b.contains)
    }

    func makeIterator() -> some IteratorProtocol<Int> {
        flags.indices.lazy.filter { flags[$0] }.makeIterator()
    }
}
