import Foundation
import Testing

@testable import WardPlanKit

/// Issue 12, part 1: the review letter to each ward. Expected texts were written by hand from the
/// plans and the gap items of issue 9.
@Suite("Letters")
struct LetterTests {
    static let seeds = Comparer().compare([Fixtures.namDoSon, Fixtures.ngocHa], asOf: ComparisonTests.asOf)
    static let seedLetters = LetterComposer().letters(seeds, plans: [Fixtures.namDoSon, Fixtures.ngocHa])

    // MARK: - The seeds

    @Test func ngocHasLetterNamesThePlanAndItsDateAndIsAddressedToTheWard() {
        let letter = Self.seedLetters[1]
        #expect(letter.fileStem == "phuong-ngoc-ha")
        #expect(
            letter.opening.hasPrefix(
                "Sở Nội vụ nhận được Kế hoạch số 263/KH-UBND ngày 11/6/2026 của Ủy ban nhân dân phường Ngọc Hà về cải cách hành chính nhà nước"
            ))
        #expect(letter.recipient == "Ủy ban nhân dân phường Ngọc Hà.")
        #expect(letter.subject == "V/v góp ý Kế hoạch cải cách hành chính giai đoạn 2026-2030 của UBND phường Ngọc Hà")
        #expect(letter.superior == "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI")
        #expect(letter.sender == "SỞ NỘI VỤ")
        #expect(letter.placeAndDate == "Hà Nội, ngày 01 tháng 7 năm 2026")
        #expect(letter.closing.contains("trước ngày 16/7/2026"))
        #expect(letter.plainText.contains("Kính gửi: Ủy ban nhân dân phường Ngọc Hà."))
    }

    @Test func requestsAreGroupedByAreaInTaxonomyOrderThenTargetsAndCitations() {
        #expect(
            Self.seedLetters[1].groups.map(\.heading) == [
                "Về cải cách thủ tục hành chính", "Về cải cách tổ chức bộ máy hành chính nhà nước",
                "Về cải cách tài chính công", "Về xây dựng và phát triển Chính phủ điện tử, Chính phủ số",
            ])
        #expect(
            Self.seedLetters[0].groups.map(\.heading) == [
                "Về cải cách tài chính công", "Về xây dựng và phát triển Chính phủ điện tử, Chính phủ số",
                "Về chỉ tiêu của Kế hoạch", "Về căn cứ ban hành Kế hoạch",
            ])
    }

    @Test func oneRequestPerNationalItemWordedByItsLevel() throws {
        let letter = Self.seedLetters[1]
        let national = Self.seeds.gaps[1].items.filter { $0.basis.contains(.national) }
        #expect(letter.items.count == national.count)
        #expect(Set(letter.items.map(\.id)) == Set(national.map(\.id)))
        let requests = letter.groups.flatMap(\.requests)
        let absent = try #require(requests.first { $0.contains("tinh giản biên chế") })
        #expect(absent.contains("Đề nghị bổ sung nhiệm vụ về tinh giản biên chế"))
        let stated = try #require(requests.first { $0.contains("cơ chế một cửa") })
        #expect(
            stated
                == "Kế hoạch đã nêu nội dung về cơ chế một cửa, một cửa liên thông tại mục 3 phần II và mục 2.2 phần V, đã giao Văn phòng HĐND và UBND thực hiện nhưng chưa xác định thành nhiệm vụ. Đề nghị cụ thể hóa thành nhiệm vụ, xác định rõ thời hạn và sản phẩm, bảo đảm yêu cầu của Nghị quyết số 76/NQ-CP và Quyết định số 282/QĐ-TTg."
        )
        // A stated theme no named office's duty carries still asks for the lead.
        let unassigned = try #require(requests.first { $0.contains("cơ chế tự chủ tài chính") })
        #expect(unassigned.contains("xác định rõ cơ quan chủ trì, thời hạn và sản phẩm"))
        // Nam Đồ Sơn's plan of January 2026 predates QĐ 282: update, not a gap.
        let update = try #require(Self.seedLetters[0].groups.flatMap(\.requests).first { $0.contains("tài sản công") })
        #expect(
            update.hasPrefix("Kế hoạch ban hành trước Quyết định số 282/QĐ-TTg ngày 12/02/2026 của Thủ tướng Chính phủ")
        )
        #expect(update.contains("Đề nghị cập nhật nhiệm vụ về quản lý, sử dụng tài sản công"))
    }

    @Test func aDocumentIsCitedInFullOnceThenByItsNumber() {
        for letter in Self.seedLetters {
            let text = letter.plainText
            #expect(text.components(separatedBy: "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ").count == 2)
            #expect(text.components(separatedBy: "Quyết định số 282/QĐ-TTg ngày 12/02/2026").count == 2)
        }
        // Ngọc Hà's requests rest on both: both in full in the opening.
        #expect(
            Self.seedLetters[1].opening.contains("Quyết định số 282/QĐ-TTg ngày 12/02/2026 của Thủ tướng Chính phủ"))
        // Nam Đồ Sơn's rest on NQ 76 only; QĐ 282 comes in full with its first update request.
        #expect(!Self.seedLetters[0].opening.contains("282"))
    }

    @Test func noLineNumbersNoOtherWardNoRequestForWhatATaskCovers() {
        for (w, letter) in Self.seedLetters.enumerated() {
            let text = letter.plainText
            #expect(!text.contains("dòng"))
            #expect(!text.contains("tham khảo"))
            let other = Self.seeds.wards[1 - w].name!
            #expect(!text.contains(other))
            for item in letter.items where item.kind == .theme {
                let row = Self.seeds.coverage.themes.first { $0.id == item.id }!
                #expect(row.cells[w].tasks.isEmpty, "\(item.id)")
            }
        }
    }

    @Test func aPlanWithoutNumberOrDayIsNamedByWhatItSays() {
        #expect(
            Self.seedLetters[0].opening.hasPrefix(
                "Sở Nội vụ nhận được Quyết định (không ghi số) tháng 01 năm 2026 của Ủy ban nhân dân phường Nam Đồ Sơn")
        )
        #expect(Self.seedLetters[0].superior == "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG")
    }

    // MARK: - Small plans

    @Test func peerPracticeIsNeverRequestedAndLeftOutItemsAreDropped() throws {
        // G: one-stop stated in point a of part II (NĐ 118, national), two-tier absent (QĐ 282),
        // online-payment covered by five of six peers (reference only).
        let comparison = ThemeGapTests.compare(ThemeGapTests.seven)
        let composer = LetterComposer(taxonomy: ThemeGapTests.reference.taxonomy)
        let g = try #require(composer.letters(comparison, plans: ThemeGapTests.seven).last)
        // (Targets and citations the small plans lack are requested too, in their own groups.)
        let themes = g.items.filter { $0.kind == .theme }
        #expect(themes.map(\.id) == ["one-stop", "two-tier"])
        #expect(themes.map(\.level) == [.stated, .absent])
        #expect(g.plainText.contains("Kế hoạch đã nêu nội dung về một cửa tại điểm a phần II"))
        #expect(g.plainText.contains("Đề nghị bổ sung nhiệm vụ về chính quyền hai cấp"))
        #expect(!g.plainText.contains("thanh toán trực tuyến"))
        #expect(!g.plainText.contains("phường A"))

        let fewer = composer.letters(comparison, plans: ThemeGapTests.seven) { ward, kind, id in
            ward == comparison.wards.last!.id && kind == .theme && id == "two-tier"
        }
        #expect(fewer.last!.items.filter { $0.kind == .theme }.map(\.id) == ["one-stop"])
        #expect(!fewer.last!.plainText.contains("hai cấp"))
        // Nothing left to ask: the letter says so instead of an empty list.
        let none = composer.letters(comparison, plans: ThemeGapTests.seven) { _, _, _ in true }
        #expect(none.last!.groups.isEmpty)
        #expect(none.last!.noRequests?.contains("tổ chức thực hiện Kế hoạch") == true)
    }

    @Test func twoLettersForOneWardGetTwoFileNames() {
        let plans = [ThemeGapTests.plan("A", tasks: []), ThemeGapTests.plan("A", tasks: [])]
        let letters = LetterComposer(taxonomy: ThemeGapTests.reference.taxonomy)
            .letters(ThemeGapTests.compare(plans), plans: plans)
        #expect(letters.map(\.fileStem) == ["phuong-a", "phuong-a-2"])
    }

    @Test func placesAreNamedWithoutLineNumbersOnceEach() {
        let places = [
            GapPlace(line: 12, section: "mục 3 phần II"), GapPlace(line: 14, section: "mục 3 phần II"),
            GapPlace(line: 300, section: "dòng 12 mục III Phụ lục II"),
        ]
        #expect(LetterComposer.places(places) == "mục 3 phần II và số thứ tự 12 mục III Phụ lục II")
        #expect(LetterComposer.places([GapPlace(line: 3, section: nil)]) == "phần mở đầu của Kế hoạch")
    }

    @Test func datesAsNghiDinh30WritesThem() {
        #expect(LetterComposer.dateLine(CalendarDate(year: 2026, month: 2, day: 5)!) == "ngày 05 tháng 02 năm 2026")
        #expect(LetterComposer.dateLine(CalendarDate(year: 2026, month: 12, day: 15)!) == "ngày 15 tháng 12 năm 2026")
        #expect(
            CalendarDate(year: 2026, month: 12, day: 20)!.adding(days: 15) == CalendarDate(year: 2027, month: 1, day: 4)
        )
        #expect(
            CalendarDate(year: 2028, month: 2, day: 20)!.adding(days: 10) == CalendarDate(year: 2028, month: 3, day: 1))
        #expect(
            CalendarDate(year: 2026, month: 1, day: 3)!.adding(days: -5) == CalendarDate(year: 2025, month: 12, day: 29)
        )
    }

    @Test func aPlanDatedAfterTheReportDateGetsALetterDatedOnItsOwnDay() {
        // Ngọc Hà's plan is of 11/6/2026: compared as of 1/6/2026, its letter is dated 11/6 and the
        // reply counts from there; compared as of 1/7 (above) the report date stands.
        let early = CalendarDate(year: 2026, month: 6, day: 1)!
        let comparison = Comparer().compare([Fixtures.namDoSon, Fixtures.ngocHa], asOf: early)
        let letters = LetterComposer().letters(comparison, plans: [Fixtures.namDoSon, Fixtures.ngocHa])
        #expect(letters[1].placeAndDate == "Hà Nội, ngày 11 tháng 6 năm 2026")
        #expect(letters[1].closing.contains("trước ngày 26/6/2026"))
        #expect(letters[0].placeAndDate.hasSuffix("ngày 01 tháng 6 năm 2026"))
        #expect(
            comparison.diagnostics.contains { $0.code == .datedAfterAsOf && $0.path == Fixtures.ngocHa.source.path })
    }

    @Test func templateFillsKnownPlaceholdersAndShowsMisspeltOnes() {
        #expect(LetterTemplate.fill("Kính gửi {ward}, {wrd}", ["ward": "phường X"]) == "Kính gửi phường X, {wrd}")
        #expect(LetterComposer.lowerFirst("Cơ chế một cửa") == "cơ chế một cửa")
        #expect(LetterComposer.lowerFirst("SIPAS") == "SIPAS")
        #expect(LetterComposer.lowerFirst("Ứng dụng") == "ứng dụng")
    }

    @Test func aCitysOwnWordingAndSender() throws {
        var template = LetterTemplate.standard
        template.requests.absent = "Bổ sung {theme} ({documents})."
        let letters = LetterComposer(template: template, sender: "Sở Nội vụ thành phố")
            .letters(Self.seeds, plans: [Fixtures.namDoSon, Fixtures.ngocHa])
        #expect(letters[1].sender == "SỞ NỘI VỤ THÀNH PHỐ")
        #expect(letters[1].opening.hasPrefix("Sở Nội vụ thành phố nhận được"))
        #expect(letters[1].groups.flatMap(\.requests).contains("Bổ sung tinh giản biên chế (Nghị quyết số 76/NQ-CP)."))
    }

    // MARK: - Word

    @Test func theWordFileReadsBackAsTheLetter() throws {
        let letter = Self.seedLetters[1]
        let data = try DocxLetterWriter().data(letter)
        #expect(try DocxLetterWriter().data(letter) == data)  // deterministic
        let lines = try WordFiles.lines(data)
        let text = lines.map { $0.cells?.joined(separator: "\n") ?? $0.text }.joined(separator: "\n")
        for paragraph in letter.bodyParagraphs + [ReviewLetter.nationalMotto, ReviewLetter.motto, letter.placeAndDate] {
            #expect(text.contains(paragraph), "\(paragraph.prefix(40))")
        }
        #expect(text.contains("Nơi nhận:"))
        let parts = DocxLetterWriter().parts(letter)
        let styles = try #require(parts.first { $0.0 == "word/styles.xml" }?.1)
        #expect(styles.contains("w:ascii=\"Times New Roman\""))
        let document = try #require(parts.first { $0.0 == "word/document.xml" }?.1)
        #expect(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))  // A4
    }

    @Test func textFromAPlanIsEscapedInTheWordFile() throws {
        var plan = ThemeGapTests.plan("A<&>\"", tasks: [])
        plan.document.title = "Kế hoạch <w:t>"
        let letters = LetterComposer(taxonomy: ThemeGapTests.reference.taxonomy)
            .letters(ThemeGapTests.compare([plan]), plans: [plan])
        let data = try DocxLetterWriter().data(letters[0])
        let text = try WordFiles.lines(data).map(\.text).joined(separator: "\n")
        #expect(text.contains("phường A<&>\""))
        #expect(text.contains("về kế hoạch <w:t>"))
    }

    @Test func theJobWritesOneFilePerWard() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("letters-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let seeds = Fixtures.fixturesFolder.appendingPathComponent("seeds")
        let outcome = try LettersJob(
            paths: [
                seeds.appendingPathComponent("nam-do-son-2026.txt").path,
                seeds.appendingPathComponent("ngoc-ha-2026-2030.md").path,
            ],
            folder: folder.path, asOf: ComparisonTests.asOf
        ).run()
        #expect(
            outcome.written.map { ($0 as NSString).lastPathComponent } == [
                "phuong-nam-do-son.docx", "phuong-ngoc-ha.docx",
            ])
        let data = try Data(contentsOf: folder.appendingPathComponent("phuong-ngoc-ha.docx"))
        #expect(try WordFiles.lines(data).contains { $0.text.contains("263/KH-UBND") })
    }
}

@Suite("Letters in the report")
struct LetterReportTests {
    @Test func theReportShowsEachWardsLetterToCopy() {
        let letters = LetterTests.seedLetters
        let html = HTMLReportRenderer().page(
            Report(comparison: LetterTests.seeds, plans: [Fixtures.namDoSon, Fixtures.ngocHa]))
        #expect(html.contains("<a href=\"#letters\">"))
        for letter in letters {
            for paragraph in letter.bodyParagraphs {
                #expect(html.contains("<p>" + Escaping.html(paragraph) + "</p>"), "\(paragraph.prefix(40))")
            }
        }
        // In an English report the letter stays Vietnamese and says so.
        let english = HTMLReportRenderer().page(
            Report(comparison: LetterTests.seeds, plans: [Fixtures.namDoSon, Fixtures.ngocHa], language: .en))
        #expect(english.contains("<blockquote lang=\"vi\"><p>ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG</p>"))
    }
}
