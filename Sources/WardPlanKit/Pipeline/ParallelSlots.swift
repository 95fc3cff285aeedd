/// Slots that threads fill, each slot by one thread only, read after all threads are done. A
/// buffer allocated once: writes to distinct slots share no Swift value, so there is nothing to race on.
final class ParallelSlots<Value>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Value?>
    let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    subscript(i: Int) -> Value? {
        get { base[i] }
        set { base[i] = newValue }
    }

    func values() -> [Value] { (0..<count).map { base[$0]! } }
}
