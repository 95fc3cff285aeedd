import Foundation
import Testing

@testable import WardPlanKit

/// parse40's cuts held against what they replace: `HashedText`'s bits read sixteen bytes a step,
/// and `ExactText.sameBytes` answered at once for two texts at one address.
@Suite("Fast paths (parse40)")
struct FastPath40ParseTests {
    // MARK: HashedText.bits, sixteen bytes a step

    /// The bits of texts read sixteen bytes a step: every byte counts at every length up to 200
    /// (one, two and twelve steps and the words and bytes after them), the same bytes at another
    /// address give the same bits, two sixteen-byte blocks swapped or two words of a block swapped
    /// give other bits, and so do texts whose second word of a block differs only there.
    @Test func theBitsReadEveryByteSixteenAtATime() {
        let base = Array(String(repeating: "Ủy ban nhân dân phường chủ trì\t; CR\r\n ", count: 6).utf8)
        for n in [0, 1, 7, 8, 9, 15, 16, 17, 23, 24, 31, 32, 33, 47, 48, 49, 100, 191, 192, 193, 200] {
            let bytes = Array(base[..<n])
            let bits = bytes.withUnsafeBufferPointer { HashedText.bits(of: $0) }
            let copy = [UInt8](repeating: 0x55, count: 5) + bytes
            #expect(
                copy.withUnsafeBufferPointer { HashedText.bits(of: UnsafeBufferPointer(rebasing: $0[5...])) } == bits)
            for k in 0..<n {
                var changed = bytes
                changed[k] ^= 0x01
                #expect(changed.withUnsafeBufferPointer { HashedText.bits(of: $0) } != bits, "length \(n), byte \(k)")
            }
        }
        // Blocks and words swapped: other bits (the state goes into each step, and the two words of
        // a step are mixed with different words of the seed).
        let blocks = Array("0123456789abcdefFEDCBA9876543210".utf8)
        let swappedBlocks = Array(blocks[16...] + blocks[..<16])
        let swappedWords = Array(blocks[8..<16] + blocks[..<8] + blocks[16...])
        let bitsOf = { (bytes: [UInt8]) in bytes.withUnsafeBufferPointer { HashedText.bits(of: $0) } }
        #expect(bitsOf(blocks) != bitsOf(swappedBlocks))
        #expect(bitsOf(blocks) != bitsOf(swappedWords))
        // Texts as keys: the same bytes in NFC and NFD are other texts, and long texts that differ
        // only in their middle are other keys.
        let long = String(repeating: "Phòng Văn hóa - Xã hội ", count: 20)
        #expect(HashedText(long + "a" + long) != HashedText(long + "b" + long))
        #expect(HashedText(long + "a" + long) == HashedText(FastPath35ParseTests.again(long + "a" + long)))
        #expect(HashedText("Pho\u{0300}ng " + long).bits != HashedText("Phòng " + long).bits)
    }

    /// Two texts at the same address are the same bytes; at other addresses they are compared:
    /// `sameBytes` against the byte lists for a text and itself, its copy, a text one byte apart,
    /// NFD against NFC, small (inline) and large strings, empty.
    @Test func sameBytesAtOneAddressOrTwo() {
        let long = String(repeating: "Ủy ban nhân dân phường chủ trì; ", count: 10)
        let texts =
            FastPath39ParseTests.edges + [
                long, long + "a", long + "b", "Phòng " + long, "Pho\u{0300}ng " + long, "short", "shorT",
            ]
        for a in texts {
            #expect(ExactText.sameBytes(a, a))
            #expect(ExactText.sameBytes(a, FastPath35ParseTests.again(a)))
            for b in texts {
                #expect(ExactText.sameBytes(a, b) == (Array(a.utf8) == Array(b.utf8)), "\(a.debugDescription)")
            }
        }
    }
}
