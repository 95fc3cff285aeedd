import ArgumentParser
import Foundation
import WardPlanKit

/// The options of an edXML envelope (QCVN 102:2016 subset), shared by the commands that write XML.
struct EdXMLOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(say(.helpEdXML)))
    var edxml = false

    @Option(name: .customLong("from"), help: ArgumentHelp(say(.helpFrom)))
    var sender: String?

    @Option(name: .customLong("to"), help: ArgumentHelp(say(.helpTo)))
    var receivers: [String] = []

    @Option(help: ArgumentHelp(say(.helpCode)))
    var code: String?

    @Option(help: ArgumentHelp(say(.helpDate)))
    var date: String?

    @Option(help: ArgumentHelp(say(.helpPlace)))
    var place: String?

    @Option(help: ArgumentHelp(say(.helpSubject)))
    var subject: String?

    func check() throws {
        let given = sender != nil || !receivers.isEmpty || code != nil || date != nil || place != nil || subject != nil
        guard edxml else {
            if given { throw ValidationError(say(.edxmlOptionsAlone)) }
            return
        }
        guard let sender, !receivers.isEmpty, let code else {
            throw ValidationError(say(.edxmlNeedsAgencies))
        }
        for id in [sender] + receivers where !EdXMLEnvelope.isAgencyID(id) {
            throw ValidationError(say(.notAnAgency, id))
        }
        guard EdXMLEnvelope.splitCode(code) != nil else {
            throw ValidationError(say(.codeInvalid, code))
        }
        if let date, CalendarDate(iso: date) == nil {
            throw ValidationError(say(.edxmlDateInvalid, date))
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
