import Foundation

extension String {
    /// The text in Unicode NFC. Call it on a line or a paragraph, never on a whole document:
    /// Foundation's normalisation is quadratic in the length of its input.
    public var nfc: String { precomposedStringWithCanonicalMapping }

    /// The text with runs of white space (tabs, no-break spaces, line breaks) made one space and the
    /// ends trimmed.
    public var collapsingWhitespace: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for ch in self {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch)
            }
        }
        return out
    }
}
