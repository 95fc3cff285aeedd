import ArgumentParser
import Foundation
import WardPlanKit

/// The options of an edXML envelope (QCVN 102:2016 subset), shared by the commands that write XML.
struct EdXMLOptions: ParsableArguments {
    @Flag(help: "Wrap the XML report in an edXML envelope (QCVN 102:2016 subset).")
    var edxml = false

    @Option(name: .customLong("from"), help: "Sender agency id, e.g. 000.00.00.H26.")
    var sender: String?

    @Option(name: .customLong("to"), help: "Receiver agency id (repeat for several).")
    var receivers: [String] = []

    @Option(help: "Number and notation of the sending document, e.g. 15/BC-SNV.")
    var code: String?

    @Option(help: "Date of the sending document, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(help: "Place of issue, e.g. \"Hà Nội\".")
    var place: String?

    @Option(help: "Subject (trích yếu) of the sending document.")
    var subject: String?

    func check() throws {
        let given = sender != nil || !receivers.isEmpty || code != nil || date != nil || place != nil || subject != nil
        guard edxml else {
            if given { throw ValidationError("--from, --to, --code, --date, --place and --subject go with --edxml") }
            return
        }
        guard let sender, !receivers.isEmpty, let code else {
            throw ValidationError(
                "--edxml needs --from AGENCY, --to AGENCY and --code NUMBER/NOTATION (e.g. --from 000.00.00.H26 --to 000.00.00.G12 --code 15/BC-SNV)"
            )
        }
        for id in [sender] + receivers where !EdXMLEnvelope.isAgencyID(id) {
            throw ValidationError(
                "\"\(id)\" is not an agency id (mã định danh, QĐ 20/2020/QĐ-TTg) such as 000.00.00.H26")
        }
        guard EdXMLEnvelope.splitCode(code) != nil else {
            throw ValidationError("--code \"\(code)\" is not NUMBER/NOTATION such as 15/BC-SNV")
        }
        if let date, CalendarDate(iso: date) == nil {
            throw ValidationError("--date \"\(date)\" is not a date YYYY-MM-DD")
        }
    }

    /// The envelope of a report of plans, or nil without --edxml. Call after `check()`.
    func envelope(plans: Int) -> EdXMLEnvelope? {
        envelope(defaultSubject: "Kế hoạch cải cách hành chính của \(plans) phường, xã")
    }

    /// The envelope, with `defaultSubject` unless --subject is given; nil without --edxml.
    func envelope(defaultSubject: String) -> EdXMLEnvelope? {
        guard edxml, let sender, let code, let (number, notation) = EdXMLEnvelope.splitCode(code) else { return nil }
        return EdXMLEnvelope(
            from: sender, to: receivers, codeNumber: number, codeNotation: notation,
            date: date.flatMap(CalendarDate.init(iso:)) ?? Self.today(), place: place,
            subject: subject ?? defaultSubject)
    }

    static func today() -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
