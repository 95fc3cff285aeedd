/// Strings made from pieces that meet at awkward places, the same every run (a fixed linear
/// congruential generator), for tests that hold a fast path against the path it replaced.
enum GeneratedStrings {
    static func make(from pieces: [String], count: Int, upTo maxPieces: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            (0..<(1 + next() % maxPieces)).map { _ in pieces[next() % pieces.count] }.joined()
        }
    }
}
