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

    static func == (a: ExactText, b: ExactText) -> Bool {
        guard a.text.utf8.count == b.text.utf8.count else { return false }
        var first = a.text
        var second = b.text
        return first.withUTF8 { x in
            second.withUTF8 { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
