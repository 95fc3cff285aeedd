import Foundation

/// The edXML envelope of QCVN 102:2016/BTTTT around a report, for the document-exchange systems
/// between agencies: a MessageHeader (From, To, Code, PromulgationInfo, DocumentType, Subject,
/// DocumentId) and the report as the body. Only this subset is written, and it is checked against
/// WardPlans' own schema of it (`schema/edxml-qcvn102-subset-1.xsd`): no official XSD is public.
public struct EdXMLEnvelope: Sendable, Hashable {
    /// Agency identifiers (mã định danh, QĐ 20/2020/QĐ-TTg), e.g. `000.00.00.H26`.
    public var from: String
    public var to: [String]
    /// The number and notation of the sending document: "15" and "BC-SNV" of "15/BC-SNV".
    public var codeNumber: String
    public var codeNotation: String
    /// The day the report is issued; passed in, never read from a clock here.
    public var date: CalendarDate
    public var place: String?
    /// Type code and name of the document ("BC", "Báo cáo": the abbreviation of Nghị định 30/2020/NĐ-CP).
    public var typeCode: String
    public var typeName: String
    public var subject: String

    public init(
        from: String, to: [String], codeNumber: String, codeNotation: String, date: CalendarDate, place: String? = nil,
        typeCode: String = "BC", typeName: String = "Báo cáo", subject: String
    ) {
        self.from = from
        self.to = to
        self.codeNumber = codeNumber
        self.codeNotation = codeNotation
        self.date = date
        self.place = place
        self.typeCode = typeCode
        self.typeName = typeName
        self.subject = subject
    }

    /// An agency identifier as QĐ 20/2020/QĐ-TTg writes them: groups of 2-3 digits or capitals
    /// joined by dots (`000.00.00.H26`, `000.00.12.H26`). The schema checks the same pattern.
    public static func isAgencyID(_ id: String) -> Bool {
        let groups = id.split(separator: ".", omittingEmptySubsequences: false)
        return (2...5).contains(groups.count)
            && groups.allSatisfy { group in
                (2...3).contains(group.count) && group.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }
            }
    }

    /// "15/BC-SNV" as number and notation; nil when it is not of that form.
    public static func splitCode(_ code: String) -> (number: String, notation: String)? {
        guard let slash = code.firstIndex(of: "/") else { return nil }
        let number = code[..<slash].trimmingCharacters(in: .whitespaces)
        let notation = code[code.index(after: slash)...].trimmingCharacters(in: .whitespaces)
        return number.isEmpty || notation.isEmpty ? nil : (number, notation)
    }

    /// "{sender},{YYYY/MM/DD},{number}/{notation}", as public integrations of QCVN 102 write it.
    public var documentID: String {
        let d = date.description.replacingOccurrences(of: "-", with: "/")
        return "\(from),\(d),\(codeNumber)/\(codeNotation)"
    }

    static let prefix = "edXML"

    func write(to w: XMLTextWriter, body: () -> Void) {
        let ns = XMLSchemaSet.edXMLNamespace
        func start(_ name: String) { w.start(name, prefix: Self.prefix) }
        func element(_ name: String, _ text: String?) {
            guard let text else { return }
            start(name)
            w.text(text)
            w.end()
        }
        w.start("edXMLEnvelope", prefix: Self.prefix, namespace: ns)
        start("edXMLHeader")
        start("MessageHeader")
        start("From")
        element("OrganId", from)
        w.end()
        for receiver in to {
            start("To")
            element("OrganId", receiver)
            w.end()
        }
        start("Code")
        element("CodeNumber", codeNumber)
        element("CodeNotation", codeNotation)
        w.end()
        start("PromulgationInfo")
        element("Place", place)
        element("PromulgationDate", date.description)
        w.end()
        start("DocumentType")
        element("Type", typeCode)
        element("TypeName", typeName)
        w.end()
        element("Subject", subject)
        element("DocumentId", documentID)
        w.end()  // MessageHeader
        w.end()  // edXMLHeader
        start("edXMLBody")
        body()
        w.end()
        w.end()
    }
}
