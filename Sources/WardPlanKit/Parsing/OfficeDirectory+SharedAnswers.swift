import Foundation

extension OfficeDirectory {
    /// Answers that depend on a text and this directory alone, kept for every plan read with the
    /// directory: what `resolve` and `InlineAssignment.read` said of a text, keyed by its bytes
    /// (`ExactText`). The plans of one city are written from the same template and name the same
    /// offices, so most texts one plan asks about another asked before; each plan's recognizer kept
    /// its own answers only (`PlanRecognizer`'s `resolutions`, `assignments`).
    ///
    /// The answers are the functions' own, whichever plan or thread asked first, so the output does
    /// not depend on the order plans are read in. At most `limit` texts of each kind are kept.
    final class SharedAnswers: Sendable {
        // Keyed by `HashedText`: the same bytes, hashed once and eight at a time.
        private let resolutions = TextAnswers<HashedText, Resolution>(limit: SharedAnswers.limit)
        private let assignments = TextAnswers<HashedText, InlineAssignment?>(limit: SharedAnswers.limit)
        private let paragraphs = TextAnswers<HashedText, InlineAssignment>(limit: SharedAnswers.limit)
        private let openings = TextAnswers<HashedText, Bool>(limit: SharedAnswers.limit)
        private let leadingSplits = TextAnswers<HashedText, (office: String, duty: String)?>(
            limit: SharedAnswers.limit)
        private let workOpenings = TextAnswers<HashedText, Bool>(limit: SharedAnswers.limit)
        static let limit = 200_000

        /// `make()`, the resolution of `key`'s text, asked once for all plans.
        func resolution(_ key: ExactText, _ make: () -> Resolution) -> Resolution {
            resolutions.answer(HashedText(key.text), make)
        }

        /// `resolution` by a key made already (the recognizer keeps its plan's answers by it too).
        func resolution(_ key: HashedText, _ make: () -> Resolution) -> Resolution {
            resolutions.answer(key, make)
        }

        /// `make()`, the inline assignment of `key`'s text, asked once for all plans.
        func assignment(_ key: ExactText, _ make: () -> InlineAssignment?) -> InlineAssignment? {
            assignments.answer(HashedText(key.text), make)
        }

        /// `assignment` by a key made already.
        func assignment(_ key: HashedText, _ make: () -> InlineAssignment?) -> InlineAssignment? {
            assignments.answer(key, make)
        }

        /// `make()`, `InlineAssignment.readParagraph` of `key`'s text, asked once for all plans.
        func paragraph(_ key: ExactText, _ make: () -> InlineAssignment) -> InlineAssignment {
            paragraphs.answer(HashedText(key.text), make)
        }

        /// `make()`, `InlineAssignment.opensAssignment` of `key`'s text, asked once for all plans.
        func opensAssignment(_ key: ExactText, _ make: () -> Bool) -> Bool {
            openings.answer(HashedText(key.text), make)
        }

        /// `make()`, `splitLeadingOffice` of `text`, asked once for all plans.
        func leadingSplit(_ text: String, _ make: () -> (office: String, duty: String)?) -> (
            office: String, duty: String
        )? {
            leadingSplits.answer(text, make)
        }

        /// `make()`, `PlanRecognizer.opensWithWork` of `text` with this directory, asked once for
        /// all plans.
        func workOpening(_ text: String, _ make: () -> Bool) -> Bool {
            workOpenings.answer(text, make)
        }

        /// `opensAssignment` by a key made already.
        func opensAssignment(_ key: HashedText, _ make: () -> Bool) -> Bool {
            openings.answer(key, make)
        }
    }
}
