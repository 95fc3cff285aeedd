import Foundation

/// Answers of a function of a text alone (and of fixed data: the layout, the patterns), kept for
/// every plan a run reads. The plans of a city are written from a few templates: of the 24,754
/// non-blank lines of the 100 plans of `n-100`, 3,375 differ (of 255,783 in 1,000 plans, 15,650),
/// so the parser read the same line's shape, marker, fields and citations again in plan after plan.
/// `OfficeDirectory.SharedAnswers` keeps the offices' answers so; these keep the parser's own.
///
/// The answer is the function's own, whichever plan or thread asked first (the function reads
/// nothing but its arguments and constant data), so no output depends on the order plans are read
/// in. A text is kept by its bytes (`ExactText`); at most `limit` answers are kept, and texts of
/// more than `longest` bytes are not (hashing them costs what reading them does).
final class TextAnswers<Key: Hashable, Value>: @unchecked Sendable {
    // `known` is read and written under the lock only; `make` runs outside it.
    private let lock = NSLock()
    private var known: [Key: Value] = [:]
    let limit: Int

    static var longest: Int { 2_000 }

    init(limit: Int = 100_000) {
        self.limit = limit
    }

    /// `make()`, the answer for `key`, asked once for all plans.
    func answer(_ key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        let kept = known[key]
        lock.unlock()
        if let kept { return kept }
        let found = make()
        lock.lock()
        if known.count < limit { known[key] = found }
        lock.unlock()
        return found
    }

    /// The number of answers kept (for tests).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return known.count
    }
}

extension TextAnswers where Key == ExactText {
    /// `make()` for `text`: kept when the text is at most `longest` bytes, else made every time.
    func answer(_ text: String, _ make: () -> Value) -> Value {
        guard text.utf8.count <= Self.longest else { return make() }
        return answer(ExactText(text), make)
    }
}
