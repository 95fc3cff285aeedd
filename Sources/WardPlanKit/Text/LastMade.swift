import Synchronization

/// A value made from the data last asked about, made again only when other data is asked: every
/// plan of a run asks with the same shipped data (a metric catalog, a taxonomy's areas), so the
/// value is made once a run, and a test that brings other data gets a value of its own.
final class LastMade<Key: Equatable & Sendable, Value: Sendable>: Sendable {
    private let last = Mutex<(key: Key, value: Value)?>(nil)

    func value(for key: Key, _ make: (Key) -> Value) -> Value {
        last.withLock { last in
            if let last, last.key == key { return last.value }
            let made = make(key)
            last = (key, made)
            return made
        }
    }
}
