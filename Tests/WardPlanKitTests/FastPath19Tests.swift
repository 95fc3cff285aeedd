import Foundation
import Testing

@testable import WardPlanKit

/// perf19's cold-path cuts held against the code they replace (copied here as it was, where the
/// old code is gone): page furniture keyed only when a page number is found, the cache's text table
/// compared by `memcmp`, the toned key checked on bytes, a file hashed once, a task folded once.
@Suite("Fast paths (perf19)")
struct FastPath19Tests {
    /// Vietnamese letters precomposed and decomposed (both tone placements), marks alone, the marks
    /// `TonedKey` knows and one it does not, letters of other scripts, separators, digits.
    static let pieces = [
        "a", "ố", "Đường", "đ", "hoá", "hóa", "ho\u{0301}a", "hoa\u{0301}", "o\u{031B}\u{0300}", "e\u{0302}\u{0301}",
        "\u{0301}", "\u{0323}", "\u{0302}", "\u{0306}", "\u{0304}", "\u{0308}", "Ω", "ß", "ǅ", "ﬁ", "Å", "A\u{030A}",
        " ", "  ", "-", ".", ",", ":", "\t", "2", "27", "Trang", "/", "ẞ", "İ", "Ⅻ", "🙂", "\u{200D}",
    ]
    static let generated = GeneratedStrings.make(from: pieces, count: 20_000, upTo: 8, seed: 19)

    // MARK: 1. Page furniture

    /// `PastedPageFurniture.indices` as it was: every short line keyed as it was met.
    static func furnitureAsItWas(_ raw: [(number: Int, text: String)]) -> Set<Int> {
        typealias Number = (index: Int, page: Int, strong: Bool)
        let pageGap = PastedPageFurniture.pageGap
        guard raw.count > pageGap else { return [] }
        var numbers: [Number] = []
        var byKey: [String: [Int]] = [:]
        for (index, line) in raw.enumerated() {
            guard line.text.utf8.count <= 160 else { continue }
            let text = line.text.trimmingBlanks
            guard !text.isEmpty else { continue }
            if let page = PastedPageFurniture.pageNumber(text) {
                numbers.append((index, page.number, page.strong))
            } else if text.count >= 8, text.count <= 100 {
                byKey[Furniture.key(text), default: []].append(index)
            }
        }
        guard !numbers.isEmpty else { return [] }
        let nonBlank = raw.indices.filter { !raw[$0].text.trimmingBlanks.isEmpty }
        let position = Dictionary(uniqueKeysWithValues: nonBlank.enumerated().map { ($0.element, $0.offset) })
        func beside(_ a: Int, _ b: Int) -> Bool {
            guard let p = position[a], let q = position[b] else { return false }
            return abs(p - q) <= 2
        }
        func countsOnAt(_ i: Int, _ page: Int, in anchors: [[Number]]) -> Bool {
            (i > 0 && anchors[i - 1].contains { $0.page == page - 1 })
                || (i + 1 < anchors.count && anchors[i + 1].contains { $0.page == page + 1 })
        }
        var out: Set<Int> = []
        let strongNumbers = numbers.filter(\.strong)
        for (a, b) in zip(strongNumbers, strongNumbers.dropFirst())
        where b.page == a.page + 1 && b.index - a.index >= pageGap {
            out.insert(a.index)
            out.insert(b.index)
        }
        for occurrences in byKey.values where occurrences.count >= 2 {
            guard zip(occurrences, occurrences.dropFirst()).allSatisfy({ $1 - $0 >= pageGap }) else { continue }
            let anchors = occurrences.map { index in numbers.filter { beside($0.index, index) } }
            let firstLine = occurrences[0] == nonBlank.first
            let anchored = anchors.enumerated().filter { !$0.element.isEmpty || $0.offset > 0 || !firstLine }
            guard anchored.allSatisfy({ !$0.element.isEmpty }), !anchored.isEmpty else { continue }
            let strong = anchors.joined().contains(where: \.strong)
            let countsOn = zip(anchored, anchored.dropFirst()).allSatisfy { a, b in
                a.element.contains { x in b.element.contains { $0.page == x.page + 1 } }
            }
            guard strong || countsOn && anchored.count >= 2 else { continue }
            out.formUnion(occurrences)
            for (i, near) in anchors.enumerated() {
                for x in near where strong ? x.strong : countsOnAt(i, x.page, in: anchors) { out.insert(x.index) }
            }
        }
        guard !out.isEmpty else { return [] }
        for index in out.sorted() {
            var k = index - 1
            while k >= 0, raw[k].text.trimmingBlanks.isEmpty {
                out.insert(k)
                k -= 1
            }
            k = index + 1
            while k < raw.count, raw[k].text.trimmingBlanks.isEmpty {
                out.insert(k)
                k += 1
            }
        }
        return out
    }

    /// Every text fixture's lines as the plain-text reader hands them to the furniture test.
    static let fixtureDocuments: [(name: String, raw: [(number: Int, text: String)])] = {
        var documents: [(String, [(number: Int, text: String)])] = []
        let root = Fixtures.fixturesFolder
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.allObjects ?? []
        for url in (files as? [URL] ?? []).sorted(by: { $0.path < $1.path })
        where url.pathExtension == "txt" || url.pathExtension == "md" {
            guard let data = try? Data(contentsOf: url), let decoded = try? TextDecoding.lines(data, path: url.path)
            else { continue }
            documents.append((url.lastPathComponent, ColumnLayout.unroll(decoded.lines)))
        }
        return documents
    }()

    @Test func furnitureAsItWasOnEveryTextFixture() {
        var withFurniture = 0
        for document in Self.fixtureDocuments {
            let found = PastedPageFurniture.indices(in: document.raw)
            #expect(found == Self.furnitureAsItWas(document.raw), "\(document.name)")
            if !found.isEmpty { withFurniture += 1 }
        }
        // The comparison covers files that have page furniture, not only files that have none.
        #expect(withFurniture >= 3)
        #expect(Self.fixtureDocuments.contains { $0.name == "phuong-tan-dinh-2027.txt" })
    }

    @Test func furnitureAsItWasOnGeneratedPages() {
        // Pages of 20–30 lines with running headers, page numbers of every form, a table's row
        // numbers, and lines that repeat without a page number.
        var state: UInt64 = 19
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % n
        }
        let headers = ["KH CCHC năm 2027 – UBND phường Tân Định", "Kế hoạch cải cách hành chính 2027", ""]
        let numbers = ["Trang %d", "- %d -", "%d", "%d/9", "Trang %d/9", "– %d –", ""]
        let body = [
            "1. Rà soát thủ tục hành chính", "Đơn vị chủ trì: Văn phòng", "2", "", "Quý II/2027",
            "| 3 | Số hóa hồ sơ | Văn phòng |", "Thời gian hoàn thành: 30/6/2027",
        ]
        for _ in 0..<400 {
            var raw: [(number: Int, text: String)] = []
            let header = headers[next(headers.count)]
            let number = numbers[next(numbers.count)]
            for page in 1...(2 + next(4)) {
                if !header.isEmpty { raw.append((raw.count + 1, header)) }
                for _ in 0..<(18 + next(12)) { raw.append((raw.count + 1, body[next(body.count)])) }
                if !number.isEmpty {
                    raw.append((raw.count + 1, number.replacingOccurrences(of: "%d", with: "\(page)")))
                }
                if next(2) == 0 { raw.append((raw.count + 1, "")) }
            }
            #expect(PastedPageFurniture.indices(in: raw) == Self.furnitureAsItWas(raw))
        }
    }

    // MARK: 2. The cache's text table

    @Test func exactTextEqualsByteComparison() {
        let texts = Array(FastPath16Tests.lines.prefix(3_000)) + Self.generated
        for (a, b) in Array(zip(texts, texts.dropFirst())) + Array(zip(texts, texts)) {
            #expect((ExactText(a) == ExactText(b)) == a.utf8.elementsEqual(b.utf8))
        }
        // Canonically equal, not the same bytes: two texts of the table.
        let nfc = "hoá"
        let nfd = "hoa\u{0301}"
        #expect(nfc == nfd)
        #expect(ExactText(nfc) != ExactText(nfd))
        #expect(ExactText("") == ExactText(""))
        #expect(ExactText("a") != ExactText(""))
    }

    @Test func planTextsKeepTheirBytesThroughTheCache() throws {
        var plan = Fixtures.namDoSon
        plan.tasks[0].text = "Chuẩn hoá quy trình"
        plan.tasks[1].text = "Chuẩn hoa\u{0301} quy trình"
        let decoded = try PlanBinaryCoder.decode(Data(PlanBinaryCoder.encode(plan)))
        #expect(Array(decoded.tasks[0].text.utf8) == Array(plan.tasks[0].text.utf8))
        #expect(Array(decoded.tasks[1].text.utf8) == Array(plan.tasks[1].text.utf8))
        #expect(PlanBinaryCoder.encode(decoded) == PlanBinaryCoder.encode(plan))
    }

    // MARK: 3. The toned key on bytes

    static func tonedBytes(_ text: String) -> [UInt8]? {
        FastPath24cTests.writtenOnStack(Array(text.utf8))
    }

    static func matches(_ text: String, _ key: String) -> Bool {
        var text = text
        return text.withUTF8 { TonedKey.matches(utf8: $0, key: Array(key.utf8)) }
    }

    @Test func tonedBytesAreTheTonedKey() {
        for text in FastPath16Tests.lines + Self.generated {
            #expect(Self.tonedBytes(text) == Array(TonedKey.of(text).utf8), "\(text.debugDescription)")
        }
    }

    @Test func tonedMatchAnswersAsTheStringComparison() {
        let texts = Array(FastPath16Tests.lines.prefix(2_000)) + Self.generated
        // Each text against its own key, a neighbour's, and keys that differ by a tone or a mark.
        let keys = texts.map { TonedKey.of($0) } + ["hoa'", "hoa", "ho+`", "e^'", "dd", "ω", "a\u{030A}", "å", ""]
        for (i, text) in texts.enumerated() {
            for key in [keys[i], keys[(i + 1) % keys.count], keys[keys.count - 1 - i % 9]] {
                #expect(Self.matches(text, key) == (TonedKey.of(text) == key), "\(text.debugDescription) \(key)")
            }
        }
    }

    @Test func tonedMatchByHand() {
        #expect(Self.matches("hoá", "hoa'"))
        #expect(Self.matches("hóa", "hoa'"))
        #expect(Self.matches("HO\u{0301}A", "hoa'"))
        #expect(!Self.matches("hoa", "hoa'"))
        #expect(Self.matches("công bố", "co^ng bo^'"))
        #expect(!Self.matches("bỏ", "bo^'"))
        // A tone before any letter goes to the next word, as `TonedKey.of` has it.
        #expect(Self.matches("\u{0301} a", TonedKey.of("\u{0301} a")))
        #expect(TonedKey.of("\u{0301} a") == "a'")
        // Not ASCII: canonically equal keys with other bytes are equal, as `==` has them.
        #expect(Self.matches("Å", "a\u{030A}") == (TonedKey.of("Å") == "a\u{030A}"))
        // Bytes that are not UTF-8: answered as `of` answers the repaired text.
        let invalid: [UInt8] = [0x61, 0xC3, 0x28, 0x62]
        let repaired = TonedKey.of(String(decoding: invalid, as: UTF8.self))
        #expect(FastPath24cTests.writtenOnStack(invalid) == nil)
        #expect(invalid.withUnsafeBufferPointer { TonedKey.matches(utf8: $0, key: Array(repaired.utf8)) })
    }

    @Test func sourceMatchesAsTheMatcherCheckedIt() {
        // What `TaxonomyMatcher` asks of a match: every word and every pair of words of a line's key,
        // against its own toned key and a neighbour's.
        var checked = 0
        var previous = "co^ng bo^'"
        for line in FastPath16Tests.lines.prefix(3_000) + Self.generated.prefix(3_000) {
            let key = TextKey(line)
            let spaces = key.bytes.indices.filter { key.bytes[$0] == 0x20 }
            for (i, start) in spaces.enumerated().dropLast() {
                for end in spaces[(i + 1)...].prefix(2) {
                    let range = (start + 1)..<end
                    let toned = TonedKey.of(key.sourceText(ofKey: range))
                    #expect(key.sourceMatches(Array(toned.utf8), ofKey: range))
                    #expect(
                        key.sourceMatches(Array(previous.utf8), ofKey: range) == (toned == previous),
                        "\(line.debugDescription)")
                    previous = toned
                    checked += 1
                }
            }
        }
        #expect(checked > 10_000)
    }

    // MARK: 4. One digest per file

    @Test func theDigestPassedAlongIsTheFilesDigest() throws {
        let w = try PlanCacheTests.Workspace()
        defer { w.remove() }
        var extractor = PlanExtractor()
        let plain = try extractor.extract(Data(contentsOf: w.namDoSon), path: w.namDoSon.path).get()
        extractor.cache = PlanCache(directory: w.cache, settings: PlanCache.Settings(extractor))
        for url in [w.namDoSon, w.ngocHa] {
            let data = try Data(contentsOf: url)
            let cached = try extractor.extract(file: url.path).get()
            #expect(cached.source.sha256 == SHA256.hex(data))
            #expect(try extractor.extract(data, path: url.path).get().source.sha256 == SHA256.hex(data))
        }
        #expect(try extractor.extract(file: w.namDoSon.path).get() == plain)
        // The reader takes a digest it is given, and makes the same one when it is not.
        let data = try Data(contentsOf: w.namDoSon)
        let registry = ReaderRegistry.standard
        let given = try registry.read(data, path: "a.txt", limits: .standard, contentDigest: "given")
        #expect(given.sha256 == "given")
        #expect(try registry.read(data, path: "a.txt").sha256 == SHA256.hex(data))
    }

    // MARK: 5. A task folded once

    /// `ReadingDoubt.readsAsLabel` as it was: the text folded by `TaskField(label:)` and again.
    static func readsAsLabelAsItWas(_ text: String) -> Bool {
        let key = text.foldedKey
        let workKeys = (PlanLayout.standard.workVerbs ?? []).map(PlanLayout.key)
        guard TaskField(label: text) != nil,
            let label = TaskField.labels.first(where: { $0.key.contains(" ") && key.hasWordPrefix($0.key) }),
            !workKeys.contains(where: { label.key.hasWordPrefix($0) })
        else { return false }
        return key.split(separator: " ").count - label.key.split(separator: " ").count <= ReadingDoubt.labelValueWords
    }

    @Test func fieldLabelsFromTheirKey() {
        let byHand = [
            "Đơn vị chủ trì: Văn phòng", "Đơn vị chủ trì Phòng Văn hóa - Xã hội", "Thời gian hoàn thành: Quý II/2027",
            "Giao:", "Giao Văn phòng thực hiện:", "Phối hợp với các phòng tổ chức tập huấn", "Sản phẩm: Quyết định",
            "Thời gian bắt đầu: 1/2027", "Nhiệm vụ: Ban hành kế hoạch", "", "Kinh phí: ngân sách",
        ]
        var labels = 0
        for text in byHand + FastPath16Tests.lines + Self.generated {
            let field = TaskField(labelKey: text.foldedKey)
            #expect(field == TaskField(label: text), "\(text.debugDescription)")
            #expect(ReadingDoubt.readsAsLabel(text) == Self.readsAsLabelAsItWas(text), "\(text.debugDescription)")
            if field != nil { labels += 1 }
        }
        #expect(labels > 20)
        #expect(ReadingDoubt.readsAsLabel("Đơn vị chủ trì: Văn phòng"))
        #expect(!ReadingDoubt.readsAsLabel("Phối hợp với các phòng tổ chức tập huấn"))
    }

    // MARK: 6. The national list of units

    /// `UnitRegistry.rows` as it was: every line and cell through Foundation.
    static func rowsAsItWas(_ text: String) -> [(Int, [String])] {
        var out: [(Int, [String])] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(
                of: "\u{FEFF}", with: "")
            if line.isEmpty || line.hasPrefix("#") { continue }
            out.append(
                (
                    i + 1,
                    line.split(separator: ",", omittingEmptySubsequences: false).map {
                        $0.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
                    }
                ))
        }
        return out
    }

    static func sameRows(_ a: [(Int, [String])], _ b: [(Int, [String])]) -> Bool {
        a.count == b.count
            && zip(a, b).allSatisfy { x, y in
                x.0 == y.0 && x.1.count == y.1.count
                    && zip(x.1, y.1).allSatisfy { Array($0.utf8) == Array($1.utf8) }
            }
    }

    @Test func unitRowsAsTheyWereOnTheShippedList() throws {
        let url = try #require(Bundle.module.url(forResource: "units", withExtension: "csv", subdirectory: "Data"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let header = ["code", "name", "kind", "province_code", "province"]
        let rows = try UnitRegistry.rows(text, path: "units.csv", header: header)
        // The old rows hold the header as well: the new function checks it and leaves it out.
        let old = Self.rowsAsItWas(text)
        #expect(old.first?.1 == header)
        #expect(Self.sameRows(rows, Array(old.dropFirst())))
        #expect(rows.count > 3_000)
        #expect(try UnitRegistry.national(csv: text, source: "units.csv") == UnitRegistry.national)
    }

    @Test func unitRowsAsTheyWereOnAwkwardCells() throws {
        // Spaces of every kind around cells and lines, a byte-order mark anywhere, CR LF, NFD names,
        // comment lines and blank lines, the generated strings as cells.
        let awkward = [
            "Phường Ngọc Hà", " Phường Ngọc Hà ", "Pho\u{031B}\u{0300}ng", "\u{00A0}Xã An\u{00A0}", "\u{FEFF}Xã",
            "Xã\u{FEFF}Bình", "\t1\t", "\u{2003}Hà Nội", "Hà Nội\u{3000}", "", " ", "#x", "\u{0301}a", "a\u{0301}",
            "\u{200B}", "Ω", "\u{1680}x",
        ]
        var state: UInt64 = 19
        func pick(_ list: [String]) -> String {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return list[Int(truncatingIfNeeded: state >> 33) % list.count]
        }
        let cells = awkward + Array(Self.generated.prefix(2_000)).map { $0.replacingOccurrences(of: ",", with: " ") }
        var lines = ["code,name,kind,province_code,province"]
        for n in 0..<3_000 {
            var line = (0..<5).map { _ in pick(cells).replacingOccurrences(of: "\n", with: " ") }.joined(separator: ",")
            if n % 7 == 0 { line = pick([" ", "\u{FEFF}", "\t", "#", ""]) + line + pick(["\r", " ", "\u{FEFF}", ""]) }
            lines.append(line)
        }
        let text = lines.joined(separator: "\n")
        // Rows of other lengths make `rows` throw: compare the cells of each line on its own.
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let one = "code,name,kind,province_code,province\n" + line
            let old = Array(Self.rowsAsItWas(one).dropFirst())
            let header = ["code", "name", "kind", "province_code", "province"]
            if let rows = try? UnitRegistry.rows(one, path: "x", header: header) {
                #expect(Self.sameRows(rows, old), "\(line.debugDescription)")
            } else {
                #expect(old.count == 1 && old[0].1.count != 5, "\(line.debugDescription)")
            }
        }
    }
}
