import Foundation

/// A text as a dictionary key by its UTF-8 bytes. A `String` key hashes and compares up to
/// canonical equivalence, checking each scalar of Vietnamese text for NFC as it goes; these hash
/// and compare the bytes. The texts the parser keeps answers for are the readers' NFC lines and
/// pieces of them, where equal bytes and equal strings are the same thing; for any other text a
/// key by its bytes only keeps the answer to exactly that text.
struct ExactText: Hashable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (a: ExactText, b: ExactText) -> Bool { sameBytes(a.text, b.text) }

    func hash(into hasher: inout Hasher) {
        text.withContiguousUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Whether two texts have the same UTF-8 bytes (not only canonically equal), read in place and
    /// compared with `memcmp`: `utf8.elementsEqual` cost ≈ 1,000 instructions an evidence, and a
    /// `var` copy of each string for `withUTF8` a retain and a release of each (a kept key's string
    /// is shared by the threads, whose counts of it then pass from one core to the other). Two texts
    /// read at the same address are the same bytes without reading them: a line met again is the
    /// decoded string kept for all plans (`DecodedLineAnswers`), the one a store's key was made from.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        let count = a.utf8.count
        guard count == b.utf8.count else { return false }
        return a.withContiguousUTF8 { x in
            b.withContiguousUTF8 { y in
                count == 0 || x.baseAddress == y.baseAddress || memcmp(x.baseAddress!, y.baseAddress!, count) == 0
            }
        }
    }
}
