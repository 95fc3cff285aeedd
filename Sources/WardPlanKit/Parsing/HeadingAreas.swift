/// `Taxonomy.area(forHeading:)` kept for every plan read with one taxonomy's areas (`TextAnswers`):
/// the answer reads the heading's words against every area's heading phrases (about 20,000
/// instructions a heading), and a city's plans give their sections and groups the same headings.
/// The answer depends on the heading's text and the areas alone.
final class HeadingAreas: Sendable {
    let areas: [Taxonomy.Area]
    private let answers = TextAnswers<HashedText, String?>()

    private init(_ areas: [Taxonomy.Area]) {
        self.areas = areas
    }

    /// The area `taxonomy` gives a heading, as `taxonomy.area(forHeading:)`; `taxonomy`'s areas
    /// are those of this store (`of`).
    func area(forHeading text: String, in taxonomy: Taxonomy) -> String? {
        answers.answer(text) { taxonomy.area(forHeading: text) }
    }

    /// The store of `taxonomy`'s areas, made once for the areas last asked about: every plan's
    /// recognizer asks with the same taxonomy (the arrays then share their storage and compare at
    /// once).
    static func of(_ taxonomy: Taxonomy) -> HeadingAreas { made.value(for: taxonomy.areas, HeadingAreas.init) }

    private static let made = LastMade<[Taxonomy.Area], HeadingAreas>()
}
