/// What a line that opens a paragraph or an item says, read once for all plans by its text (one
/// kept answer, `TextAnswers`): the marker it is typed with, if any (`TypedMarker`), and the
/// outline role of the unit it opens (`PlanRecognizer.shape(marker:body:bodyShape:)`).
///
/// The tree builder asked the typed markers' store for the line, and the recognizer then asked
/// the line shapes' store for the unit's text: two kept answers of one line, each look-up hashing
/// the text and probing a large table (at 3,321 plans the two look-ups were ≈ 3.7 % of `extract`'s
/// samples, most of it the probes' memory). The block made of the line keeps the reading
/// (`LineReadingSlot`, dropped when its marker or text is changed), and the unit made of the block
/// takes its shape from there.
///
/// A class: the kept answer is shared by every block of every plan whose line has this text.
final class LineReading: Sendable {
    /// The marker the line opens with and the text after it (`TypedMarker.read`).
    let typed: (marker: Marker, text: String)?
    /// The outline role of the unit the line opens: of an item with `typed`'s marker and text, or
    /// of a paragraph of the whole text.
    let shape: LineShape

    init(typed: (marker: Marker, text: String)?, shape: LineShape) {
        self.typed = typed
        self.shape = shape
    }

    /// The reading of `text`, kept for all plans (texts over `TextAnswers.longest` bytes are read
    /// every time).
    static func of(_ text: String) -> LineReading {
        readings.answer(text) { read(text) }
    }

    private static let readings = TextAnswers<HashedText, LineReading>()

    /// `of` without the kept answers: `TypedMarker.read`'s answer and the shape of the unit it
    /// gives, each read without their own stores.
    static func read(_ text: String) -> LineReading {
        let typed = TypedMarker.mayOpenMarker(text) ? TypedMarker.readText(text) : nil
        let shape = PlanRecognizer.shape(marker: typed?.marker, body: typed?.text ?? text, bodyShape: LineShape.read)
        return LineReading(typed: typed, shape: shape)
    }
}

/// A block's `LineReading`, kept beside the block and not part of what it is: two blocks with the
/// same marker, text and children are equal (and hash alike) whether or not either was read so.
/// Set by the tree builder with the marker and text the reading gave; a block whose marker or text
/// is changed afterwards drops it (`didSet`), so a reading held is always the block's own.
struct LineReadingSlot: Hashable, Sendable {
    var reading: LineReading?

    static func == (a: LineReadingSlot, b: LineReadingSlot) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
