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
        private let resolutions = Answers<Resolution>()
        private let assignments = Answers<InlineAssignment?>()
        private let paragraphs = Answers<InlineAssignment>()
        private let openings = Answers<Bool>()
        static let limit = 200_000

        /// `make()`, the resolution of `key`'s text, asked once for all plans.
        func resolution(_ key: ExactText, _ make: () -> Resolution) -> Resolution {
            resolutions.answer(key, make)
        }

        /// `make()`, the inline assignment of `key`'s text, asked once for all plans.
        func assignment(_ key: ExactText, _ make: () -> InlineAssignment?) -> InlineAssignment? {
            assignments.answer(key, make)
        }

        /// `make()`, `InlineAssignment.readParagraph` of `key`'s text, asked once for all plans.
        func paragraph(_ key: ExactText, _ make: () -> InlineAssignment) -> InlineAssignment {
            paragraphs.answer(key, make)
        }

        /// `make()`, `InlineAssignment.opensAssignment` of `key`'s text, asked once for all plans.
        func opensAssignment(_ key: ExactText, _ make: () -> Bool) -> Bool {
            openings.answer(key, make)
        }

        /// One kind of answer by text, at most `limit` of them.
        private final class Answers<Value>: @unchecked Sendable {
            // Read and written under the lock only; `make` runs outside it.
            private let lock = NSLock()
            // Keyed by `HashedText`: the same bytes, hashed once and eight at a time.
            private var known: [HashedText: Value] = [:]

            func answer(_ exact: ExactText, _ make: () -> Value) -> Value {
                let key = HashedText(exact.text)
                lock.lock()
                let kept = known[key]
                lock.unlock()
                if let kept { return kept }
                let found = make()
                lock.lock()
                if known.count < SharedAnswers.limit { known[key] = found }
                lock.unlock()
                return found
            }
        }
    }
}
