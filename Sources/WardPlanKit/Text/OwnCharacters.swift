/// A walk over a text's scalars that stands for a walk over its characters while each scalar is a
/// character of its own (`SimpleText.isOwnCharacter`, it and the scalar after it: then no grapheme
/// rule joins it to either neighbour), and says so when one is not, for the caller to walk the
/// characters instead. Plans' lines are nearly all such text; a walk over `Character`s runs the
/// grapheme rules at every step (about 150 instructions a character).
struct OwnCharacters: IteratorProtocol {
    private var scalars: String.UnicodeScalarView.Iterator
    private var current: Unicode.Scalar?
    /// A scalar that may join a neighbour was met: the walk stopped before it, or before the
    /// scalar it may join.
    private(set) var stopped = false

    init(_ text: String) {
        scalars = text.unicodeScalars.makeIterator()
        current = scalars.next()
    }

    /// The next character as its one scalar; nil at the end, or when `stopped`.
    mutating func next() -> Unicode.Scalar? {
        guard !stopped, let scalar = current else { return nil }
        let after = scalars.next()
        guard SimpleText.isOwnCharacter(scalar.value), after.map({ SimpleText.isOwnCharacter($0.value) }) ?? true
        else {
            stopped = true
            return nil
        }
        current = after
        return scalar
    }

    /// `hasCharacters(atLeast:)` by this walk where it can answer, by characters otherwise.
    static func hasCharacters(_ text: String, atLeast n: Int) -> Bool {
        guard n > 0 else { return true }
        guard text.utf8.count >= n else { return false }
        var walk = OwnCharacters(text)
        var count = 0
        while walk.next() != nil {
            count += 1
            if count >= n { return true }
        }
        return walk.stopped ? text.hasCharacters(atLeast: n) : false
    }
}
