/// One block of the document tree as plan recognition visits it, in document order: a heading, an
/// item, a paragraph or a whole table, with its marker, its place in the tree and its source lines.
///
/// A class: the header parser, the legend, the shapes and the walk each take units out of the list
/// again and again, and a struct of two texts, a marker, a list of lines and a table was copied
/// (and each of its references retained and released) at every take. Nothing changes after
/// `flatten` has set `subtreeEnd`, so sharing one object is the same as copying it.
final class OutlineUnit {
    enum Kind {
        case heading(level: Int)
        case item
        case paragraph
        case table(TableBlock)
    }

    let kind: Kind
    let marker: Marker?
    /// The text without its marker.
    let body: String
    let emphasis: Emphasis?
    let span: SourceSpan
    /// The source lines that hold text (blank lines inside the span left out).
    let lines: [Int]
    /// Index of the first unit after this one's subtree (set by `flatten` once the subtree is in).
    fileprivate(set) var subtreeEnd: Int
    /// The text as written, marker included: "II. NHIỆM VỤ", "- Cơ quan chủ trì: …". Made once:
    /// the header parser, the legend and the walk each ask for it, and a marked unit's was a new
    /// string every time.
    let text: String

    init(
        kind: Kind, marker: Marker? = nil, body: String, emphasis: Emphasis? = nil, span: SourceSpan, lines: [Int],
        subtreeEnd: Int
    ) {
        self.kind = kind
        self.marker = marker
        self.body = body
        self.emphasis = emphasis
        self.span = span
        self.lines = lines
        self.subtreeEnd = subtreeEnd
        text = marker.map { "\($0.text) \(body)" } ?? body
    }

    var line: Int { span.line }
    var endLine: Int { span.endLine }

    var table: TableBlock? {
        if case .table(let t) = kind { return t }
        return nil
    }

    var isHeading: Bool {
        if case .heading = kind { return true }
        return false
    }

    /// The tree in document order (pre-order), each block once.
    static func flatten(_ tree: DocumentTree, contentLines: [Int]) -> [OutlineUnit] {
        var units: [OutlineUnit] = []
        for block in tree.blocks { visit(block, into: &units, contentLines: contentLines) }
        return units
    }

    /// Appends `block` and its children to `units`. A function of its own, the list passed in:
    /// a nested function that captured the list checked each access to it at run time.
    private static func visit(_ block: Block, into units: inout [OutlineUnit], contentLines: [Int]) {
        func lines(_ span: SourceSpan) -> [Int] { Self.lines(in: span, contentLines: contentLines) }
        let index = units.count
        switch block {
        case .heading(let h):
            units.append(
                OutlineUnit(
                    kind: .heading(level: h.level), marker: h.marker, body: h.text, span: h.span,
                    lines: lines(h.span), subtreeEnd: 0))
            for child in h.children { visit(child, into: &units, contentLines: contentLines) }
        case .item(let i):
            units.append(
                OutlineUnit(
                    kind: .item, marker: i.marker, body: i.text, emphasis: i.emphasis, span: i.span,
                    lines: lines(i.span), subtreeEnd: 0))
            for child in i.children { visit(child, into: &units, contentLines: contentLines) }
        case .paragraph(let p):
            units.append(
                OutlineUnit(
                    kind: .paragraph, body: p.text, emphasis: p.emphasis, span: p.span, lines: lines(p.span),
                    subtreeEnd: 0))
        case .table(let t):
            units.append(
                OutlineUnit(
                    kind: .table(t), body: "", span: t.span, lines: lines(t.span), subtreeEnd: 0))
        }
        units[index].subtreeEnd = units.count
    }
}

extension OutlineUnit {
    /// The lines of `contentLines` (sorted) inside `span`; its first line when none is.
    static func lines(in span: SourceSpan, contentLines: [Int]) -> [Int] {
        let start = contentLines.partitionPoint { $0 < span.line }
        let end = contentLines.partitionPoint { $0 <= span.endLine }
        return start < end ? Array(contentLines[start..<end]) : [span.line]
    }
}

extension Array where Element == Int {
    /// The first index whose element fails `belongs` (the array is partitioned by it).
    fileprivate func partitionPoint(_ belongs: (Int) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if belongs(self[mid]) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// The outline role of each unit (`PlanRecognizer.shape(of:)`), read once: the header parser, the
/// walk and its look-ahead for field lines all ask about the same units.
final class UnitShapes {
    private let units: [OutlineUnit]
    /// Read and written by `subscript` alone, on the thread that reads the plan: the runtime's
    /// check of each access is left out (asked ≈ 34,000 times in the 100 plans of `n-100`).
    @exclusivity(unchecked) private var shapes: [LineShape?]
    /// Capital-lettered lines that open a part of the document ("A. MỤC ĐÍCH, YÊU CẦU").
    private let letteredParts: UnitIndexSet

    init(_ units: [OutlineUnit]) {
        self.units = units
        shapes = Array(repeating: nil, count: units.count)
        letteredParts = UnitIndexSet(LetteredParts.indices(in: units))
    }

    subscript(_ index: Int) -> LineShape {
        if let known = shapes[index] { return known }
        let unit = units[index]
        let shape =
            letteredParts.contains(index)
            ? .part(ref: unit.marker!.value, title: unit.body) : PlanRecognizer.shape(of: unit)
        shapes[index] = shape
        return shape
    }
}
