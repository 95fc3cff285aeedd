/// An item's area evidence (`areaEvidence` of a task, a narrative item, a target) in the plan
/// cache's encoding, written as references to evidence the reader already holds.
///
/// The classifier makes an item's area evidence from its themes' evidence and the evidence of the
/// heading it sits under, and the items under one heading repeat that heading's evidence. In the
/// 500 plans of n-500 (decode32, counted on their JSON), of 89,400 area-evidence values 55,567
/// were one of the item's own themes' evidence and 27,217 one of the previous item's area
/// evidence; of 43,471 non-empty lists 7,243 were a whole theme's list and 3,176 the previous
/// item's. Read as values, each cost its five fields (≈ 245 instructions) and each list an
/// allocation (≈ 210); a reference is one number and a copy of a value (or of the list, which
/// shares its storage).
///
///     area evidence = 0                       no evidence
///                   | 1                       the previous item's area evidence, the same list
///                   | 2 · k                   the evidence of the item's theme k, the same list
///                   | (count + 2) · element…
///     element       = 0 · evidence            an evidence written in full
///                   | 2i + 1                  the previous item's area evidence's element i
///                   | 2i + 2                  element i of the item's themes' evidence, one after
///                                             the other in theme order
///
/// "Previous" is the last non-empty area evidence written before, by the same writer, of any of
/// the three kinds (the plan writes targets, tasks and narrative items in turn; the reader reads
/// them in the same order). A reference is written only for a value with the same bytes
/// (`sameBytes`): `Evidence`'s `==` holds for canonically equivalent texts, which must keep their
/// own bytes.
extension BinaryWriter {
    mutating func areaEvidence(_ list: [Evidence], themes: [ThemeMatch]) {
        if list.isEmpty { return varint(0) }
        defer { previousAreaEvidence = list }
        if Evidence.sameBytes(list, previousAreaEvidence) { return varint(1) }
        if let k = themes.firstIndex(where: { Evidence.sameBytes(list, $0.evidence) }) {
            varint(2)
            return varint(UInt64(k))
        }
        varint(UInt64(list.count) + 2)
        let own = themes.flatMap(\.evidence)
        for evidence in list {
            if let i = own.firstIndex(where: { $0.sameBytes(as: evidence) }) {
                varint(UInt64(i) * 2 + 2)
            } else if let i = previousAreaEvidence.firstIndex(where: { $0.sameBytes(as: evidence) }) {
                varint(UInt64(i) * 2 + 1)
            } else {
                varint(0)
                evidence.write(to: &self)
            }
        }
    }
}

extension BinaryReader {
    /// The area evidence `areaEvidence(_:themes:)` wrote, `themes` being the item's themes as read.
    /// A reference to a value the reader does not hold is damage.
    mutating func areaEvidence(themes: [ThemeMatch]) throws -> [Evidence] {
        // A count no larger than the bytes left: the forms 1 and 2 are followed by the item's
        // other fields (its secondary areas and line at least).
        let head = try count()
        let list: [Evidence]
        switch head {
        case 0: return []
        case 1:
            guard !previousAreaEvidence.isEmpty else { throw Self.referenceFailure }
            return previousAreaEvidence
        case 2:
            let k = try varint()
            guard k < UInt64(themes.count), !themes[Int(k)].evidence.isEmpty else { throw Self.referenceFailure }
            list = themes[Int(k)].evidence
        case 3: list = [try areaElement(themes)]
        case 4:
            let first = try areaElement(themes)
            list = [first, try areaElement(themes)]
        case 5:
            let first = try areaElement(themes)
            let second = try areaElement(themes)
            list = [first, second, try areaElement(themes)]
        default:
            var values: [Evidence] = []
            values.reserveCapacity(head - 2)
            for _ in 0..<(head - 2) { values.append(try areaElement(themes)) }
            list = values
        }
        previousAreaEvidence = list
        return list
    }

    private static var referenceFailure: PlanBinaryCoder.Failure {
        .init(description: "an area evidence that refers to none")
    }

    /// One element of an area evidence list.
    @inline(__always)
    private mutating func areaElement(_ themes: [ThemeMatch]) throws -> Evidence {
        let code = try varint()
        if code == 0 { return try Evidence(from: &self) }
        if code & 1 == 1 {
            let i = (code - 1) / 2
            guard i < UInt64(previousAreaEvidence.count) else { throw Self.referenceFailure }
            return previousAreaEvidence[Int(i)]
        }
        var i = (code - 2) / 2
        for theme in themes {
            if i < UInt64(theme.evidence.count) { return theme.evidence[Int(i)] }
            i -= UInt64(theme.evidence.count)
        }
        throw Self.referenceFailure
    }
}

extension Evidence {
    /// The same value with the same bytes: texts compared by their UTF-8, not as `==` compares them;
    /// with `memcmp` (`ExactText.sameBytes`): `utf8.elementsEqual` cost ≈ 2,200 instructions a list
    /// the cache writer compares, 74 M of a cold n-100 run (lead45).
    func sameBytes(as other: Evidence) -> Bool {
        line == other.line && column == other.column && basis == other.basis
            && ExactText.sameBytes(phrase, other.phrase) && ExactText.sameBytes(matched, other.matched)
    }

    static func sameBytes(_ a: [Evidence], _ b: [Evidence]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.sameBytes(as: $1) }
    }
}
