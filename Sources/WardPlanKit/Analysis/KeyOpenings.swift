/// The opening words of some phrases' patterns, for turning away a key none of them can match
/// before the matcher reads it (find35: `AssignedThemes` scans every duty twice over, and only
/// duties with an assigning clause can name a theme it keeps).
///
/// A pattern the matcher finds in a key is a run of the key's bytes: the key's words are single
/// spaces apart with one at each end, like the pattern's, and the automaton's words compare by
/// their bytes. So a key holding a match holds the pattern's first words with the spaces around
/// them, and a key that holds none of the openings has no match of any of the patterns. Only the
/// answer "none" is used; "some" sends the key to the matcher as before.
struct KeyOpenings: Sendable {
    /// Each pattern's bytes up to the space after its `words`-th word (or all of it), distinct.
    let openings: [[UInt8]]
    /// Whether some opening has this byte right after its first space.
    private let firstLetters: [Bool]

    /// The openings of `patterns` (padded keys, " w1 w2 … "), each at most `words` words long.
    init(patterns: [[UInt8]], words: Int) {
        var openings: [[UInt8]] = []
        for pattern in patterns {
            // A pattern that is not padded never matches (`PhraseMatcher`): nothing to look for.
            guard pattern.count >= 3, pattern.first == 0x20, pattern.last == 0x20 else { continue }
            var end = pattern.count
            var spaces = 0
            for i in 1..<pattern.count where pattern[i] == 0x20 {
                spaces += 1
                if spaces == words {
                    end = i + 1
                    break
                }
            }
            let opening = Array(pattern[0..<end])
            if !openings.contains(opening) { openings.append(opening) }
        }
        self.openings = openings
        var letters = [Bool](repeating: false, count: 256)
        for opening in openings { letters[Int(opening[1])] = true }
        firstLetters = letters
    }

    /// Whether `key` (a `TextKey`'s bytes) holds one of the openings.
    func any(in key: [UInt8]) -> Bool {
        guard !openings.isEmpty else { return false }
        return key.withUnsafeBufferPointer { key in
            firstLetters.withUnsafeBufferPointer { letters in
                let n = key.count
                var i = 0
                while i + 1 < n {
                    if key[i] == 0x20 && letters[Int(key[i + 1])] {
                        for opening in openings where i + opening.count <= n && opening[1] == key[i + 1] {
                            var k = 2
                            while k < opening.count && key[i + k] == opening[k] { k += 1 }
                            if k == opening.count { return true }
                        }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
