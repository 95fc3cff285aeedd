import Foundation

/// The pool's long texts as immortal strings: their bytes copied into memory that is never freed,
/// and the `String` made in the form the compiler gives a string literal longer than 15 bytes.
///
/// Why: every copy of a native `String` retains its storage (an atomic add on the storage's
/// header) and every drop releases it. A decoded plan's texts are copied all through a warm run
/// (the decode, the comparison, the outputs), and at 3,321 plans the texts lie far apart in
/// memory: `swift_retain` was 16.5 % of a warm `--html` run's samples and 19 % of the decode's
/// (decode44), nearly all of them retains of texts (`swift_bridgeObjectRetain`). The runtime skips
/// reference counting for an immortal string (the top bit of its object word: a "pointer" the
/// runtime does not take for an object), so a copy of one costs a call and a test, no memory
/// touched.
///
/// The cost: a text kept here is never freed. A pool keeps its long texts for as long as it lives
/// anyway (the plans read from one cache share them), and a run's pool lives until the run ends,
/// so a run of the tool holds no more than before (less: no object header and no `malloc`
/// rounding a text). A program that makes many caches, one after the other, would keep the texts
/// of each: so a pool makes its texts immortal only when asked (`PlanCache`'s `textsLiveToExit`,
/// which the command line sets, as it keeps its large values to the exit: `KeptToExit`); by
/// default its texts are native strings.
///
/// The form (Swift's `StringObject.swift`, the same on every 64-bit platform but Android's
/// AArch64): the first word is the count with the flags isASCII and isNFC (both set only for
/// ASCII, as for a native string) and isTailAllocated; the second the discriminator "immortal,
/// large" (the top bit) with the address of the first byte minus 32. The bytes end with a NUL, as
/// a literal's and a native string's do (`withCString` reads them in place). Made only when a
/// check at the first use finds such a string equal, byte for byte and by `==` and `hashValue`,
/// to the native one; otherwise the texts stay native.
extension TextPool {
    struct ImmortalTexts {
        /// Memory is taken in blocks of this size (a text longer than a sixteenth of it has a
        /// block of its own); a block's unused end is never touched, so its pages are never
        /// faulted in.
        static let blockSize = 1 << 20

        private var next: UnsafeMutableRawPointer? = nil
        private var left = 0

        /// Whether this platform's strings have the form above (checked once, on a sample text).
        static let available: Bool = {
            #if (arch(x86_64) || arch(arm64)) && !os(Android)
                var scratch = ImmortalTexts()
                for sample in ["a text longer than fifteen bytes", "ủy ban nhân dân phường Ba Đình"] {
                    let native = String(decoding: Array(sample.utf8), as: UTF8.self)
                    let made = scratch.make(native)
                    guard made == native, made.hashValue == native.hashValue,
                        made.utf8.elementsEqual(native.utf8), made.unicodeScalars.count == native.unicodeScalars.count,
                        made.withCString({ strlen($0) }) == native.utf8.count
                    else { return false }
                }
                return true
            #else
                return false
            #endif
        }()

        /// The text of the UTF-8 bytes `utf8` (more than 15), as `String(decoding:as:)` makes it,
        /// immortal when they are available. Valid bytes (nearly all) are checked and copied into
        /// the block at once, without a native string made and freed on the way (decode44: at
        /// 3,321 plans the texts a pool lacks were 11 % of the decode's samples).
        mutating func text(_ utf8: UnsafeRawBufferPointer) -> String {
            guard Self.available else { return String(decoding: utf8, as: UTF8.self) }
            let check = UTF8Check.check(utf8)
            guard check.valid else { return make(String(decoding: utf8, as: UTF8.self)) }
            return make(utf8, ascii: check.ascii)
        }

        private mutating func make(_ text: String) -> String {
            var text = text
            return text.withUTF8 {
                make(UnsafeRawBufferPointer($0), ascii: UTF8Check.check(UnsafeRawBufferPointer($0)).ascii)
            }
        }

        /// The immortal string of `utf8`, valid UTF-8 of more than 15 bytes (all ASCII: `ascii`).
        private mutating func make(_ utf8: UnsafeRawBufferPointer, ascii: Bool) -> String {
            precondition(utf8.count > TextPool.shortLength)
            let start = room(for: utf8.count + 1)
            start.copyMemory(from: utf8.baseAddress!, byteCount: utf8.count)
            start.storeBytes(of: 0, toByteOffset: utf8.count, as: UInt8.self)
            let address = UInt64(UInt(bitPattern: start)) &- 32
            precondition(address & 0xF000_0000_0000_0000 == 0 && utf8.count < 1 << 48)
            let flags: UInt64 = (ascii ? 0xC000_0000_0000_0000 : 0) | 0x1000_0000_0000_0000
            let bits: TextTable.Bits = (UInt64(utf8.count) | flags, 0x8000_0000_0000_0000 | address)
            return unsafeBitCast(bits, to: String.self)
        }

        /// The place of `count` bytes, in the current block or a new one.
        private mutating func room(for count: Int) -> UnsafeMutableRawPointer {
            if count > Self.blockSize / 16 {
                return .allocate(byteCount: count, alignment: 8)
            }
            if count > left {
                next = .allocate(byteCount: Self.blockSize, alignment: 8)
                left = Self.blockSize
            }
            let start = next!
            // The next text starts on 8 bytes, as `malloc`'s blocks do (the hash reads words).
            let used = (count + 7) & ~7
            next = start + used
            left -= Swift.min(used, left)
            return start
        }
    }
}

/// Whether bytes are valid UTF-8 (Unicode's table 3-7: no overlong forms, no surrogates, nothing
/// past U+10FFFF), and all ASCII: what `String(decoding:as:)` checks before it takes the bytes as
/// they are (it repairs any other). ASCII is read 8 bytes at a time, and a word with other bytes
/// skipped to the first of them (Vietnamese text mixes the two every few bytes).
enum UTF8Check {
    static func check(_ bytes: UnsafeRawBufferPointer) -> (valid: Bool, ascii: Bool) {
        let count = bytes.count
        var i = 0
        var ascii = true
        @inline(__always) func continuation(_ k: Int) -> Bool { bytes[k] & 0xC0 == 0x80 }
        while i < count {
            if i + 8 <= count {
                // Eight bytes at a time; on a word with a byte past 0x7F, on to that byte.
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let high = word & 0x8080_8080_8080_8080
                if high == 0 {
                    i += 8
                    continue
                }
                i += high.trailingZeroBitCount &>> 3
            } else if bytes[i] < 0x80 {
                i += 1
                continue
            }
            let lead = bytes[i]
            ascii = false
            switch lead {
            case 0xC2...0xDF:
                guard i + 1 < count, continuation(i + 1) else { return (false, false) }
                i += 2
            case 0xE0...0xEF:
                guard i + 2 < count, continuation(i + 2) else { return (false, false) }
                let second = bytes[i + 1]
                switch lead {
                case 0xE0: guard (0xA0...0xBF).contains(second) else { return (false, false) }
                case 0xED: guard (0x80...0x9F).contains(second) else { return (false, false) }
                default: guard continuation(i + 1) else { return (false, false) }
                }
                i += 3
            case 0xF0...0xF4:
                guard i + 3 < count, continuation(i + 2), continuation(i + 3) else { return (false, false) }
                let second = bytes[i + 1]
                switch lead {
                case 0xF0: guard (0x90...0xBF).contains(second) else { return (false, false) }
                case 0xF4: guard (0x80...0x8F).contains(second) else { return (false, false) }
                default: guard continuation(i + 1) else { return (false, false) }
                }
                i += 4
            default:
                return (false, false)
            }
        }
        return (true, ascii)
    }
}
