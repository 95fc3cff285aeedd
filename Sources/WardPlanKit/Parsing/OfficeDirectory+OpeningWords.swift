extension OfficeDirectory {
    /// The words normalised office words may open with, and the ignored words, as UTF-8: the test
    /// of a text's opening (`mayOpenWithOffice`) folds a few dozen bytes into a buffer on the stack
    /// and compares its first kept word with these, making no string, array or hash on the way.
    struct OpeningWords: Sendable {
        private let opening: [[UInt8]]
        private let ignored: [[UInt8]]

        init(opening: Set<Substring>, ignored: Set<Substring>) {
            self.opening = opening.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
            self.ignored = ignored.map { Array($0.utf8) }
        }

        /// How many bytes of a text are folded: a few words.
        static let openingBytes = 48

        /// Whether the first word of the key of `utf8`'s opening that is not ignored is an opening
        /// word; true when the opening's whole words are all ignored and the text goes on (the
        /// opening does not tell), false for a text with no kept word at all.
        func mayOpen(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
            var end = min(utf8.count, Self.openingBytes)
            while end < utf8.count, utf8[end] & 0xC0 == 0x80 { end -= 1 }
            let whole = end == utf8.count
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * end + 2) { buffer in
                let count = FoldTable.fold(
                    UnsafeBufferPointer(rebasing: utf8[..<end]), into: buffer.baseAddress!, origins: nil)
                // The padded key " w1 w2 … ": each word runs from after a space to the next space.
                var start = 1
                while start < count {
                    var stop = start
                    while buffer[stop] != 0x20 { stop += 1 }
                    // The opening may end inside a word: its last word may be cut short.
                    if !whole && stop == count - 1 { return true }
                    let word = UnsafeBufferPointer(rebasing: buffer[start..<stop])
                    if !ignored.contains(where: { $0.elementsEqual(word) }) {
                        return opening.contains { $0.elementsEqual(word) }
                    }
                    start = stop + 1
                }
                return !whole
            }
        }
    }
}
