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
    final class SharedAnswers: @unchecked Sendable {
        // The dictionaries are read and written under the lock only.
        private let lock = NSLock()
        private var resolutions: [ExactText: Resolution] = [:]
        private var assignments: [ExactText: InlineAssignment?] = [:]
        static let limit = 200_000

        /// `make()`, the resolution of `key`'s text, asked once for all plans.
        func resolution(_ key: ExactText, _ make: () -> Resolution) -> Resolution {
            lock.lock()
            let known = resolutions[key]
            lock.unlock()
            if let known { return known }
            let found = make()
            lock.lock()
            if resolutions.count < Self.limit { resolutions[key] = found }
            lock.unlock()
            return found
        }

        /// `make()`, the inline assignment of `key`'s text, asked once for all plans.
        func assignment(_ key: ExactText, _ make: () -> InlineAssignment?) -> InlineAssignment? {
            lock.lock()
            let known = assignments[key]
            lock.unlock()
            if let known { return known }
            let found = make()
            lock.lock()
            if assignments.count < Self.limit { assignments[key] = .some(found) }
            lock.unlock()
            return found
        }
    }
}
