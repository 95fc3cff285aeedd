import CSHA256
import Foundation

/// SHA-256 (FIPS 180-4), to identify an input file by its bytes. The padding and the rounds are
/// Swift; on a processor with the SHA instructions the blocks go through them (the `CSHA256`
/// target, one C function): a first run hashes every input, hundreds of megabytes for a country.
enum SHA256 {
    static func hex(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in data.withUnsafeBytes({ digest($0) }) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func digest(_ message: [UInt8]) -> [UInt8] {
        message.withUnsafeBytes { digest($0) }
    }

    /// The eight words of the hash state.
    typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    /// Works on the bytes in place, a 64-byte block at a time: the cache hashes every new or
    /// changed input file, so this runs over hundreds of megabytes on a first run (no copy of the
    /// message, no bounds checks, no array in the rounds).
    static func digest(_ message: UnsafeRawBufferPointer, software: Bool = false) -> [UInt8] {
        var h: State = (
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
        )
        // The last one or two blocks: the message's tail, 0x80, zeros, the length in bits.
        let fullBlocks = message.count / 64
        let tailCount = message.count - fullBlocks * 64
        var tail = [UInt8](repeating: 0, count: tailCount < 56 ? 64 : 128)
        for i in 0..<tailCount { tail[i] = message[fullBlocks * 64 + i] }
        tail[tailCount] = 0x80
        let bitLength = UInt64(message.count) &* 8
        for i in 0..<8 { tail[tail.count - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * i)) }
        if let base = message.baseAddress { compress(base, blocks: fullBlocks, &h, software: software) }
        tail.withUnsafeBytes { tail in compress(tail.baseAddress!, blocks: tail.count / 64, &h, software: software) }
        return [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7].flatMap { word in
            (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - $0 * 8)) }
        }
    }

    /// Whether `compress(_:blocks:_:)` uses the processor's SHA-256 instructions: about a tenth of
    /// the instructions of the Swift rounds below, which are the fallback elsewhere.
    static let hardware = wardplans_sha256_hardware() == 1

    /// `blocks` 64-byte blocks at `p` into `h`, with the SHA instructions when the processor has
    /// them (`software` forces the Swift rounds; the tests compare the two).
    static func compress(_ p: UnsafeRawPointer, blocks: Int, _ h: inout State, software: Bool = false) {
        guard blocks > 0 else { return }
        guard hardware, !software else {
            for block in 0..<blocks { compress(p + block * 64, &h) }
            return
        }
        withUnsafeMutableBytes(of: &h) { words in
            wardplans_sha256_blocks(
                words.baseAddress!.assumingMemoryBound(to: UInt32.self), p.assumingMemoryBound(to: UInt8.self), blocks)
        }
    }

    /// One round: `h` becomes the new first word, the return value is added to `d` (the caller
    /// names the words so that nothing moves between rounds).
    @inline(__always)
    private static func step(
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32, _ a: UInt32, _ b: UInt32, _ c: UInt32
    ) -> UInt32 {
        let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ (g ^ (e & (f ^ g))) &+ kw
        h = t1 &+ (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) | (c & (a | b)))
        return t1
    }

    @inline(__always)
    private static func small0(_ x: UInt32) -> UInt32 { rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3) }

    @inline(__always)
    private static func small1(_ x: UInt32) -> UInt32 { rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10) }

    /// One 64-byte block into `h`: the 64 rounds written out, the working variables renamed round
    /// by round instead of moved, and the message schedule kept in 16 words (generated code: the
    /// loop form ran at about 80 instructions a byte).
    @inline(__always)
    private static func compress(_ p: UnsafeRawPointer, _ h: inout State) {
        var w0 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
        var w1 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        var w2 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        var w3 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
        var w4 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        var w5 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 20, as: UInt32.self))
        var w6 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 24, as: UInt32.self))
        var w7 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 28, as: UInt32.self))
        var w8 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 32, as: UInt32.self))
        var w9 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 36, as: UInt32.self))
        var w10 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 40, as: UInt32.self))
        var w11 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 44, as: UInt32.self))
        var w12 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 48, as: UInt32.self))
        var w13 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 52, as: UInt32.self))
        var w14 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 56, as: UInt32.self))
        var w15 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 60, as: UInt32.self))
        var (a, b, c, d, e, f, g, h7) = h
        d = d &+ step(e, f, g, &h7, 0x428a_2f98 &+ w0, a, b, c)
        c = c &+ step(d, e, f, &g, 0x7137_4491 &+ w1, h7, a, b)
        b = b &+ step(c, d, e, &f, 0xb5c0_fbcf &+ w2, g, h7, a)
        a = a &+ step(b, c, d, &e, 0xe9b5_dba5 &+ w3, f, g, h7)
        h7 = h7 &+ step(a, b, c, &d, 0x3956_c25b &+ w4, e, f, g)
        g = g &+ step(h7, a, b, &c, 0x59f1_11f1 &+ w5, d, e, f)
        f = f &+ step(g, h7, a, &b, 0x923f_82a4 &+ w6, c, d, e)
        e = e &+ step(f, g, h7, &a, 0xab1c_5ed5 &+ w7, b, c, d)
        d = d &+ step(e, f, g, &h7, 0xd807_aa98 &+ w8, a, b, c)
        c = c &+ step(d, e, f, &g, 0x1283_5b01 &+ w9, h7, a, b)
        b = b &+ step(c, d, e, &f, 0x2431_85be &+ w10, g, h7, a)
        a = a &+ step(b, c, d, &e, 0x550c_7dc3 &+ w11, f, g, h7)
        h7 = h7 &+ step(a, b, c, &d, 0x72be_5d74 &+ w12, e, f, g)
        g = g &+ step(h7, a, b, &c, 0x80de_b1fe &+ w13, d, e, f)
        f = f &+ step(g, h7, a, &b, 0x9bdc_06a7 &+ w14, c, d, e)
        e = e &+ step(f, g, h7, &a, 0xc19b_f174 &+ w15, b, c, d)
        w0 = w0 &+ small0(w1) &+ w9 &+ small1(w14)
        d = d &+ step(e, f, g, &h7, 0xe49b_69c1 &+ w0, a, b, c)
        w1 = w1 &+ small0(w2) &+ w10 &+ small1(w15)
        c = c &+ step(d, e, f, &g, 0xefbe_4786 &+ w1, h7, a, b)
        w2 = w2 &+ small0(w3) &+ w11 &+ small1(w0)
        b = b &+ step(c, d, e, &f, 0x0fc1_9dc6 &+ w2, g, h7, a)
        w3 = w3 &+ small0(w4) &+ w12 &+ small1(w1)
        a = a &+ step(b, c, d, &e, 0x240c_a1cc &+ w3, f, g, h7)
        w4 = w4 &+ small0(w5) &+ w13 &+ small1(w2)
        h7 = h7 &+ step(a, b, c, &d, 0x2de9_2c6f &+ w4, e, f, g)
        w5 = w5 &+ small0(w6) &+ w14 &+ small1(w3)
        g = g &+ step(h7, a, b, &c, 0x4a74_84aa &+ w5, d, e, f)
        w6 = w6 &+ small0(w7) &+ w15 &+ small1(w4)
        f = f &+ step(g, h7, a, &b, 0x5cb0_a9dc &+ w6, c, d, e)
        w7 = w7 &+ small0(w8) &+ w0 &+ small1(w5)
        e = e &+ step(f, g, h7, &a, 0x76f9_88da &+ w7, b, c, d)
        w8 = w8 &+ small0(w9) &+ w1 &+ small1(w6)
        d = d &+ step(e, f, g, &h7, 0x983e_5152 &+ w8, a, b, c)
        w9 = w9 &+ small0(w10) &+ w2 &+ small1(w7)
        c = c &+ step(d, e, f, &g, 0xa831_c66d &+ w9, h7, a, b)
        w10 = w10 &+ small0(w11) &+ w3 &+ small1(w8)
        b = b &+ step(c, d, e, &f, 0xb003_27c8 &+ w10, g, h7, a)
        w11 = w11 &+ small0(w12) &+ w4 &+ small1(w9)
        a = a &+ step(b, c, d, &e, 0xbf59_7fc7 &+ w11, f, g, h7)
        w12 = w12 &+ small0(w13) &+ w5 &+ small1(w10)
        h7 = h7 &+ step(a, b, c, &d, 0xc6e0_0bf3 &+ w12, e, f, g)
        w13 = w13 &+ small0(w14) &+ w6 &+ small1(w11)
        g = g &+ step(h7, a, b, &c, 0xd5a7_9147 &+ w13, d, e, f)
        w14 = w14 &+ small0(w15) &+ w7 &+ small1(w12)
        f = f &+ step(g, h7, a, &b, 0x06ca_6351 &+ w14, c, d, e)
        w15 = w15 &+ small0(w0) &+ w8 &+ small1(w13)
        e = e &+ step(f, g, h7, &a, 0x1429_2967 &+ w15, b, c, d)
        w0 = w0 &+ small0(w1) &+ w9 &+ small1(w14)
        d = d &+ step(e, f, g, &h7, 0x27b7_0a85 &+ w0, a, b, c)
        w1 = w1 &+ small0(w2) &+ w10 &+ small1(w15)
        c = c &+ step(d, e, f, &g, 0x2e1b_2138 &+ w1, h7, a, b)
        w2 = w2 &+ small0(w3) &+ w11 &+ small1(w0)
        b = b &+ step(c, d, e, &f, 0x4d2c_6dfc &+ w2, g, h7, a)
        w3 = w3 &+ small0(w4) &+ w12 &+ small1(w1)
        a = a &+ step(b, c, d, &e, 0x5338_0d13 &+ w3, f, g, h7)
        w4 = w4 &+ small0(w5) &+ w13 &+ small1(w2)
        h7 = h7 &+ step(a, b, c, &d, 0x650a_7354 &+ w4, e, f, g)
        w5 = w5 &+ small0(w6) &+ w14 &+ small1(w3)
        g = g &+ step(h7, a, b, &c, 0x766a_0abb &+ w5, d, e, f)
        w6 = w6 &+ small0(w7) &+ w15 &+ small1(w4)
        f = f &+ step(g, h7, a, &b, 0x81c2_c92e &+ w6, c, d, e)
        w7 = w7 &+ small0(w8) &+ w0 &+ small1(w5)
        e = e &+ step(f, g, h7, &a, 0x9272_2c85 &+ w7, b, c, d)
        w8 = w8 &+ small0(w9) &+ w1 &+ small1(w6)
        d = d &+ step(e, f, g, &h7, 0xa2bf_e8a1 &+ w8, a, b, c)
        w9 = w9 &+ small0(w10) &+ w2 &+ small1(w7)
        c = c &+ step(d, e, f, &g, 0xa81a_664b &+ w9, h7, a, b)
        w10 = w10 &+ small0(w11) &+ w3 &+ small1(w8)
        b = b &+ step(c, d, e, &f, 0xc24b_8b70 &+ w10, g, h7, a)
        w11 = w11 &+ small0(w12) &+ w4 &+ small1(w9)
        a = a &+ step(b, c, d, &e, 0xc76c_51a3 &+ w11, f, g, h7)
        w12 = w12 &+ small0(w13) &+ w5 &+ small1(w10)
        h7 = h7 &+ step(a, b, c, &d, 0xd192_e819 &+ w12, e, f, g)
        w13 = w13 &+ small0(w14) &+ w6 &+ small1(w11)
        g = g &+ step(h7, a, b, &c, 0xd699_0624 &+ w13, d, e, f)
        w14 = w14 &+ small0(w15) &+ w7 &+ small1(w12)
        f = f &+ step(g, h7, a, &b, 0xf40e_3585 &+ w14, c, d, e)
        w15 = w15 &+ small0(w0) &+ w8 &+ small1(w13)
        e = e &+ step(f, g, h7, &a, 0x106a_a070 &+ w15, b, c, d)
        w0 = w0 &+ small0(w1) &+ w9 &+ small1(w14)
        d = d &+ step(e, f, g, &h7, 0x19a4_c116 &+ w0, a, b, c)
        w1 = w1 &+ small0(w2) &+ w10 &+ small1(w15)
        c = c &+ step(d, e, f, &g, 0x1e37_6c08 &+ w1, h7, a, b)
        w2 = w2 &+ small0(w3) &+ w11 &+ small1(w0)
        b = b &+ step(c, d, e, &f, 0x2748_774c &+ w2, g, h7, a)
        w3 = w3 &+ small0(w4) &+ w12 &+ small1(w1)
        a = a &+ step(b, c, d, &e, 0x34b0_bcb5 &+ w3, f, g, h7)
        w4 = w4 &+ small0(w5) &+ w13 &+ small1(w2)
        h7 = h7 &+ step(a, b, c, &d, 0x391c_0cb3 &+ w4, e, f, g)
        w5 = w5 &+ small0(w6) &+ w14 &+ small1(w3)
        g = g &+ step(h7, a, b, &c, 0x4ed8_aa4a &+ w5, d, e, f)
        w6 = w6 &+ small0(w7) &+ w15 &+ small1(w4)
        f = f &+ step(g, h7, a, &b, 0x5b9c_ca4f &+ w6, c, d, e)
        w7 = w7 &+ small0(w8) &+ w0 &+ small1(w5)
        e = e &+ step(f, g, h7, &a, 0x682e_6ff3 &+ w7, b, c, d)
        w8 = w8 &+ small0(w9) &+ w1 &+ small1(w6)
        d = d &+ step(e, f, g, &h7, 0x748f_82ee &+ w8, a, b, c)
        w9 = w9 &+ small0(w10) &+ w2 &+ small1(w7)
        c = c &+ step(d, e, f, &g, 0x78a5_636f &+ w9, h7, a, b)
        w10 = w10 &+ small0(w11) &+ w3 &+ small1(w8)
        b = b &+ step(c, d, e, &f, 0x84c8_7814 &+ w10, g, h7, a)
        w11 = w11 &+ small0(w12) &+ w4 &+ small1(w9)
        a = a &+ step(b, c, d, &e, 0x8cc7_0208 &+ w11, f, g, h7)
        w12 = w12 &+ small0(w13) &+ w5 &+ small1(w10)
        h7 = h7 &+ step(a, b, c, &d, 0x90be_fffa &+ w12, e, f, g)
        w13 = w13 &+ small0(w14) &+ w6 &+ small1(w11)
        g = g &+ step(h7, a, b, &c, 0xa450_6ceb &+ w13, d, e, f)
        w14 = w14 &+ small0(w15) &+ w7 &+ small1(w12)
        f = f &+ step(g, h7, a, &b, 0xbef9_a3f7 &+ w14, c, d, e)
        w15 = w15 &+ small0(w0) &+ w8 &+ small1(w13)
        e = e &+ step(f, g, h7, &a, 0xc671_78f2 &+ w15, b, c, d)
        h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ h7)
    }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
