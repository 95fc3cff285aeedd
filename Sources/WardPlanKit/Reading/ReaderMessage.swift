import Foundation

/// What the tool says about an input file: a file the readers cannot read or read with a caveat,
/// what the parser found missing in a plan, what the comparison warns of. Vietnamese first, with
/// English, as `Message` does for the command. A diagnostic made from one keeps the English
/// text as its `message` (JSON and XML reports, caches, tests and tools key on it and on the
/// stable code); the command finds the Vietnamese again from it when it prints.
public enum ReaderMessage: CaseIterable, Sendable {
    // Any file.
    case emptyFile, emptyText, tooLarge, unsupportedFormat
    // Text.
    case noByteOrderMark, notText, invalidUTF8, legacyEncoding, invalidUTF16, truncatedUTF16
    // PDF.
    case notAPDF, pdfNeedsTool, pdfToolNotStarted, pdfTimedOut, pdfTextTooLarge, pdfPassword, pdfDamaged
    case pdfNoTextLayer, pdfFurniture
    // Word, and formats converted to it.
    case oldWordFile, notAZip, zipDamaged, partDamaged, zipBomb, xmlDTD, xmlTooDeep, xmlMalformed, noWordDocument
    case noDocumentBody, tablesTooDeep, needsLibreOffice, conversionFailed, converted, noTemporaryCopy
    // Finding the files.
    case noSuchPath, cannotListFolder, cannotReadFile
    // The plan's header and structure.
    case blankDocumentNumber, incompleteIssueDate, unclassifiedLines, noTasks, notAPlan, orphanTableRow, unalignedCell
    // A task's follow-up facts.
    case unknownOffice, missingLead, unparsedTimeline, missingTimeline, missingProduct
    // Comparing plans.
    case datedAfterAsOf, duplicateWard, ambiguousUnit, duplicatePlanID

    /// (Vietnamese, English). `{0}`, `{1}` … are filled in order. No text contains `|`.
    public var text: (vi: String, en: String) {
        switch self {
        case .emptyFile: ("tệp rỗng (0 byte); không có gì để đọc", "the file is empty (0 bytes); nothing to read")
        case .emptyText: ("tệp rỗng; không có gì để đọc", "the file is empty; nothing to read")
        case .unsupportedFormat:
            (
                "không đọc được định dạng tệp này; các định dạng đọc được: {0}",
                "unsupported file type; supported: {0}"
            )
        case .tooLarge:
            (
                "tệp có {0} byte, vượt giới hạn {1}; một kế hoạch hiếm khi quá 1 MB: hãy kiểm tra có đúng tệp không, hoặc nâng giới hạn bằng --max-input-mb",
                "file is {0} bytes, over the limit of {1}; a plan is rarely over 1 MB: check that this is the right file, or raise the limit with --max-input-mb"
            )
        case .noByteOrderMark:
            (
                "tệp có vẻ là {0} nhưng không có dấu thứ tự byte (BOM), nên không đọc an toàn được; hãy lưu lại dạng UTF-8 (trong Notepad: Save As, Encoding: UTF-8)",
                "the file looks like {0} without a byte-order mark, which cannot be read safely; save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)"
            )
        case .notText:
            (
                "đây không phải tệp văn bản (có byte NUL ở vị trí {0}); hãy lưu kế hoạch dạng văn bản UTF-8, Markdown, Word (.docx) hoặc PDF",
                "this is not a text file (a NUL byte at offset {0}); save the plan as UTF-8 text, Markdown, Word (.docx) or PDF"
            )
        case .invalidUTF8:
            (
                "UTF-8 không hợp lệ ở vị trí byte {0}, và văn bản cũng không đọc được theo Windows-1258, TCVN3 hay VNI; hãy lưu lại dạng UTF-8",
                "invalid UTF-8 at byte offset {0}, and the text does not read as Windows-1258, TCVN3 or VNI either; save it as UTF-8"
            )
        case .legacyEncoding:
            (
                "tệp dùng bảng mã cũ {0}, không phải UTF-8; đã chuyển sang Unicode. Hãy kiểm tra các tên có dấu, và lần sau lưu dạng UTF-8",
                "the file is in the old {0} encoding, not UTF-8; it was converted to Unicode. Check names with tone marks, and save it as UTF-8 next time"
            )
        case .invalidUTF16:
            (
                "UTF-16 không hợp lệ ở vị trí byte {0}; hãy lưu lại dạng UTF-8",
                "invalid UTF-16 at byte offset {0}; save the file as UTF-8"
            )
        case .truncatedUTF16:
            (
                "tệp UTF-16 kết thúc giữa một ký tự (bị cắt?); hãy lưu lại dạng UTF-8",
                "the UTF-16 file ends in half a character (truncated?); save it again as UTF-8"
            )
        case .notAPDF:
            (
                "đây không phải tệp PDF (không có đầu %PDF); hãy kiểm tra có đúng tệp không",
                "this is not a PDF file (no %PDF header); check that it is the right file"
            )
        case .pdfNeedsTool:
            (
                "đọc PDF cần pdftotext (Debian: apt-get install poppler-utils; scripts/run.sh tự cài); hoặc đề nghị phường gửi bản Word",
                "reading PDF needs pdftotext (Debian: apt-get install poppler-utils; scripts/run.sh installs it); or ask the ward for the Word file"
            )
        case .pdfToolNotStarted: ("không khởi chạy được pdftotext", "pdftotext could not be started")
        case .pdfTimedOut:
            (
                "pdftotext chạy quá {0} giây với tệp PDF này nên đã bị dừng; hãy kiểm tra tệp",
                "pdftotext ran longer than {0} s on this PDF and was stopped; check the file"
            )
        case .pdfTextTooLarge:
            (
                "phần chữ của tệp PDF vượt quá {0} byte; một kế hoạch thật nhỏ hơn nhiều",
                "the PDF's text is over {0} bytes; a real plan is far smaller"
            )
        case .pdfPassword:
            (
                "pdftotext không đọc được tệp PDF này ({0}); tệp có mật khẩu: hãy đề nghị phường gửi bản không đặt mật khẩu",
                "pdftotext cannot read this PDF ({0}); the PDF is password-protected: ask the ward for an unprotected copy"
            )
        case .pdfDamaged:
            (
                "pdftotext không đọc được tệp PDF này ({0}); tệp bị hỏng: hãy đề nghị phường gửi lại",
                "pdftotext cannot read this PDF ({0}); the PDF is damaged: ask the ward to send it again"
            )
        case .pdfNoTextLayer:
            (
                "tệp PDF này không có lớp chữ (bản quét?) nên không có gì để đọc; hãy đề nghị phường gửi bản Word, hoặc nhận dạng chữ (OCR) bằng tesseract với tiếng Việt (tesseract-ocr-vie) rồi đưa văn bản vào công cụ",
                "this PDF has no text layer (a scanned image?), so there is nothing to read; ask the ward for the Word file, or run it through OCR (tesseract with the Vietnamese language, tesseract-ocr-vie) and give the tool the text"
            )
        case .pdfFurniture:
            (
                "đã bỏ qua {0} dòng đầu trang, chân trang và số trang",
                "{0} page header, footer and page-number line(s) left out"
            )
        case .oldWordFile:
            (
                "đây là tệp Word nhị phân cũ (.doc) hoặc tài liệu có mật khẩu, không phải .docx; hãy mở bằng Word và lưu thành .docx không đặt mật khẩu",
                "this is an old binary Word file (.doc) or a password-protected document, not a .docx; open it in Word and save it as .docx without a password"
            )
        case .notAZip:
            (
                "đây không phải tệp Word .docx (không phải gói zip); hãy kiểm tra có đúng tệp không, hoặc mở bằng Word và lưu thành .docx",
                "this is not a Word .docx file (it is not a zip package); check that it is the right file, or open it in Word and save it as .docx"
            )
        case .zipDamaged:
            (
                "tệp Word bị hỏng (không mở được gói zip: bị cắt hoặc gửi chưa hết?); hãy đề nghị phường gửi lại",
                "the Word file is damaged (the zip package cannot be opened: truncated or cut short in sending?); ask the ward to send it again"
            )
        case .partDamaged:
            (
                "tệp Word bị hỏng (không giải nén được {0}: {1}); hãy đề nghị phường gửi lại",
                "the Word file is damaged ({0} cannot be unpacked: {1}); ask the ward to send it again"
            )
        case .zipBomb:
            (
                "giải nén tệp Word này không an toàn: {0} (bom zip?); một kế hoạch thật nhỏ hơn nhiều: hãy kiểm tra tệp",
                "the Word file is not safe to unpack: {0} (a zip bomb?); a real plan is far smaller: check the file"
            )
        case .xmlDTD:
            (
                "{0} khai báo DTD (<!DOCTYPE …>), điều Word không bao giờ viết và có thể giấu thực thể bên ngoài hoặc bom thực thể; tệp không được đọc. Hãy đề nghị phường lưu lại kế hoạch từ Word",
                "{0} declares a DTD (<!DOCTYPE …>), which Word never writes and which can hide external entities or an entity bomb; the file was not read. Ask the ward to save the plan again from Word"
            )
        case .xmlTooDeep:
            (
                "{0} lồng sâu quá {1} phần tử; một kế hoạch thật không bao giờ như vậy: hãy đề nghị phường lưu lại từ Word",
                "{0} is nested more than {1} elements deep; a real plan never is: ask the ward to save it again from Word"
            )
        case .xmlMalformed:
            (
                "{0} không phải XML hợp lệ ({1}); tệp Word bị hỏng: hãy đề nghị phường gửi lại",
                "{0} is not well-formed XML ({1}); the Word file is damaged: ask the ward to send it again"
            )
        case .noWordDocument:
            (
                "tệp zip này không chứa tài liệu Word (thiếu {0}); đây có thật là tệp .docx không?",
                "this zip file has no Word document in it ({0} is missing); is it really a .docx?"
            )
        case .noDocumentBody:
            ("{0} không có phần thân tài liệu; tệp Word bị hỏng", "{0} has no document body; the Word file is damaged")
        case .tablesTooDeep:
            (
                "bảng lồng nhau quá {0} tầng (bảng trong bảng trong bảng …); một kế hoạch thật không bao giờ như vậy: hãy gộp các bảng trong Word rồi gửi lại",
                "tables are nested more than {0} deep (a table in a table in a table …); a real plan never is: flatten the tables in Word and send it again"
            )
        case .needsLibreOffice:
            (
                "đây là tệp .{0}; đọc tệp này cần LibreOffice (Debian: apt-get install libreoffice-writer-nogui). Hoặc mở bằng Word hay LibreOffice, chọn Save As, Word Document (.docx), rồi đưa tệp .docx vào công cụ",
                "this is a .{0} file; reading it needs LibreOffice (Debian: apt-get install libreoffice-writer-nogui). Or open it in Word or LibreOffice, choose Save As, Word Document (.docx), and give the tool the .docx"
            )
        case .conversionFailed:
            (
                "LibreOffice không chuyển được tệp .{0} này sang .docx ({1}); hãy mở bằng Word hoặc LibreOffice và lưu thành .docx",
                "LibreOffice could not convert this .{0} file to .docx ({1}); open it in Word or LibreOffice and save it as .docx"
            )
        case .converted:
            (
                "đã chuyển từ .{0} sang .docx bằng LibreOffice; vị trí là các đoạn của tài liệu đã chuyển",
                "converted from .{0} to .docx with LibreOffice; locations are paragraphs of the converted document"
            )
        case .noTemporaryCopy:
            (
                "không ghi được bản sao tạm để chuyển đổi: {0}; hãy kiểm tra dung lượng trống trong {1}",
                "cannot write a temporary copy for the conversion: {0}; check the space in {1}"
            )
        case .noSuchPath: ("không có tệp hay thư mục này", "no such file or folder")
        case .cannotListFolder: ("không liệt kê được nội dung thư mục này", "cannot list this folder")
        case .cannotReadFile: ("không đọc được tệp: {0}", "cannot read the file: {0}")
        case .blankDocumentNumber:
            (
                "số văn bản để trống (bản dự thảo?); số được ghi là chưa rõ",
                "the document number is blank (a draft?); it is reported as unknown"
            )
        case .incompleteIssueDate:
            (
                "ngày ban hành chưa đủ ({0}); ngày được ghi là chưa rõ",
                "the issue date is incomplete ({0}); the day is reported as unknown"
            )
        case .unclassifiedLines:
            (
                "{0} dòng không xếp được vào cấu trúc của kế hoạch; các dòng này được liệt kê trong `unclassified`",
                "{0} line(s) could not be placed in the plan's structure; they are listed under `unclassified`"
            )
        case .noTasks:
            (
                "không tìm thấy nhiệm vụ: tiêu đề là một kế hoạch nhưng không nhận ra khối nhiệm vụ, bảng nhiệm vụ hay việc được giao nào; thông tin văn bản, căn cứ và chỉ tiêu vẫn được giữ",
                "no tasks found: the heading names a plan, but no task block, task table or assigned item was recognised; the header facts, legal bases and targets are kept"
            )
        case .notAPlan:
            (
                "không có tiêu đề nào là kế hoạch cải cách hành chính (kế hoạch CCHC, chuyển đổi số …) và không tìm thấy nhiệm vụ; hãy kiểm tra có đúng tệp không",
                "no heading names an administrative-reform plan (kế hoạch CCHC, chuyển đổi số …) and no tasks were found; check that it is the right file"
            )
        case .orphanTableRow:
            (
                "một dòng bảng không có số thứ tự và không đứng sau dòng nào để nối tiếp",
                "a table row with no number follows no row it could continue"
            )
        case .unalignedCell:
            (
                "dòng {0} liệt kê {1} nhiệm vụ trong một ô, nhưng ô {2} không ghi riêng giá trị cho từng nhiệm vụ: chưa gán, cần kiểm tra",
                "row {0} lists {1} tasks in one cell, but the cells {2} give no value per task: left unassigned, to be checked"
            )
        case .unknownOffice:
            (
                "nhiệm vụ {0}: \"{1}\" không có trong danh mục cơ quan; nếu đó là một cơ quan thật, hãy thêm vào offices.yaml",
                "task {0}: \"{1}\" is not in the office list; add it to offices.yaml if it is a real office"
            )
        case .missingLead: ("nhiệm vụ {0} chưa có cơ quan chủ trì", "task {0} has no lead office")
        case .unparsedTimeline:
            (
                "nhiệm vụ {0}: thời gian \"{1}\" không cho biết ngày, tháng hay năm nào",
                "task {0}: the time \"{1}\" gives no date"
            )
        case .missingTimeline: ("nhiệm vụ {0} chưa có thời hạn", "task {0} has no time limit")
        case .missingProduct: ("nhiệm vụ {0} chưa nêu sản phẩm", "task {0} names no product")
        case .datedAfterAsOf:
            (
                "{0} ban hành ngày {1}, sau ngày báo cáo {2} (--as-of); kế hoạch được so sánh tại ngày {2}. Hãy kiểm tra ngày của kế hoạch hoặc ngày báo cáo",
                "{0} is dated {1}, after the report date {2} (--as-of); the plan is compared as of {2}. Check the plan's date or the report date"
            )
        case .duplicateWard:
            (
                "{0} còn một kế hoạch khác trong {1}; báo cáo hiển thị cả hai (là {2} và {3}). Nếu kế hoạch này thay thế kế hoạch kia, chỉ giữ bản hiện hành trong thư mục đầu vào",
                "{0} has another plan in {1}; the report shows both (as {2} and {3}). If one replaces the other, keep only the current one in the input folder"
            )
        case .ambiguousUnit:
            (
                "{0} là tên của {1} đơn vị trong danh mục quốc gia: {2}; kế hoạch không nêu tỉnh nào để xác định, nên đơn vị được ghi theo khóa {3}, không theo mã chính thức",
                "{0} is the name of {1} units of the national list: {2}; the plan names no province that settles which, so the ward is keyed {3}, not by an official code"
            )
        case .duplicatePlanID:
            (
                "{0} tệp đầu vào là cùng một kế hoạch ({1}): cùng đơn vị, giai đoạn và số văn bản; tệp này mang mã {2} trong XML. Chỉ giữ bản hiện hành trong thư mục đầu vào",
                "{0} inputs are the same plan ({1}): same ward, period and document number; this one is {2} in the XML. Keep only the current version in the input folder"
            )
        }
    }

    public func callAsFunction(_ language: Language, _ arguments: CustomStringConvertible...) -> String {
        Localizer.fill(language == .vi ? text.vi : text.en, arguments.map(\.description))
    }
}

extension ReaderMessage {
    /// The Vietnamese of an English text made from one of these messages, with the same values;
    /// nil for any other text.
    public static func vietnamese(of english: String) -> String? {
        // The text's bytes made once for every message tried: a run prints tens of thousands of
        // warnings, each tried against the messages in turn (perf20b saw the copies at 1.9 % of a re-run).
        let bytes = Array(english.utf8)
        // Only the messages whose first literal can start the text, in `allCases`' order: a
        // warning was ≈ 35,000 instructions when every message was looked up and tried (perf22w).
        // The tables fetched once: each fetch of a static is a `swift_once` call (≈ 340 instructions).
        let candidates = MessageTemplate.byFirstByte[Int(bytes.first ?? 0)]
        let templates = MessageTemplate.inOrder
        let ends = MessageTemplate.ends
        // Most printed warnings start like several messages ("task "): a template whose first
        // literal does not start the text, or whose last does not end it, is passed over on the bytes
        // without copying it out of the table (≈ 330 instructions a candidate, 28 a warning).
        for index in candidates where bytes.withUnsafeBufferPointer({ ends[index].mayMatch($0) }) {
            let (message, template) = templates[index]
            if let values = template.values(inBytes: bytes) { return Localizer.fill(message.text.vi, values) }
        }
        return nil
    }

    /// The values that fill `text.en` to make `english`, by placeholder number; nil when `english`
    /// is not made from this message.
    ///
    /// `text.en` is read as the pattern `^literal(.*?)literal(.*?)…literal$`: the placeholders match
    /// lazily, the first choice that lets the rest match wins, and the end may stand before one line
    /// terminator that ends `english`, as `NSRegularExpression` reads such a pattern. Matched on the
    /// UTF-8 bytes against a template parsed once (a regular expression compiled per call was a tenth
    /// of `extract`'s time when warnings were printed).
    func values(in english: String) -> [String]? {
        values(inBytes: Array(english.utf8))
    }

    /// `values(in:)` of the text whose UTF-8 bytes are `bytes`.
    private func values(inBytes bytes: [UInt8]) -> [String]? {
        MessageTemplate.english[self]!.values(inBytes: bytes)
    }
}

/// A message's English text cut at its placeholders: the literal pieces (one more than the
/// placeholders) and the placeholder numbers in order.
struct MessageTemplate: Sendable {
    var literals: [[UInt8]]
    var order: [Int]

    static let english: [ReaderMessage: MessageTemplate] = Dictionary(
        uniqueKeysWithValues: inOrder.map { ($0.message, $0.template) })

    /// Every message with its template, in `allCases`' order (the order they are tried in).
    static let inOrder: [(message: ReaderMessage, template: MessageTemplate)] = ReaderMessage.allCases.map {
        ($0, MessageTemplate($0.text.en))
    }

    /// For each byte, the indices in `inOrder` of the templates a text starting with that byte may
    /// match, in order: those whose first literal starts with it, and those whose first literal is
    /// empty. Byte 0 stands for the empty text as well (no template's first literal starts with 0).
    static let byFirstByte: [[Int]] = {
        var buckets = Array(repeating: [Int](), count: 256)
        for (index, entry) in inOrder.enumerated() {
            if let first = entry.template.literals[0].first {
                buckets[Int(first)].append(index)
            } else {
                for byte in buckets.indices { buckets[byte].append(index) }
            }
        }
        return buckets
    }()

    /// Each template's first and last literal, in `inOrder`'s order, for `mayMatch`.
    static let ends: [Ends] = inOrder.map { Ends($0.template) }

    /// A template's first and last literal in one buffer: what a text it made starts and (before at
    /// most one line terminator) ends with.
    struct Ends: Sendable {
        private let bytes: [UInt8]
        private let firstCount: Int
        /// Whether the template has placeholders (else the last literal is the first).
        private let hasLast: Bool

        init(_ template: MessageTemplate) {
            firstCount = template.literals[0].count
            hasLast = template.literals.count > 1
            bytes = template.literals[0] + (hasLast ? template.literals[template.literals.count - 1] : [])
        }

        /// False when `match` is sure to fail: `text` does not start with the first literal, or
        /// neither ends with the last nor ends with a byte a line terminator ends with (`isEnd`).
        /// True says nothing: `match` decides.
        func mayMatch(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            bytes.withUnsafeBufferPointer { own in
                guard text.count >= firstCount,
                    firstCount == 0 || memcmp(text.baseAddress!, own.baseAddress!, firstCount) == 0
                else { return false }
                guard hasLast, let last = text.last, !Self.mayEndATerminator(last) else { return true }
                let lastCount = own.count - firstCount
                guard text.count >= firstCount + lastCount else { return false }
                return lastCount == 0
                    || memcmp(text.baseAddress! + text.count - lastCount, own.baseAddress! + firstCount, lastCount) == 0
            }
        }

        /// The last byte of LF, VT, FF, CR, NEL (C2 85), U+2028 (E2 80 A8) or U+2029 (E2 80 A9).
        private static func mayEndATerminator(_ byte: UInt8) -> Bool {
            (0x0A...0x0D).contains(byte) || byte == 0x85 || byte == 0xA8 || byte == 0xA9
        }
    }

    /// The values that fill this template to make the text whose UTF-8 bytes are `bytes`, by
    /// placeholder number; nil when the text is not made from it.
    func values(inBytes bytes: [UInt8]) -> [String]? {
        guard let ranges = match(bytes) else { return nil }
        var values = Array(repeating: "", count: (order.max() ?? -1) + 1)
        for (index, number) in order.enumerated() {
            values[number] = String(decoding: bytes[ranges[index]], as: UTF8.self)
        }
        return values
    }

    /// Cut as the regular expression it replaces was built: a `{` not followed by a number and a `}`
    /// ends the placeholders, the rest being literal.
    init(_ text: String) {
        literals = []
        order = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}"),
            let number = Int(rest[rest.index(after: open)..<close])
        {
            literals.append(Array(rest[..<open].utf8))
            order.append(number)
            rest = rest[rest.index(after: close)...]
        }
        literals.append(Array(rest.utf8))
    }

    /// The byte ranges of the placeholders' values in `text`, or nil when `text` is not this template
    /// filled in.
    func match(_ text: [UInt8]) -> [Range<Int>]? {
        guard Self.occurs(literals[0], in: text, at: 0), endsWithLastLiteral(text) else { return nil }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(order.count)
        return fill(1, from: literals[0].count, in: text, &ranges) ? ranges : nil
    }

    /// Whether the last literal can end a match: any match puts it at the text's end or before the
    /// one line terminator `isEnd` allows (at most 3 bytes), after the first literal. A quick
    /// rejection before the lazy search, which tries every position (most printed warnings start
    /// with the same literal as several others: "task ").
    private func endsWithLastLiteral(_ text: [UInt8]) -> Bool {
        guard literals.count > 1 else { return true }
        let last = literals[literals.count - 1]
        return (0...3).contains { terminator in
            let at = text.count - terminator - last.count
            return at >= literals[0].count && Self.occurs(last, in: text, at: at)
                && Self.isEnd(at + last.count, of: text)
        }
    }

    /// Matches placeholder `index - 1` lazily from `start`, then literal `index` and what follows:
    /// the shortest value first, a longer one only when the rest fails (a regular expression's
    /// backtracking, in the same order).
    private func fill(_ index: Int, from start: Int, in text: [UInt8], _ ranges: inout [Range<Int>]) -> Bool {
        guard index < literals.count else { return Self.isEnd(start, of: text) }
        let literal = literals[index]
        var end = start
        while end + literal.count <= text.count {
            // A value holds whole characters: it ends on a scalar boundary (continuation bytes are 0b10xxxxxx).
            if end == text.count || text[end] & 0xC0 != 0x80, Self.occurs(literal, in: text, at: end) {
                ranges.append(start..<end)
                if fill(index + 1, from: end + literal.count, in: text, &ranges) { return true }
                ranges.removeLast()
            }
            end += 1
        }
        return false
    }

    private static func occurs(_ literal: [UInt8], in text: [UInt8], at offset: Int) -> Bool {
        guard offset + literal.count <= text.count else { return false }
        var i = 0
        while i < literal.count {
            if text[offset + i] != literal[i] { return false }
            i += 1
        }
        return true
    }

    /// Where `$` matches without the multi-line option: at the end, or before one line terminator
    /// (LF, VT, FF, CR, CR LF, NEL, U+2028, U+2029) that ends the text.
    static func isEnd(_ offset: Int, of text: [UInt8]) -> Bool {
        let rest = text[offset...]
        if rest.isEmpty { return true }
        switch rest.count {
        case 1: return (0x0A...0x0D).contains(rest.first!)
        case 2: return rest.elementsEqual([0x0D, 0x0A]) || rest.elementsEqual([0xC2, 0x85])
        case 3: return rest.elementsEqual([0xE2, 0x80, 0xA8]) || rest.elementsEqual([0xE2, 0x80, 0xA9])
        default: return false
        }
    }
}

extension Diagnostic {
    /// A diagnostic whose text is `message` filled with `arguments`, in English (`message`).
    init(
        _ code: Code, _ severity: Severity, path: String, line: Int? = nil, _ message: ReaderMessage,
        _ arguments: CustomStringConvertible...
    ) {
        self.init(code, severity, path: path, line: line, Localizer.fill(message.text.en, arguments.map(\.description)))
    }
}
