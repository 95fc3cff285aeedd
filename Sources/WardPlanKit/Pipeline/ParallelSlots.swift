import Foundation
import Synchronization

/// Slots that threads fill, each slot by one thread only, read after all threads are done. A
/// buffer allocated once: writes to distinct slots share no Swift value, so there is nothing to race on.
final class ParallelSlots<Value>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Value?>
    let count: Int

    private init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    private subscript(i: Int) -> Value? {
        get { base[i] }
        set { base[i] = newValue }
    }

    /// `work(i)` for every `i` in `0..<count`, on up to `threads` threads, each index taken by the
    /// next free thread: the results in the order of the indices, the same at any number of
    /// threads. `order`, when given (a permutation of the indices), is the order they are started
    /// in, the heaviest first, say; the results keep the indices' order all the same.
    static func map(
        count: Int, threads: Int, order: [Int]? = nil, _ work: @Sendable (Int) -> Value
    ) -> [Value] {
        precondition(order.map { $0.count == count } ?? true, "order must name every index once")
        let slots = ParallelSlots(count: count)
        let next = Atomic<Int>(0)
        // One worker runs on the calling thread.
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, count))) { _ in
            while true {
                let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard k < count else { return }
                let i = order?[k] ?? k
                slots[i] = work(i)
            }
        }
        // Moved out, not copied: a copy retained every reference in the value (a plan's twenty),
        // and freeing the slots released them all again, on this thread alone.
        return (0..<count).map { slots.take($0) }
    }

    /// The value of slot `i`, moved out; the slot is left empty.
    private func take(_ i: Int) -> Value {
        let value = (base + i).move()
        (base + i).initialize(to: nil)
        return value!
    }
}

/// Values a step no longer reads, freed on another thread when more than one is allowed (at once on
/// this one otherwise): freeing millions of small objects need not hold up what comes next
/// (compare31: the plans' findings at the end of `Comparer.compare`). A caller that ends the process
/// next gives a `Keeper` instead (`CompareJob.keepToExit`): the values go to it and are never freed,
/// neither on this thread nor beside the outputs (compare33).
enum LaterRelease {
    /// Takes values to keep until the process exits.
    typealias Keeper = @Sendable (any Sendable) -> Void

    static func hand<Value: Sendable>(_ value: consuming Value, threads: Int, keep: Keeper? = nil) {
        if let keep {
            keep(consume value)
            return
        }
        guard threads > 1 else { return }
        let box = Box(consume value)
        DispatchQueue.global().async { box.clear() }
    }

    /// The only reference to the value: cleared on the other thread.
    private final class Box<Value>: @unchecked Sendable {
        private var value: Value?

        init(_ value: consuming Value) { self.value = consume value }

        func clear() { value = nil }
    }
}
