import Dispatch
import Foundation
import Testing

@testable import WardPlanKit

/// parse40's cuts held against what they replace: a line's typed marker and its unit's shape read
/// in one kept answer (`LineReading`) where the tree builder and the recognizer each looked one up.
@Suite("Fast paths (parse40)")
struct FastPath40ParseTests {
    /// Bodies after every marker style the tree builder types, and the edge texts on their own.
    static var lines: [String] {
        let bodies =
            FastPath39ParseTests.edges + [
                "Cơ quan chủ trì: Công an phường", "Cơ quan thực hiện: Phòng Kinh tế\r\n", "Nhiệm vụ: Rà soát thủ tục",
                "Thời gian: Quý II/2026", "Sản phẩm: Báo cáo", "Rà soát, đơn giản hóa thủ tục hành chính",
                "Chủ trì:\tVăn phòng HĐND và UBND", "co\u{0301} quan chu\u{0309} tri\u{0300}: Phòng", "Phụ lục II",
                "Nhiệm vụ thứ nhất:", "(Chủ trì: Đoàn Thanh niên; thời gian: Quý III/2026)",
                "→ VP chủ trì, CA phối hợp",
                "MỤC ĐÍCH, YÊU CẦU", "",
            ]
        let markers = [
            "", "1. ", "2) ", "3.12. ", "1.1 ", "II. ", "IV- ", "II.1.2. ", "PHẦN II. ", "Phần thứ hai: ", "(1) ",
            "a) ", "đ) ", "b. ", "A. ", "- ", "+ ", "• ", "* ", "-\t", "7.1.", "a)\r\n",
        ]
        return markers.flatMap { marker in bodies.map { marker + $0 } } + FastPath39ParseTests.inputs
    }

    /// The shape of a unit with `marker` and `body` as the recognizer read it before: the body's
    /// shape from its own store.
    static func plainShape(marker: Marker?, body: String) -> LineShape {
        PlanRecognizer.shape(marker: marker, body: body, bodyShape: LineShape.of)
    }

    /// A line's reading is the typed marker `TypedMarker.read` gives and the shape the recognizer
    /// gave the unit it opens, read and kept alike, from the same bytes in another string too.
    @Test func aReadingIsTheMarkerAndTheShapeReadApart() {
        for text in Self.lines {
            let typed = TypedMarker.read(text)
            let shape = Self.plainShape(marker: typed?.marker, body: typed?.text ?? text)
            for reading in [
                LineReading.read(text), LineReading.of(text), LineReading.of(FastPath35ParseTests.again(text)),
            ] {
                #expect(reading.typed?.marker == typed?.marker, "\(text.debugDescription)")
                #expect(reading.typed.map { Array($0.text.utf8) } == typed.map { Array($0.text.utf8) })
                #expect(reading.shape == shape, "\(text.debugDescription)")
            }
        }
    }

    /// A block holds its reading only while its marker and text are those read: setting either
    /// drops it (to the same value too), and the unit made of the block then reads its shape apart.
    @Test func aBlockDropsItsReadingWhenChanged() {
        let span = SourceSpan(line: 1)
        let reading = LineReading.read("b) Cơ quan thực hiện: Phòng Kinh tế")
        let typed = reading.typed!
        var item = ItemBlock(marker: typed.marker, level: 1, text: typed.text, span: span)
        item.reading.reading = reading
        #expect(item.reading.reading != nil)
        item.level = 2
        item.children = [.paragraph(ParagraphBlock(text: "x", span: span))]
        #expect(item.reading.reading != nil)
        var retexted = item
        retexted.text = "Rà soát thủ tục"
        #expect(retexted.reading.reading == nil)
        var remarked = item
        remarked.marker = Marker(style: .bullet, text: "-", value: "")
        #expect(remarked.reading.reading == nil)
        var same = item
        same.text = typed.text
        #expect(same.reading.reading == nil)
        var paragraph = ParagraphBlock(text: "Rà soát thủ tục", span: span)
        paragraph.reading.reading = LineReading.read("Rà soát thủ tục")
        paragraph.emphasis = .bold
        #expect(paragraph.reading.reading != nil)
        paragraph.text = "Ra\u{0300} soát thủ tục"
        #expect(paragraph.reading.reading == nil)
        // The units: the held reading's shape, or the one read apart for the changed block.
        let units = OutlineUnit.flatten(
            DocumentTree(blocks: [.item(item), .item(retexted), .item(remarked), .paragraph(paragraph)]),
            contentLines: [1])
        #expect(units[0].readShape == reading.shape)
        for unit in units {
            #expect(PlanRecognizer.shape(of: unit) == Self.plainShape(marker: unit.marker, body: unit.body))
        }
        // Only the unchanged item holds one (its child paragraph "x" was made without).
        #expect(units.filter { $0.readShape != nil }.count == 1)
    }

    /// Units of a tree built from hand-written plain text (CR LF, tabs, NFD, blanks, long lines, every
    /// marker style): each unit's shape is the one read from its marker and body, whether it came from
    /// its line's reading or not, and the lines the builder typed do carry their reading.
    @Test func unitsOfATreeHaveTheShapesReadApart() throws {
        let long = String(repeating: "Ủy ban nhân dân phường chủ trì thực hiện; ", count: 60)
        let text = [
            "KẾ HOẠCH", "Thực hiện nhiệm vụ năm 2026", "", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
            "a) Cơ quan chủ trì: Công an phường", "b) Nhiệm vụ: Rà soát thủ tục\t", "- Thời gian: Quý II/2026",
            "+ Sản phẩm: Báo cáo", "\t", "Ra\u{0300} soa\u{0301}t thu\u{0309} tu\u{0323}c", "(1) Tỷ lệ hồ sơ",
            "A. CÁC NHIỆM VỤ", "2.1 Tổ chức", long, "- " + long, "Phụ lục II", "Chủ trì: Văn phòng", "",
        ].joined(separator: "\r\n")
        let lines = try TextLines.read(Data(text.utf8), path: "tree.txt", markdown: false).lines
        let tree = DocumentTreeBuilder().build(lines)
        let contentLines = lines.filter { !$0.isBlank && !$0.isRule }.map(\.number).sorted()
        let units = OutlineUnit.flatten(tree, contentLines: contentLines)
        var read = 0
        for unit in units where unit.table == nil {
            let plain = Self.plainShape(marker: unit.marker, body: unit.body)
            #expect(PlanRecognizer.shape(of: unit) == plain, "\(unit.text.debugDescription)")
            if let shape = unit.readShape {
                read += 1
                #expect(shape == plain, "\(unit.text.debugDescription)")
            }
        }
        #expect(read >= 10)
    }

    /// The reading kept beside a block is not part of it: a block with one equals the same block
    /// without, and hashes alike.
    @Test func aBlocksReadingIsNotPartOfIt() {
        let span = SourceSpan(line: 3)
        var withReading = ParagraphBlock(text: "Rà soát", span: span)
        withReading.reading.reading = LineReading.read("Rà soát")
        let without = ParagraphBlock(text: "Rà soát", span: span)
        #expect(withReading == without)
        #expect(withReading.hashValue == without.hashValue)
        let marker = Marker(style: .letter, text: "a)", value: "a")
        var item = ItemBlock(marker: marker, level: 1, text: "Rà soát", span: span)
        item.reading.reading = LineReading.read("a) Rà soát")
        #expect(item == ItemBlock(marker: marker, level: 1, text: "Rà soát", span: span))
        #expect(
            Block.item(item).hashValue
                == Block.item(ItemBlock(marker: marker, level: 1, text: "Rà soát", span: span)).hashValue)
        #expect(item != ItemBlock(marker: marker, level: 1, text: "Rà soát.", span: span))
    }

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

    /// Threads reading the same lines at once get the readings read apart.
    @Test func threadsAskingAtOnceGetTheReadings() {
        let texts = Self.lines
        let expected = texts.map { text in
            let typed = TypedMarker.read(text)
            return (typed?.marker, Self.plainShape(marker: typed?.marker, body: typed?.text ?? text))
        }
        let wrong = Mismatches()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for k in texts.indices {
                let i = thread % 2 == 0 ? k : texts.count - 1 - k
                let reading = LineReading.of(FastPath35ParseTests.again(texts[i]))
                if reading.typed?.marker != expected[i].0 || reading.shape != expected[i].1 { wrong.add() }
            }
        }
        #expect(wrong.value == 0)
    }
}

private final class Mismatches: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
