/// What the command line says to a person: usage errors, the summary line, output errors and
/// `--help`, Vietnamese first, with English. One key, both languages (the switch makes a missing
/// one a compile error; a test checks neither is empty and both fill the same `{n}`).
/// Diagnostics keep their stable codes whatever the language.
public enum Message: CaseIterable, Sendable {
    // Usage errors.
    case needOutput, edxmlNeedsXML, edxmlNeedsXMLExtract, langInvalid, asOfInvalid, minPeersPositive
    case maxInputPositive
    // What a run says.
    case compareSummary, extractSummary, writtenTo, noInput, skippedFile, xmlSchemaError, errorPrefix
    case registrySummary, lettersSummary
    // Output errors: what went wrong, and what to do.
    case outputPermission, outputReadOnly, outputNoSpace, outputNotAFolder, outputIsAFolder, outputOther
    // --help.
    case rootAbstract, compareAbstract, compareDiscussion, helpPaths, helpHTML, helpCSV, helpCSVSeparator
    case helpHTMLPagesAbove
    case helpXLSX, helpJSON, helpXML, helpAsOf, helpLang, helpMinPeers, helpMaxInput, helpVerbose, helpQuiet
    case extractAbstract, helpFormat, helpOutput, helpExtractXML, helpQuietExtract
    case progress, helpProgress
    // letters, and the decisions and registry options compare shares.
    case lettersAbstract, lettersDiscussion, helpLettersOut, helpLettersAsOf, helpSender, helpTemplate
    case senderEmpty, lettersNoInput, helpDecisions, helpProvince, helpRegistry, provinceAndRegistry
    case provinceUnknown
    // diff.
    case diffAbstract, diffDiscussion, helpDiffOld, helpDiffNew, helpDiffJSON, diffNeedsFiles
    // validate and import.
    case validateAbstract, validateDiscussion, helpXMLFiles, helpMaxXML, validFile, validateSummary, unreadableFile
    case importAbstract, importDiscussion, helpImportFiles, helpImportOutput, importSummary
    // taxonomy.
    case taxonomyAbstract, taxonomyDiscussion, helpTaxonomyFile, helpCheck, helpPhrases, taxonomySummary
    case taxonomyHolds, taxonomyProblems
    // What becomes of a specialist's decisions (decisions.yaml) in a run.
    case decisionResolvedNote, decisionNoWard, decisionOldKey
    // extract's other words, the taxonomy option, the edXML options.
    case extractDiscussion, helpCoverage, helpTaxonomyOption
    case helpEdXML, helpFrom, helpTo, helpCode, helpDate, helpPlace, helpSubject
    case edxmlOptionsAlone, edxmlNeedsAgencies, notAnAgency, codeInvalid, edxmlDateInvalid
    case helpCache, helpNoCache, cacheAndNoCache
    case helpPretty

    /// (Vietnamese, English). `{0}`, `{1}` … are filled in order. No text contains `|`.
    public var text: (vi: String, en: String) {
        switch self {
        case .needOutput:
            (
                "hãy cho biết ghi báo cáo vào đâu: --html TỆP và/hoặc --csv THƯ-MỤC (hoặc --xlsx TỆP, --json TỆP, --xml TỆP)",
                "say where to write the report: --html FILE and/or --csv FOLDER (or --xlsx FILE, --json FILE, --xml FILE)"
            )
        case .edxmlNeedsXML: ("--edxml cần --xml TỆP", "--edxml needs --xml FILE")
        case .edxmlNeedsXMLExtract:
            ("--edxml cần --format xml hoặc --xml TỆP", "--edxml needs --format xml or --xml FILE")
        case .langInvalid: ("--lang phải là vi hoặc en, không phải '{0}'", "--lang must be vi or en, not '{0}'")
        case .asOfInvalid:
            (
                "--as-of phải là một ngày, viết 01/07/2026 hoặc 2026-07-01, không phải '{0}'",
                "--as-of must be a date written 01/07/2026 (day first) or 2026-07-01, not '{0}'"
            )
        case .minPeersPositive: ("--min-peers phải là số dương", "--min-peers must be a positive number")
        case .maxInputPositive: ("--max-input-mb phải là số dương", "--max-input-mb must be a positive number")
        case .compareSummary:
            (
                "wardplan: đã so sánh {0} kế hoạch, {1} tệp không đọc được; {3} nhiệm vụ, {4} nội dung còn thiếu so với yêu cầu quốc gia; {2} tệp bỏ qua",
                "wardplan: {0} plan(s) compared, {1} failed; {3} tasks, {4} national gaps; {2} file(s) skipped"
            )
        case .extractSummary:
            (
                "wardplan: đã đọc {0} kế hoạch, {1} tệp không đọc được; {2} nhiệm vụ, {3} chỉ tiêu",
                "wardplan: {0} plan(s) read, {1} failed; {2} tasks, {3} targets"
            )
        case .writtenTo: (" → đã ghi {0}", " → {0}")
        case .lettersSummary:
            (
                "wardplan: {0} công văn, {1} đề nghị; {2} tệp không đọc được",
                "wardplan: {0} letter(s), {1} request(s), {2} input(s) failed"
            )
        case .registrySummary:
            (
                "; {0}/{1} đơn vị chưa gửi kế hoạch, {2} kế hoạch của đơn vị ngoài danh sách",
                "; {0} of {1} units sent no plan, {2} plan(s) not in the list"
            )
        case .noInput:
            (
                "không đọc được kế hoạch nào, nên không ghi báo cáo nào (các báo cáo cũ giữ nguyên). Hãy kiểm tra đường dẫn: cần một tệp kế hoạch (.txt, .md, .docx, .pdf) hoặc một thư mục chứa các tệp đó.",
                "no plan could be read, so no report was written (earlier reports are left as they were). Check the path: it must be a plan file (.txt, .md, .docx, .pdf) or a folder of them."
            )
        case .skippedFile:
            (
                "bỏ qua: không phải định dạng kế hoạch công cụ đọc được (.txt, .md, .docx, .pdf, .doc, .odt, .rtf)",
                "skipped: not a plan format this tool reads (.txt, .md, .docx, .pdf, .doc, .odt, .rtf)"
            )
        case .xmlSchemaError:
            (
                "wardplan: lỗi: báo cáo XML không khớp lược đồ (lỗi của công cụ, xin báo lại); không ghi tệp nào: {0}",
                "wardplan: error: the XML report does not match its schema (a bug, please report it); nothing was written: {0}"
            )
        case .errorPrefix: ("lỗi", "error")
        case .outputPermission:
            (
                "không ghi được {0}: không có quyền ghi vào thư mục {1}. Hãy chọn thư mục khác hoặc cấp quyền ghi cho thư mục này. Các báo cáo cũ giữ nguyên.",
                "cannot write {0}: no permission to write in the folder {1}. Choose another folder or make this one writable. Earlier reports are left as they were."
            )
        case .outputReadOnly:
            (
                "không ghi được {0}: ổ đĩa chứa thư mục {1} chỉ cho đọc. Hãy chọn thư mục trên ổ đĩa khác. Các báo cáo cũ giữ nguyên.",
                "cannot write {0}: the disk holding {1} is read-only. Choose a folder on another disk. Earlier reports are left as they were."
            )
        case .outputNoSpace:
            (
                "không ghi được {0}: ổ đĩa đã đầy. Hãy giải phóng dung lượng hoặc chọn ổ đĩa khác. Các báo cáo cũ giữ nguyên.",
                "cannot write {0}: the disk is full. Free some space or choose another disk. Earlier reports are left as they were."
            )
        case .outputNotAFolder:
            (
                "không ghi được {0}: {1} là một tệp, không phải thư mục. Hãy chọn tên thư mục khác hoặc đổi tên tệp đó. Các báo cáo cũ giữ nguyên.",
                "cannot write {0}: {1} is a file, not a folder. Choose another folder name or rename that file. Earlier reports are left as they were."
            )
        case .outputIsAFolder:
            (
                "không ghi được {0}: đã có một thư mục tên này. Hãy chọn tên tệp khác. Các báo cáo cũ giữ nguyên.",
                "cannot write {0}: a folder already has this name. Choose another file name. Earlier reports are left as they were."
            )
        case .outputOther:
            (
                "không ghi được {0} ({1}). Hãy kiểm tra thư mục có tạo và ghi được không. Các báo cáo cũ giữ nguyên.",
                "cannot write {0} ({1}). Check that the folder can be created and written to. Earlier reports are left as they were."
            )
        case .rootAbstract:
            (
                "Đọc và so sánh kế hoạch cải cách hành chính của các phường, xã.",
                "Reads and compares ward administrative-reform plans."
            )
        case .compareAbstract:
            (
                "So sánh các kế hoạch và ghi báo cáo nội dung còn thiếu (HTML) và bảng tính (CSV).",
                "Compare plans and write the gap report (HTML) and spreadsheets (CSV)."
            )
        case .compareDiscussion:
            (
                """
                ĐƯỜNG-DẪN là một tệp kế hoạch (.txt, .md, .docx, .pdf; .doc, .odt, .rtf qua LibreOffice) hoặc một thư mục
                (mọi tệp kế hoạch trong đó; tệp khác bị bỏ qua và được nêu tên).
                --html ghi một tệp HTML độc lập; --csv ghi tasks.csv, coverage.csv, targets.csv, gaps.csv vào một thư mục
                (UTF-8 có BOM, dấu phẩy; --csv-separator semicolon cho Excel đặt vùng Việt Nam, vốn tách cột bằng dấu chấm phẩy).
                Một chủ đề mà đa số phường cùng tỉnh (hoặc cùng cụm trong registry.csv) có được nêu để tham khảo khi phường có ít nhất --min-peers phường khác ở đó.
                --xlsx ghi một tệp Excel với các trang tasks, gaps, targets, coverage (cùng các dòng như CSV).
                --json ghi JSON gọn (mỗi phường, nhiệm vụ một dòng); --pretty ghi JSON thụt lề.
                --xml ghi các kế hoạch và kết quả so sánh theo schema/wardplans-3.xsd (kiểm tra trước khi ghi);
                --edxml bọc trong phong bì edXML (tập con QCVN 102:2016).
                Mọi tệp đầu ra của một lần chạy được thay cùng lúc hoặc không tệp nào; khi không đọc được kế hoạch nào thì không ghi gì.
                Mã thoát: 0 đọc được mọi tệp, 1 có tệp không đọc được hoặc không ghi được báo cáo, 2 dòng lệnh sai.
                Ngôn ngữ: tiếng Việt; --lang en (hoặc LANG/LC_ALL bắt đầu bằng en) cho tiếng Anh.
                """,
                """
                PATH is a plan file (.txt, .md, .docx, .pdf; .doc, .odt and .rtf through LibreOffice) or a folder
                (every plan file in it; other files are skipped and named).
                --html writes one self-contained HTML file; --csv writes tasks.csv, coverage.csv, targets.csv and gaps.csv
                into a folder (UTF-8 with a BOM, commas; --csv-separator semicolon for Excel set to a Vietnamese
                region, which splits columns at semicolons). A theme most wards of a province (or of a cluster of registry.csv) cover is listed for a
                ward without it, for reference only, when the ward has at least --min-peers other wards there.
                --xlsx writes one Excel workbook with sheets tasks, gaps, targets and coverage (the CSV rows).
                --json writes compact JSON (a ward, a task a line); --pretty writes it indented.
                --xml writes the plans and the comparison as schema/wardplans-3.xsd (validated before writing);
                --edxml puts it in an edXML envelope (QCVN 102:2016 subset).
                All outputs of a run are replaced together or not at all; when no plan can be read nothing is written.
                Exit codes: 0 all inputs read, 1 some input failed or a report could not be written, 2 usage error.
                Language: Vietnamese; --lang en (or LANG/LC_ALL starting with en) for English.
                """
            )
        case .helpPaths: ("Các tệp kế hoạch hoặc thư mục chứa chúng.", "Plan files or folders of plan files.")
        case .helpHTML: ("Ghi báo cáo HTML vào tệp này.", "Write the HTML report to this file.")
        case .helpHTMLPagesAbove:
            (
                "Khi có nhiều hơn n phường, báo cáo HTML là trang tổng hợp và một trang cho mỗi nhóm (tỉnh, thành phố) trong thư mục cùng tên (mặc định 200).",
                "Above n wards the HTML report is an overview and a page per group (province) in a folder of the same name (default 200)."
            )
        case .helpCSV:
            (
                "Ghi tasks.csv, coverage.csv, targets.csv và gaps.csv vào thư mục này.",
                "Write tasks.csv, coverage.csv, targets.csv and gaps.csv into this folder."
            )
        case .helpCSVSeparator:
            (
                "Dấu phân cách của CSV: comma (mặc định) hoặc semicolon (Excel đặt vùng Việt Nam).",
                "The CSV separator: comma (default) or semicolon (Excel set to a Vietnamese region)."
            )
        case .helpXLSX:
            (
                "Ghi một tệp Excel (.xlsx) gồm các trang tasks, gaps, targets, coverage, cùng các dòng như tệp CSV.",
                "Write one Excel workbook (.xlsx): sheets tasks, gaps, targets, coverage, with the CSV files' rows."
            )
        case .helpJSON: ("Ghi kết quả so sánh dạng JSON vào tệp này.", "Write the comparison as JSON to this file.")
        case .helpXML:
            (
                "Ghi các kế hoạch và kết quả so sánh dạng XML (schema/wardplans-3.xsd, đã kiểm tra) vào tệp này.",
                "Write the plans and the comparison as XML (schema/wardplans-3.xsd, validated) to this file."
            )
        case .helpAsOf:
            (
                "Ngày lập báo cáo (01/07/2026 hoặc 2026-07-01): các hạn trước ngày này được theo dõi. Mặc định: hôm nay.",
                "The report date (01/07/2026, day first, or 2026-07-01): deadlines before it are followed up. Default: today."
            )
        case .helpLang:
            (
                "Ngôn ngữ của báo cáo và thông báo: vi (mặc định) hoặc en.",
                "Language of the report and the messages: vi (default) or en."
            )
        case .helpMinPeers:
            (
                "Số phường khác cùng nhóm (cụm trong registry.csv, nếu không thì cùng tỉnh) cần có trước khi nêu nội dung đa số phường có (chỉ để tham khảo).",
                "Other wards of the same group (its cluster in registry.csv, else its province) a ward needs before what most of them plan is listed (reference only)."
            )
        case .helpMaxInput:
            ("Từ chối tệp đầu vào lớn hơn số megabyte này.", "Refuse input files larger than this many megabytes.")
        case .helpVerbose:
            ("In cả ghi chú, không chỉ cảnh báo và lỗi.", "Also print notes, not only warnings and errors.")
        case .helpQuiet: ("Không in tiến độ và dòng tóm tắt.", "Print no progress or summary line.")
        case .extractAbstract:
            (
                "Đọc các kế hoạch vào mô hình chung và in ra dạng JSON hoặc XML.",
                "Read plans into the common model and print it as JSON or XML."
            )
        case .helpFormat: ("Định dạng đầu ra: json (mặc định) hoặc xml.", "Output format: json (default) or xml.")
        case .helpOutput:
            (
                "Ghi đầu ra vào tệp này (thay trọn vẹn) thay vì in ra màn hình; \"-\" là in ra màn hình.",
                "Write the output to this file (atomically) instead of standard output; \"-\" is standard output."
            )
        case .helpExtractXML:
            (
                "Ghi thêm báo cáo XML vào tệp này (thay trọn vẹn, đã kiểm tra).",
                "Also write the XML report to this file (atomically, validated)."
            )
        case .helpQuietExtract: ("Không in dòng tóm tắt.", "Print no summary line.")
        case .progress: ("{0}/{1} tệp, {2} tệp/giây", "{0}/{1} files, {2} files/s")
        case .helpProgress:
            (
                "In tiến độ (số tệp đã đọc, tốc độ) ra stderr cả khi stderr không phải màn hình (mỗi giây một dòng).",
                "Print progress (files read, rate) on standard error even when it is not a terminal (a line a second)."
            )
        case .lettersAbstract:
            (
                "Ghi công văn góp ý (.docx) gửi từng phường, đề nghị điều chỉnh kế hoạch.",
                "Write a review letter (.docx) to each ward asking it to amend its plan."
            )
        case .lettersDiscussion:
            (
                """
                ĐƯỜNG-DẪN là một tệp kế hoạch hoặc một thư mục, như với compare. Ghi mỗi phường một tệp Word vào --out,
                tên theo phường (phuong-ngoc-ha.docx): công văn theo thể thức Nghị định 30/2020/NĐ-CP, mỗi nội dung còn
                thiếu so với khung quốc gia một đề nghị, xếp theo lĩnh vực cải cách, hạn trả lời là ngày --as-of cộng số
                ngày của mẫu công văn. Lời văn là dữ liệu: --template TỆP (bản sao của letter.yaml đi kèm).
                Nội dung được đánh dấu not-applicable trong decisions.yaml (--decisions TỆP) không đưa vào công văn.
                Các công văn của một lần chạy được ghi cùng lúc hoặc không tệp nào (không để lại thư mục dở dang).
                Mã thoát: 0 đọc được mọi tệp, 1 có tệp không đọc được (các phường khác vẫn có công văn) hoặc không ghi
                được công văn, 2 dòng lệnh sai.
                """,
                """
                PATH is a plan file or a folder, as for compare. Writes one Word file per ward into --out, named
                from the ward (phuong-ngoc-ha.docx): a công văn in the form of Nghị định 30/2020/NĐ-CP with one
                request per national gap item, grouped by reform area, and a reply date --as-of plus the days of
                the letter template. The wording is data: --template FILE (a copy of the shipped letter.yaml).
                Items marked not-applicable in decisions.yaml (--decisions FILE) are left out.
                The letters of a run are written together or not at all (no half-written folder is left).
                Exit codes: 0 all inputs read, 1 some input failed (the others get their letters) or the letters
                could not be written, 2 usage error.
                """
            )
        case .helpLettersOut: ("Ghi các công văn vào thư mục này.", "Write the letters into this folder.")
        case .helpLettersAsOf:
            (
                "Ngày của công văn (01/07/2026 hoặc 2026-07-01). Mặc định: hôm nay.",
                "The letter's date (01/07/2026, day first, or 2026-07-01). Default: today."
            )
        case .helpSender:
            (
                "Cơ quan ban hành (mặc định: của mẫu công văn, \"Sở Nội vụ\").",
                "The issuing body (default: the template's, \"Sở Nội vụ\")."
            )
        case .helpTemplate:
            (
                "Dùng mẫu công văn (YAML) này thay cho mẫu đi kèm.",
                "Use this letter template (YAML) instead of the shipped one."
            )
        case .senderEmpty: ("--sender phải nêu tên cơ quan ban hành", "--sender must name the issuing body")
        case .lettersNoInput:
            (
                "không đọc được kế hoạch nào, nên không ghi công văn nào. Hãy kiểm tra đường dẫn: cần một tệp kế hoạch (.txt, .md, .docx, .pdf) hoặc một thư mục chứa các tệp đó.",
                "no plan could be read, so no letter was written. Check the path: it must be a plan file (.txt, .md, .docx, .pdf) or a folder of them."
            )
        case .helpDecisions:
            (
                "Đánh dấu của chuyên viên về các nội dung còn thiếu (YAML; mặc định: decisions.yaml trong thư mục đầu tiên).",
                "Decisions on gap items (YAML; default: decisions.yaml in the first folder given)."
            )
        case .helpProvince:
            (
                "Liệt kê các đơn vị của tỉnh, thành phố này chưa gửi kế hoạch (lặp lại được; \"Hà Nội\").",
                "List the units of this province that sent no plan (repeatable; \"Hà Nội\")."
            )
        case .helpRegistry:
            (
                "Danh sách đơn vị của thành phố, code,name,kind,group (mặc định: registry.csv trong thư mục đầu tiên).",
                "A city's list of units, code,name,kind,group (default: registry.csv in the first folder given)."
            )
        case .provinceAndRegistry:
            ("hãy dùng --province hoặc --registry, không dùng cả hai", "give --province or --registry, not both")
        case .provinceUnknown:
            (
                "--province \"{0}\" không phải tên tỉnh, thành phố nào trong danh mục (ví dụ \"Hà Nội\")",
                "--province \"{0}\" names no province of the national list (such as \"Hà Nội\")"
            )
        case .diffAbstract:
            (
                "Liệt kê những thay đổi giữa hai bản kế hoạch của một phường.",
                "List what changed between two versions of one ward's plan."
            )
        case .diffDiscussion:
            (
                """
                Các nhiệm vụ bị bỏ, thêm và sửa (cơ quan chủ trì, thời gian, sản phẩm, lời văn), ghép theo nội dung, và
                các chỉ tiêu được nâng, hạ, thêm hoặc bỏ, kèm số dòng ở cả hai bản; in ra màn hình, và với --json TỆP
                ghi dạng JSON. Mã thoát: 0 đã so sánh, 1 không đọc được một kế hoạch, 2 dòng lệnh sai.
                """,
                """
                Tasks removed, added and changed (lead office, timeline, products, wording), paired by their words,
                and targets raised, lowered, added or removed, with their lines in both versions; printed, and with
                --json FILE written as JSON. Exit codes: 0 compared, 1 a plan could not be read, 2 usage error.
                """
            )
        case .helpDiffOld: ("Bản trước của kế hoạch.", "The earlier version of the plan.")
        case .helpDiffNew: ("Bản sau của kế hoạch.", "The later version of the plan.")
        case .helpDiffJSON:
            ("Ghi các thay đổi dạng JSON vào tệp này.", "Write the differences as JSON to this file.")
        case .diffNeedsFiles:
            (
                "wardplan: diff cần hai tệp kế hoạch, không phải thư mục",
                "wardplan: diff needs two plan files, not folders"
            )
        case .validateAbstract:
            (
                "Kiểm tra tệp XML theo lược đồ WardPlans (báo cáo, hoặc phong bì edXML bọc báo cáo).",
                "Check XML files against the WardPlans schemas (report, or edXML envelope around one)."
            )
        case .validateDiscussion:
            (
                """
                Mỗi TỆP được đọc như dữ liệu không tin cậy (không mạng, không DTD, không thực thể, giới hạn kích thước và
                độ sâu) và kiểm tra theo schema/wardplans-3.xsd (báo cáo định dạng 2, 1: wardplans-2.xsd, wardplans-1.xsd) hoặc, với phong bì edXML, schema/edxml-qcvn102-subset-1.xsd.
                Lỗi được in ra luồng lỗi dạng tệp:dòng: error: nội dung [mã].
                Mã thoát: 0 mọi tệp hợp lệ, 1 có tệp không hợp lệ hoặc không đọc được, 2 dòng lệnh sai.
                """,
                """
                Each FILE is parsed as untrusted input (no network, no DTD, no entities, bounded size and depth) and
                validated against schema/wardplans-3.xsd (a report of format 2 or 1: wardplans-2.xsd, wardplans-1.xsd) or, for an edXML envelope, schema/edxml-qcvn102-subset-1.xsd.
                Problems go to standard error as file:line: error: message [code].
                Exit codes: 0 every file is valid, 1 some file is invalid or unreadable, 2 usage error.
                """
            )
        case .helpXMLFiles: ("Các tệp XML cần kiểm tra.", "XML files to check.")
        case .helpMaxXML:
            ("Từ chối tệp XML lớn hơn số megabyte này.", "Refuse XML files larger than this many megabytes.")
        case .validFile: ("{0}: hợp lệ (schema/{1})", "{0}: valid (schema/{1})")
        case .validateSummary:
            ("wardplan: {0} tệp hợp lệ, {1} tệp không hợp lệ", "wardplan: {0} valid, {1} invalid")
        case .unreadableFile: ("không đọc được tệp: {0}", "cannot read the file: {0}")
        case .importAbstract:
            (
                "Đọc lại báo cáo XML của WardPlans vào mô hình chung và in ra dạng JSON.",
                "Read WardPlans XML reports back into the model and print it as JSON."
            )
        case .importDiscussion:
            (
                """
                TỆP là báo cáo do `wardplan extract --format xml` hoặc `wardplan compare --xml` ghi (hoặc hệ thống khác
                ghi cùng định dạng), để trần hoặc trong phong bì edXML; đọc các kế hoạch, bỏ qua phần so sánh (compare
                tính lại). Tệp được đọc như dữ liệu không tin cậy và kiểm tra theo lược đồ trước khi đọc. JSON giống
                JSON mà `wardplan extract` in ra: extract → XML → import cho cùng một JSON.
                Mã thoát: 0 đọc được mọi tệp, 1 có tệp lỗi (các tệp khác vẫn được in), 2 dòng lệnh sai.
                """,
                """
                FILE is a report written by `wardplan extract --format xml` or `wardplan compare --xml` (or by another
                system in the same format), bare or inside an edXML envelope; the plans are read, a comparison is
                skipped (compare computes it). It is parsed as untrusted input and validated against the schema before
                it is read. The JSON is the one `wardplan extract` prints: extract → XML → import gives the same JSON.
                Exit codes: 0 every file was read, 1 some file failed (the others are still printed), 2 usage error.
                """
            )
        case .helpImportFiles: ("Các báo cáo XML của WardPlans.", "WardPlans XML reports.")
        case .helpImportOutput:
            (
                "Ghi JSON vào tệp này (thay trọn vẹn) thay vì in ra màn hình.",
                "Write the JSON to this file (atomically) instead of standard output."
            )
        case .importSummary:
            (
                "wardplan: đã đọc {0} kế hoạch từ {1} tệp, {2} tệp lỗi",
                "wardplan: {0} plan(s) imported from {1} file(s), {2} file(s) failed"
            )
        case .taxonomyAbstract:
            (
                "In các lĩnh vực và chủ đề của bộ phân loại, hoặc kiểm tra một tệp phân loại.",
                "Print the taxonomy's areas and themes, or check a taxonomy file."
            )
        case .taxonomyDiscussion:
            (
                """
                TỆP là tệp phân loại mà thành phố chỉnh sửa (bỏ trống: tệp đi kèm). Với --check, tệp được nạp, kiểm tra
                (trường không biết, mã trùng, lĩnh vực không có, cụm từ gán cho hai chủ đề; văn bản của documents.yaml,
                ngày và mã tỉnh trong expectedBy, appliesTo và since, cả trong benchmarks và citations đi kèm) và các câu
                ví dụ được phân loại; mỗi lỗi in dạng tệp:dòng: error: nội dung.
                Mã thoát: 0 tệp hợp lệ (và với --check mọi ví dụ đúng), 1 tệp có lỗi, 2 dòng lệnh sai.
                """,
                """
                FILE is a taxonomy file a city edits (the shipped one when left out). With --check the file
                is loaded, checked (unknown fields, duplicate ids, unknown areas, phrases given to two themes;
                documents of documents.yaml, dates and province keys in expectedBy, appliesTo and since, also
                in the shipped benchmarks and citations) and its example sentences are classified; every problem is printed as file:line: error: message.
                Exit codes: 0 the file is valid (and with --check every example holds), 1 it is not, 2 usage error.
                """
            )
        case .helpTaxonomyFile:
            (
                "Một tệp phân loại (YAML); bỏ trống: tệp đi kèm.",
                "A taxonomy file (YAML); the shipped taxonomy when left out."
            )
        case .helpCheck:
            (
                "Kiểm tra tệp và chạy các câu ví dụ thay vì in ra.",
                "Check the file and run its examples instead of printing it."
            )
        case .helpPhrases: ("In cả các cụm từ của từng chủ đề.", "Also print each theme's phrases.")
        case .taxonomySummary:
            (
                "{0}: bộ phân loại {1}, {2} lĩnh vực, {3} chủ đề, {4} câu ví dụ",
                "{0}: taxonomy {1}, {2} areas, {3} themes, {4} examples"
            )
        case .taxonomyHolds: (": mọi ví dụ đều đúng", ": all examples hold")
        case .taxonomyProblems: (": {0} lỗi", ": {0} problem(s)")
        case .extractDiscussion:
            (
                """
                ĐƯỜNG-DẪN là một tệp kế hoạch (.txt, .md, .docx, .pdf; .doc, .odt, .rtf qua LibreOffice) hoặc một thư mục;
                thư mục nghĩa là mọi tệp kế hoạch trong đó.
                --format xml ghi báo cáo theo schema/wardplans-3.xsd thay cho JSON; --xml TỆP ghi thêm báo cáo đó bên cạnh
                JSON. XML được kiểm tra theo lược đồ trước khi ghi; --edxml bọc trong phong bì edXML (tập con QCVN
                102:2016) để trao đổi văn bản giữa các cơ quan.
                JSON gọn: mỗi kế hoạch một dòng, không khoảng trắng, khóa theo thứ tự; --pretty ghi JSON thụt lề.
                --coverage báo cáo, với từng tệp, tỷ lệ dòng có nội dung đã vào mô hình.
                Mỗi nhiệm vụ, chỉ tiêu và nội dung được gán lĩnh vực và chủ đề của bộ phân loại, kèm bằng chứng (cụm từ,
                dòng, cột); --taxonomy TỆP phân loại theo tệp phân loại riêng của thành phố.
                Lỗi và cảnh báo in ra luồng lỗi dạng tệp:dòng: mức: nội dung [mã].
                Mã thoát: 0 đọc được mọi tệp, 1 có tệp không đọc được (các tệp khác vẫn được ghi), 2 dòng lệnh sai.
                """,
                """
                PATH is a plan file (.txt, .md, .docx, .pdf; .doc, .odt and .rtf through LibreOffice) or a folder;
                a folder means every plan file in it.
                --format xml writes the report of schema/wardplans-3.xsd instead of JSON; --xml FILE writes it
                as well as the JSON. The XML is validated in-process before it is written; --edxml puts it in
                an edXML envelope (QCVN 102:2016 subset) for document exchange between agencies.
                The JSON is compact: one plan a line, no spaces, keys sorted; --pretty writes it indented.
                --coverage reports, per input, the share of non-blank lines that ended up in the model.
                Each task, target and narrative item gets an area and themes of the taxonomy, with the evidence
                (phrase, line, column); --taxonomy FILE classifies with a city's own taxonomy file.
                Diagnostics go to standard error as file:line: severity: message [code].
                Exit codes: 0 all inputs read, 1 some input failed (the others are still written), 2 usage error.
                """
            )
        case .helpCoverage:
            (
                "Báo cáo ra luồng lỗi, với từng tệp, tỷ lệ dòng có nội dung (đoạn văn với tệp Word) đã vào mô hình, và liệt kê phần còn lại.",
                "Report on standard error, per input, the share of non-blank lines (paragraphs for Word) that ended up in the model, and list the rest."
            )
        case .helpTaxonomyOption:
            (
                "Dùng tệp phân loại (YAML) này thay cho tệp đi kèm; hãy kiểm tra trước bằng `wardplan taxonomy --check TỆP`.",
                "Use this taxonomy file (YAML) instead of the shipped one; check it first with `wardplan taxonomy --check FILE`."
            )
        case .helpEdXML:
            (
                "Bọc báo cáo XML trong phong bì edXML (tập con QCVN 102:2016).",
                "Wrap the XML report in an edXML envelope (QCVN 102:2016 subset)."
            )
        case .helpFrom: ("Mã định danh cơ quan gửi, ví dụ 000.00.00.H26.", "Sender agency id, e.g. 000.00.00.H26.")
        case .helpTo:
            ("Mã định danh cơ quan nhận (lặp lại cho nhiều cơ quan).", "Receiver agency id (repeat for several).")
        case .helpCode:
            (
                "Số và ký hiệu của văn bản gửi kèm, ví dụ 15/BC-SNV.",
                "Number and notation of the sending document, e.g. 15/BC-SNV."
            )
        case .helpDate:
            (
                "Ngày của văn bản gửi kèm, YYYY-MM-DD (mặc định: hôm nay).",
                "Date of the sending document, YYYY-MM-DD (default: today)."
            )
        case .helpPlace: ("Địa danh ban hành, ví dụ \"Hà Nội\".", "Place of issue, e.g. \"Hà Nội\".")
        case .helpSubject: ("Trích yếu của văn bản gửi kèm.", "Subject (trích yếu) of the sending document.")
        case .edxmlOptionsAlone:
            (
                "--from, --to, --code, --date, --place và --subject chỉ dùng cùng --edxml",
                "--from, --to, --code, --date, --place and --subject go with --edxml"
            )
        case .edxmlNeedsAgencies:
            (
                "--edxml cần --from CƠ-QUAN, --to CƠ-QUAN và --code SỐ/KÝ-HIỆU (ví dụ --from 000.00.00.H26 --to 000.00.00.G12 --code 15/BC-SNV)",
                "--edxml needs --from AGENCY, --to AGENCY and --code NUMBER/NOTATION (e.g. --from 000.00.00.H26 --to 000.00.00.G12 --code 15/BC-SNV)"
            )
        case .notAnAgency:
            (
                "\"{0}\" không phải mã định danh cơ quan (QĐ 20/2020/QĐ-TTg), ví dụ 000.00.00.H26",
                "\"{0}\" is not an agency id (mã định danh, QĐ 20/2020/QĐ-TTg) such as 000.00.00.H26"
            )
        case .codeInvalid:
            (
                "--code \"{0}\" không có dạng SỐ/KÝ-HIỆU, ví dụ 15/BC-SNV",
                "--code \"{0}\" is not NUMBER/NOTATION such as 15/BC-SNV"
            )
        case .edxmlDateInvalid:
            ("--date \"{0}\" không phải ngày dạng YYYY-MM-DD", "--date \"{0}\" is not a date YYYY-MM-DD")
        case .helpCache:
            (
                "Giữ các kế hoạch đã đọc trong thư mục này, theo nội dung tệp, bản dựng của công cụ và các tệp dữ liệu; lần chạy sau chỉ đọc lại các tệp đã thay đổi (mặc định: exports/.cache).",
                "Keep plans already read in this folder, by file content, tool build and data files; a run reads again only the files that changed (default: exports/.cache)."
            )
        case .helpNoCache:
            (
                "Đọc lại mọi tệp kế hoạch; không dùng và không ghi bộ nhớ đệm.",
                "Read every plan file again; use no cache and write none."
            )
        case .helpPretty:
            (
                "Ghi JSON thụt lề, dễ đọc (như các phiên bản trước); mặc định JSON gọn, mỗi kế hoạch (phường, nhiệm vụ) một dòng.",
                "Write indented JSON (as earlier versions did); by default JSON is compact, one plan (ward, task) a line."
            )
        case .cacheAndNoCache:
            ("không dùng --cache và --no-cache cùng lúc.", "--cache and --no-cache cannot be used together.")
        case .decisionResolvedNote:
            (
                "đã giải quyết: {0} không còn thiếu {1} {2} (có thể bỏ đánh dấu {3})",
                "resolved: {0} no longer lacks {1} {2} (the decision {3} can be removed)"
            )
        case .decisionNoWard:
            (
                "lần chạy này không đọc được kế hoạch nào của {0}; đánh dấu về {1} {2} được giữ nhưng không dùng",
                "no plan of {0} was read in this run; the decision on {1} {2} is kept but not used"
            )
        case .decisionOldKey:
            (
                "{0} nay được ghi bằng mã đơn vị hành chính: hãy viết \"ward: '{1}'\" (hoặc tên, \"{2}\"); mã cũ vẫn được đọc",
                "{0} is now keyed by its official code: write \"ward: '{1}'\" (or its name, \"{2}\"); the old key is still read"
            )
        }
    }

    public func callAsFunction(_ language: Language, _ arguments: CustomStringConvertible...) -> String {
        format(language, arguments)
    }

    public func format(_ language: Language, _ arguments: [CustomStringConvertible]) -> String {
        Localizer.fill(language == .vi ? text.vi : text.en, arguments.map(\.description))
    }
}

extension Language {
    /// The language of the command's messages: `--lang xx` (or `--lang=xx`) on the command line,
    /// else the environment (LC_ALL, then LC_MESSAGES, then LANG: English when it starts with `en`),
    /// else Vietnamese.
    public static func ofMessages(arguments: [String], environment: [String: String]) -> Language {
        for (i, argument) in arguments.enumerated() {
            if argument == "--lang", i + 1 < arguments.count, let l = Language(rawValue: arguments[i + 1]) { return l }
            if argument.hasPrefix("--lang="), let l = Language(rawValue: String(argument.dropFirst(7))) { return l }
        }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .en : .vi
        }
        return .vi
    }
}
