import Foundation

extension String {
    /// The text in Unicode NFC. Call it on a line or a paragraph, never on a whole document:
    /// Foundation's normalisation is quadratic in the length of its input.
    public var nfc: String {
        utf8.count <= NFCChunks.size ? precomposedStringWithCanonicalMapping : NFCChunks.normalize(self)
    }

    /// The text with runs of white space (tabs, no-break spaces, line breaks) made one space and the
    /// ends trimmed.
    public var collapsingWhitespace: String {
        // Scalar by scalar (Character properties were a tenth of reading time); a space is never
        // part of a grapheme with what follows, so this keeps every character intact.
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            let isSpace =
                scalar.isASCII
                ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace {
                    out.append(" ")
                    pendingSpace = false
                }
                out.append(scalar)
            }
        }
        return String(out)
    }
}

/// Normalises a long string piece by piece, so that one huge paragraph or line (a hostile file, or a
/// text with no line breaks) costs linear, not quadratic, time. A piece ends just before an ASCII
/// scalar: no ASCII scalar ever composes with what comes before it, so the pieces normalise exactly
/// as the whole would.
enum NFCChunks {
    static let size = 4096

    static func normalize(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var piece = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= size, scalar.isASCII {
                out += String(piece).precomposedStringWithCanonicalMapping
                piece.removeAll(keepingCapacity: true)
                count = 0
            }
            piece.append(scalar)
            count += 1
        }
        out += String(piece).precomposedStringWithCanonicalMapping
        return out
    }
}
