import Foundation
import Synchronization
import Testing

@testable import WardPlanKit

/// The one loop behind every "on all cores, in order" of the pipeline (files read, outputs staged,
/// JSON encoded, plans' findings made): each index's result in its slot, the same at any number
/// of threads.
@Suite("Parallel slots")
struct ParallelSlotsTests {
    /// Unequal work, so that threads finish out of order: index i spins longer for small i.
    static func work(_ i: Int) -> String {
        var x = UInt64(i)
        for _ in 0..<((50 - i % 50) * 200) { x = x &* 6_364_136_223_846_793_005 &+ 1 }
        return "\(i):\(x % 7)"
    }

    @Test(arguments: [0, 1, 2, 13, 200])
    func theResultsAreInTheIndicesOrderAtAnyNumberOfThreads(count: Int) {
        let expected = (0..<count).map(Self.work)
        for threads in [1, 2, 7] {
            #expect(ParallelSlots.map(count: count, threads: threads, Self.work) == expected, "\(threads) threads")
        }
    }

    @Test func eachIndexIsDoneOnce() {
        let done = Mutex<[Int]>([])
        let out = ParallelSlots.map(count: 100, threads: 7) { i in
            done.withLock { $0.append(i) }
            return i * i
        }
        #expect(out == (0..<100).map { $0 * $0 })
        #expect(done.withLock { $0.sorted() } == Array(0..<100))
    }

    @Test func anOrderToStartInLeavesTheResultsInTheIndicesOrder() {
        let order = [4, 0, 3, 1, 2]
        let started = Mutex<[Int]>([])
        let out = ParallelSlots.map(count: 5, threads: 2, order: order) { i in
            started.withLock { $0.append(i) }
            return Self.work(i)
        }
        #expect(out == (0..<5).map(Self.work))
        #expect(started.withLock { $0.sorted() } == Array(0..<5))
        // One thread starts them in that order, one after another.
        started.withLock { $0 = [] }
        let one = ParallelSlots.map(count: 5, threads: 1, order: order) { i in
            started.withLock { $0.append(i) }
            return Self.work(i)
        }
        #expect(one == out)
        #expect(started.withLock { $0 } == order)
    }

    @Test func errorsComeBackInTheirSlots() {
        struct Odd: Error, Equatable { var i: Int }
        let out = ParallelSlots.map(count: 9, threads: 7) { i -> Result<Int, Odd> in
            i % 2 == 1 ? .failure(Odd(i: i)) : .success(i)
        }
        #expect(out == (0..<9).map { $0 % 2 == 1 ? .failure(Odd(i: $0)) : .success($0) })
    }
}
