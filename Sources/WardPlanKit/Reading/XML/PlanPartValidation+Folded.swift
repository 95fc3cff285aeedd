import Foundation

/// A plan's element validated first with the non-ASCII characters of its text content folded to
/// `~` (`folded`), against the frame's schema without `phraseKey` (`XMLSchemaSet.reportPart`); only
/// when that finds a problem, validated again as it is against the frame's schema, whose problems
/// are then the answer. libxml2 reads non-ASCII text one character at a time and ASCII text in
/// runs: on n-100's plans (callgrind) their validation went from 1,753 M instructions to 1,388 M,
/// the fold's own 92 M included (docs/performance.md, xml34).
///
/// Why a folded element found valid is valid as it is (so the verdict and the problems are always
/// the ones of validating the bytes as they are):
/// - The fold changes only the bytes of complete, valid UTF-8 sequences of two or three bytes
///   (U+0080–U+07FF, U+1000–U+CFFF, U+E000–U+EFFF: all XML characters), each byte into `~`, outside
///   tags as the fold reads them (a `>` left in a value, which the writer escapes, would have it
///   fold the rest of that tag; the argument holds wherever a character is folded). A byte that is
///   not in such a sequence is left as it is, and `~` never completes a broken sequence, so bytes
///   that are not UTF-8 stay not UTF-8.
/// - Where a non-ASCII character is legal in XML (text, an attribute's value, a comment), so is
///   `~`; where it is not, neither is `~` (and `~` is not legal in a name where the character was).
/// - Every value type of `schema/wardplans-3.xsd` that takes `~` takes any XML character in its
///   place, any number of them (xs:string, xs:token; the one length facet is on a list of an
///   enumeration); every other one (the enumerations, the patterns, xs:boolean, xs:date,
///   xs:double, xs:gYear, the integers) refuses `~`, so a value with a folded character passes
///   only where any character passes. `FastPath34XMLTests` checks this against the schema file, so
///   a new type stops the tests.
/// - `reportPart` has no identity constraint (the comparison's apply only inside a `<comparison>`,
///   which a part's document cannot validly hold), so no key compares folded values; `phraseKey`
///   selects the prefix's empty `<phrases/>` and cannot fail in a part's document.
/// A folded element that fails but is valid as it is (a state read wrong by a `>` in a value) only
/// costs the second validation.
extension PlanPartValidation {
    /// What is wrong with `part` (the element of the plan with the id `id`) against the frame's
    /// schema: `problems(_:id:schema:)` with `schema` (`XMLSchemaSet.reportFrame`), its folded bytes
    /// validated first against `folded` (`XMLSchemaSet.reportPart`; or the two without the id types'
    /// patterns, `reportFrameIDs` and `reportPartIDs`: what is said above holds of them too, an id
    /// type without its pattern being an `xs:token`, which takes `~` and any XML character alike).
    static func frameProblems(
        _ part: [UInt8], id: String, schema: CompiledSchema = XMLSchemaSet.reportFrame,
        folded: CompiledSchema = XMLSchemaSet.reportPart
    ) -> [Diagnostic] {
        let foldedBytes = part.withUnsafeBufferPointer { Self.folded($0) }
        if problems(foldedBytes, id: id, schema: folded).isEmpty { return [] }
        return problems(part, id: id, schema: schema)
    }

    /// `part` with each byte of a two- or three-byte UTF-8 character of its text content (outside
    /// `<…>`) written as `~`; every other byte as it is. The bytes are looked at sixteen at a time:
    /// only a tag's `<` and `>` and the lead bytes of non-ASCII characters are taken one by one.
    static func folded(_ part: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let n = part.count
        guard let source = part.baseAddress, n > 0 else { return [] }
        let raw = UnsafeRawPointer(source)
        return [UInt8](unsafeUninitializedCapacity: n) { out, written in
            let target = UnsafeMutableRawPointer(out.baseAddress!)
            var inTag = false
            // The first byte not yet looked at: the bytes of a character folded are skipped.
            var next = 0
            var block = 0
            while block < n {
                // The block is copied as it is, then its characters folded (a copy of the whole
                // part first, then the blocks, read every byte twice).
                var events: UInt32
                if block + 16 <= n {
                    let v = raw.loadUnaligned(fromByteOffset: block, as: ByteRuns.Block.self)
                    target.storeBytes(of: v, toByteOffset: block, as: ByteRuns.Block.self)
                    events = eventBits(v)
                } else {
                    var tail = ByteRuns.Block(repeating: 0)
                    withUnsafeMutableBytes(of: &tail) {
                        $0.baseAddress!.copyMemory(from: raw + block, byteCount: n - block)
                    }
                    (target + block).copyMemory(from: raw + block, byteCount: n - block)
                    events = eventBits(tail) & ((1 << UInt32(n - block)) - 1)
                }
                if next > block {
                    // The end of a character folded in the block before: copied again just now.
                    for k in block..<next { out[k] = UInt8(ascii: "~") }
                    events &= ~((1 << UInt32(next - block)) - 1)
                }
                while events != 0 {
                    let p = block + events.trailingZeroBitCount
                    events &= events - 1
                    guard p >= next else { continue }
                    switch part[p] {
                    case UInt8(ascii: "<"): inTag = true
                    case UInt8(ascii: ">"): inTag = false
                    default:
                        guard !inTag else { continue }
                        // A character's bytes past this block are written here and again after
                        // the next block is copied (above).
                        switch foldableLength(part, at: p) {
                        case 2:
                            out[p] = UInt8(ascii: "~")
                            out[p + 1] = UInt8(ascii: "~")
                            next = p + 2
                        case 3:
                            out[p] = UInt8(ascii: "~")
                            out[p + 1] = UInt8(ascii: "~")
                            out[p + 2] = UInt8(ascii: "~")
                            next = p + 3
                        default: break
                        }
                    }
                }
                block += 16
            }
            written = n
        }
    }

    /// A bit for each byte of `v` that is `<`, `>` or a lead byte of a non-ASCII character (C0–FF;
    /// a continuation byte never starts a character the fold changes), the first byte the lowest bit.
    @inline(__always)
    static func eventBits(_ v: ByteRuns.Block) -> UInt32 {
        let found =
            ByteRuns.equal(v, 0x3C) .| ByteRuns.equal(v, 0x3E) .| (v .>= ByteRuns.Block(repeating: 0xC0))
        // A found lane is 0xFF: its high bits gathered into the top byte of each word.
        let words = unsafeBitCast(found, to: SIMD2<UInt64>.self)
        let gather: UInt64 = 0x0002_0408_1020_4081
        let low = ((words[0] & 0x8080_8080_8080_8080) &* gather) >> 56
        let high = ((words[1] & 0x8080_8080_8080_8080) &* gather) >> 56
        return UInt32(truncatingIfNeeded: low | high << 8)
    }

    /// The length of the character at `i` when it is a complete, valid UTF-8 sequence of two bytes
    /// (lead C2–DF) or three (lead E1–EC or EE, no surrogate nor non-character among them); else 0.
    @inline(__always)
    static func foldableLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = bytes[i]
        @inline(__always) func continuation(_ k: Int) -> Bool { k < bytes.count && bytes[k] & 0xC0 == 0x80 }
        switch lead {
        case 0xC2...0xDF: return continuation(i + 1) ? 2 : 0
        case 0xE1...0xEC, 0xEE: return continuation(i + 1) && continuation(i + 2) ? 3 : 0
        default: return 0
        }
    }
}
