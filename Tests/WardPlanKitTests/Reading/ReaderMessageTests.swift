import Foundation
import Testing

@testable import WardPlanKit

/// Reader diagnostics speak Vietnamese first, English on request, from one table (`ReaderMessage`);
/// reports keep the English text and the stable code.
@Suite("Reader messages")
struct ReaderMessageTests {
    @Test func everyKeyHasBothLanguagesWithTheSamePlaceholders() {
        for message in ReaderMessage.allCases {
            let (vi, en) = message.text
            #expect(!vi.isEmpty && !en.isEmpty && vi != en, "\(message)")
            #expect(MessagesTests.placeholders(vi) == MessagesTests.placeholders(en), "\(message)")
            #expect(!vi.contains("|") && !en.contains("|"), "\(message)")
        }
    }

    @Test func theParsersFollowUpsPrintInVietnamese() throws {
        // A seed's tasks without a product: the English text in the model, Vietnamese when printed.
        let missing = try #require(Fixtures.namDoSon.diagnostics.first { $0.code == .missingProduct })
        #expect(missing.message.hasPrefix("task ") && missing.message.hasSuffix(" names no product"))
        let ref = missing.message.dropFirst("task ".count).dropLast(" names no product".count)
        #expect(missing.description(.vi).hasSuffix(": note: nhiệm vụ \(ref) chưa nêu sản phẩm [parse.missing-product]"))
        let office = Diagnostic(
            .unknownOffice, .warning, path: "a.txt", line: 9, ReaderMessage.unknownOffice, "3.2", "Tổ công nghệ số")
        #expect(
            office.description(.vi)
                == "a.txt:9: warning: nhiệm vụ 3.2: \"Tổ công nghệ số\" không có trong danh mục cơ quan; nếu đó là một cơ quan thật, hãy thêm vào offices.yaml [parse.unknown-office]"
        )
    }

    @Test func aReaderDiagnosticCarriesBothAndPrintsInTheLanguageAsked() throws {
        let error = #expect(throws: InputError.self) {
            try PDFReader().readDocument(Data("hello".utf8), path: "x.pdf", limits: .standard)
        }
        let diagnostic = try #require(error?.diagnostic)
        #expect(diagnostic.code == .binaryFile)
        #expect(diagnostic.message == "this is not a PDF file (no %PDF header); check that it is the right file")
        #expect(
            ReaderMessage.vietnamese(of: diagnostic.message)
                == "đây không phải tệp PDF (không có đầu %PDF); hãy kiểm tra có đúng tệp không")
        #expect(
            diagnostic.description(.vi)
                == "x.pdf: error: đây không phải tệp PDF (không có đầu %PDF); hãy kiểm tra có đúng tệp không [read.binary]"
        )
        #expect(diagnostic.description == diagnostic.description(.en))
        #expect(diagnostic.description.hasSuffix("check that it is the right file [read.binary]"))
        // Filled in both languages alike.
        let large = Diagnostic(.tooLarge, .error, path: "a.txt", ReaderMessage.tooLarge, 3_000_000, 2_000_000)
        #expect(large.message.hasPrefix("file is 3000000 bytes, over the limit of 2000000;"))
        #expect(large.description(.vi).hasPrefix("a.txt: error: tệp có 3000000 byte, vượt giới hạn 2000000;"))
        let utf8 = Diagnostic(.invalidEncoding, .error, path: "a.txt", line: 4, ReaderMessage.invalidUTF8, 17)
        #expect(
            utf8.description(.vi)
                == "a.txt:4: error: UTF-8 không hợp lệ ở vị trí byte 17, và văn bản cũng không đọc được theo Windows-1258, TCVN3 hay VNI; hãy lưu lại dạng UTF-8 [read.encoding]"
        )
        // A diagnostic made without a Vietnamese text prints its message in either language.
        let plain = Diagnostic(.noTasks, .warning, path: "a.txt", "no tasks found")
        #expect(plain.description(.vi) == plain.description)
    }

    @Test func reportsKeepTheEnglishMessageAndItStillPrintsInVietnamese() throws {
        let diagnostic = Diagnostic(.damagedFile, .error, path: "a.pdf", ReaderMessage.pdfDamaged, "Syntax Error")
        let json = try JSONEncoder().encode(diagnostic)
        #expect(String(decoding: json, as: UTF8.self).contains("the PDF is damaged: ask the ward to send it again"))
        // Read back from a report (or a cache), it prints in Vietnamese all the same.
        let back = try JSONDecoder().decode(Diagnostic.self, from: json)
        #expect(
            back.description(.vi)
                == "a.pdf: error: pdftotext không đọc được tệp PDF này (Syntax Error); tệp bị hỏng: hãy đề nghị phường gửi lại [read.damaged]"
        )
        // Every message is found again from its English text, values and all.
        for message in ReaderMessage.allCases {
            let english = message(.en, "A", "B")
            #expect(ReaderMessage.vietnamese(of: english) == message(.vi, "A", "B"), "\(message)")
        }
    }

    @Test func theCommandPrintsThemVietnameseFirst() throws {
        let folder = try TemporaryFolder()
        try Data().write(to: folder.url.appendingPathComponent("empty.txt"))
        let vi = try CommandLineTests().run(["extract", "empty.txt"], in: folder.url, language: "C.UTF-8")
        #expect(vi.status == 1)
        #expect(vi.stderr.contains("empty.txt: error: tệp rỗng (0 byte); không có gì để đọc [read.empty]"))
        let en = try CommandLineTests().run(["extract", "empty.txt"], in: folder.url, language: "en_US.UTF-8")
        #expect(en.stderr.contains("empty.txt: error: the file is empty (0 bytes); nothing to read [read.empty]"))
    }
}
