import CLibXML2
import Foundation

/// The XML Schemas the tool writes and validates against, compiled once from the files shipped in
/// the bundle (`Resources/Schema`, a link to the repository's `schema/` folder, so the published
/// schemas are the ones used).
public enum XMLSchemaSet {
    /// The report format the tool writes and imports: `schema/wardplans-3.xsd`.
    public static let reportNamespace = "urn:wardplans:report:3"
    public static let reportFile = "wardplans-3.xsd"
    /// The version `report/@schemaVersion` carries: the namespace's last number.
    public static let reportVersion = 3
    /// The format before it (each evidence carried its phrase's text): still validated and imported.
    public static let reportVersion2Namespace = "urn:wardplans:report:2"
    public static let reportVersion2File = "wardplans-2.xsd"
    /// The format before it (gap items and duties had another shape): still validated, not imported.
    public static let reportVersion1Namespace = "urn:wardplans:report:1"
    public static let reportVersion1File = "wardplans-1.xsd"
    /// The subset of the edXML envelope of QCVN 102:2016/BTTTT: `schema/edxml-qcvn102-subset-1.xsd`.
    public static let edXMLNamespace = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
    public static let edXMLFile = "edxml-qcvn102-subset-1.xsd"

    /// The kinds of document the tool reads and writes, told apart by their root element.
    public enum Kind: String, Sendable {
        case report
        /// A report of format 2 (`urn:wardplans:report:2`).
        case reportVersion2
        /// A report of format 1 (`urn:wardplans:report:1`).
        case reportVersion1
        case edXMLEnvelope

        /// The file of `schema/` it is validated against.
        public var schemaFile: String {
            switch self {
            case .report: XMLSchemaSet.reportFile
            case .reportVersion2: XMLSchemaSet.reportVersion2File
            case .reportVersion1: XMLSchemaSet.reportVersion1File
            case .edXMLEnvelope: XMLSchemaSet.edXMLFile
            }
        }

        static func of(_ root: XMLElementView) -> Kind? {
            switch (root.namespace, root.name) {
            case (XMLSchemaSet.reportNamespace, "report"): .report
            case (XMLSchemaSet.reportVersion2Namespace, "report"): .reportVersion2
            case (XMLSchemaSet.reportVersion1Namespace, "report"): .reportVersion1
            case (XMLSchemaSet.edXMLNamespace, "edXMLEnvelope"): .edXMLEnvelope
            default: nil
            }
        }
    }

    /// The shipped schema file's URL.
    public static func url(of file: String) -> URL? {
        let name = (file as NSString).deletingPathExtension
        return Bundle.module.url(forResource: name, withExtension: "xsd", subdirectory: "Schema")
    }

    static let report = CompiledSchema(file: reportFile)
    /// The report schema without its report-wide constraints (`XMLReportIDs.constraints`): the
    /// frame of a report whose plans' elements are validated one by one (`PlanPartValidation`),
    /// the constraints that span them being checked from the ids (`XMLReportIDs`).
    static let reportFrame = CompiledSchema(
        file: reportFile, dropping: XMLReportIDs.constraints, keeping: XMLReportIDs.frameConstraints)
    /// The frame's schema without `phraseKey` either: what a plan's element is validated against
    /// first (`PlanPartValidation.frameProblems`), in a document whose phrase list is empty, so the
    /// key cannot fail there; libxml2 still ran its selector on every element of the plan (77 M of
    /// 1,770 M instructions on n-100's plans, callgrind of a C program). Never a verdict: a part is
    /// kept with the frame's digest.
    static let reportPart = CompiledSchema(
        file: reportFile, dropping: XMLReportIDs.constraints.union(XMLReportIDs.frameConstraints), keeping: [])
    /// `reportFrame` and `reportPart` without the patterns of the id types, which the writer checks
    /// on its ids instead (`XMLIDPatterns`): what a report is validated against when they hold.
    static let reportFrameIDs = CompiledSchema(
        file: reportFile, dropping: XMLReportIDs.constraints, keeping: XMLReportIDs.frameConstraints,
        unpatterned: XMLIDPatterns.types)
    static let reportPartIDs = CompiledSchema(
        file: reportFile, dropping: XMLReportIDs.constraints.union(XMLReportIDs.frameConstraints), keeping: [],
        unpatterned: XMLIDPatterns.types)
    /// `reportPartIDs` without the patterns of the code types either (`CodeToken`, `DiagnosticCode`,
    /// `Sha256`, `VersionToken`): what a plan's folded element is validated against first when the
    /// writer found every code value of it in form (`XMLCodePatterns`). Never a verdict.
    static let reportPartCodes = CompiledSchema(
        file: reportFile, dropping: XMLReportIDs.constraints.union(XMLReportIDs.frameConstraints), keeping: [],
        unpatterned: XMLIDPatterns.types.union(XMLCodePatterns.types))
    static let reportVersion2 = CompiledSchema(file: reportVersion2File)
    static let reportVersion1 = CompiledSchema(file: reportVersion1File)
    static let edXML = CompiledSchema(file: edXMLFile)

    static func schema(for kind: Kind) -> CompiledSchema {
        switch kind {
        case .report: report
        case .reportVersion2: reportVersion2
        case .reportVersion1: reportVersion1
        case .edXMLEnvelope: edXML
        }
    }

    /// Validates a parsed document against the schema its root element names. Returns the
    /// problems, each with its line; empty when the document is valid.
    static func validate(_ document: LibXMLDocument) -> [Diagnostic] {
        guard let root = document.root, let kind = Kind.of(root) else {
            let found = document.root.map { "{\($0.namespace ?? "")}\($0.name)" } ?? "nothing"
            return [
                Diagnostic(
                    .xmlNotAReport, .error, path: document.path, line: document.root?.line,
                    "không phải báo cáo WardPlans / not a WardPlans report: the root element is \(found); expected {\(reportNamespace)}report or an edXML envelope {\(edXMLNamespace)}edXMLEnvelope"
                )
            ]
        }
        return schema(for: kind).validate(document)
    }
}

/// One compiled schema. libxml2 schemas are read-only once parsed, so one is shared by all threads;
/// each validation has its own context.
final class CompiledSchema: @unchecked Sendable {
    let file: String
    let pointer: xmlSchemaPtr
    /// XXH64 of the schema file's bytes (and, for a schema compiled without some constraints, of
    /// their names): what a verdict kept with a validated part names (`PlanPartValidation`), so an
    /// edited schema trusts no part validated against the old one, and a part found valid against
    /// the frame's schema is never taken for one found valid against the whole schema.
    let digest: UInt64
    /// The schema document a derived schema was compiled from, kept while the schema lives.
    private let source: xmlDocPtr?

    init(file: String) {
        _ = LibXML.ready
        self.file = file
        // A schema that does not load is a bug in the shipped files; the test suite loads both.
        let url = Self.shipped(file)
        digest = Self.digest(of: url)
        source = nil
        guard let parser = xmlSchemaNewParserCtxt(url.path) else { fatalError("libxml2 could not read \(url.path)") }
        pointer = Self.compile(parser, path: url.path)
    }

    /// The schema of `file` without the identity constraints named in `dropping`, declared on its
    /// `report` element. The constraints declared on `report` or on `plans` must be exactly
    /// `dropping` and `keeping`: one added to the schema stops the tool here (and the tests), so a
    /// constraint across plans is never left unchecked by this schema and by the code alike.
    /// `unpatterned`: named simple types whose one `xs:pattern` is left out too (each must have one).
    init(file: String, dropping: Set<String>, keeping: Set<String>, unpatterned: Set<String> = []) {
        _ = LibXML.ready
        self.file = file
        let url = Self.shipped(file)
        digest = Self.digest(of: url, dropping: dropping.union(unpatterned.map { "pattern:" + $0 }))
        guard let document = xmlReadFile(url.path, nil, Int32(XML_PARSE_NONET.rawValue)) else {
            fatalError("libxml2 could not read \(url.path)")
        }
        var found: Set<String> = []
        Self.identityConstraints(in: document) { constraint, owner in
            guard owner == "report" || owner == "plans" else { return }
            let name = XMLElementView(node: constraint).attribute("name") ?? "(no name)"
            found.insert(name)
            if dropping.contains(name) && owner == "report" {
                xmlUnlinkNode(constraint)
                xmlFreeNode(constraint)
            }
        }
        guard found == dropping.union(keeping) else {
            fatalError(
                "\(file) declares the report-wide constraints \(found.sorted()); the tool checks \(dropping.sorted()) itself and leaves \(keeping.sorted()) to the schema. Check a new one in XMLReportIDs"
            )
        }
        Self.dropPatterns(of: unpatterned, in: document, file: file)
        source = document
        guard let parser = xmlSchemaNewDocParserCtxt(document) else { fatalError("libxml2 could not read \(url.path)") }
        pointer = Self.compile(parser, path: url.path)
    }

    /// Unlinks the `xs:pattern` of each simple type named in `types` (top-level `xs:simpleType`
    /// with one `xs:restriction` holding exactly one pattern); stops when a type is not so.
    private static func dropPatterns(of types: Set<String>, in document: xmlDocPtr, file: String) {
        guard !types.isEmpty, let root = xmlDocGetRootElement(document) else { return }
        var done: Set<String> = []
        for type in elements(of: root) where XMLElementView(node: type).name == "simpleType" {
            guard let name = XMLElementView(node: type).attribute("name"), types.contains(name) else { continue }
            let patterns = elements(of: type).filter { XMLElementView(node: $0).name == "restriction" }
                .flatMap { elements(of: $0) }.filter { XMLElementView(node: $0).name == "pattern" }
            guard patterns.count == 1 else { continue }
            xmlUnlinkNode(patterns[0])
            xmlFreeNode(patterns[0])
            done.insert(name)
        }
        guard done == types else {
            fatalError(
                "\(file): the types \(types.subtracting(done).sorted()) are not simple types with one pattern; the tool checks their patterns itself (XMLIDPatterns)"
            )
        }
    }

    /// The element children of `node`.
    private static func elements(of node: xmlNodePtr) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { found.append(current) }
            child = current.pointee.next
        }
        return found
    }

    private static func shipped(_ file: String) -> URL {
        guard let url = XMLSchemaSet.url(of: file) else {
            fatalError("the shipped schema \(file) is missing from the bundle (Resources/Schema)")
        }
        return url
    }

    /// XXH64 of the file's bytes; with `dropping`, of those bytes followed by a zero byte and the
    /// names dropped (a pattern's as "pattern:" and its type), sorted, each ended by a zero byte:
    /// never the digest of the file alone.
    static func digest(of url: URL, dropping: Set<String> = []) -> UInt64 {
        guard var data = try? Data(contentsOf: url) else { fatalError("could not read \(url.path)") }
        if !dropping.isEmpty {
            data.append(0)
            for name in dropping.sorted() {
                data.append(contentsOf: Array(name.utf8))
                data.append(0)
            }
        }
        return data.withUnsafeBytes { XXH64.hash($0) }
    }

    /// Calls `body` with each `xs:unique`, `xs:key` and `xs:keyref` of a schema document and the
    /// name of the element declaration it belongs to. `body` may unlink the constraint.
    private static func identityConstraints(in document: xmlDocPtr, _ body: (xmlNodePtr, String?) -> Void) {
        func walk(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let current = child {
                child = current.pointee.next
                guard current.pointee.type == XML_ELEMENT_NODE else { continue }
                let view = XMLElementView(node: current)
                if ["unique", "key", "keyref"].contains(view.name) {
                    body(current, XMLElementView(node: node).attribute("name"))
                } else {
                    walk(current)
                }
            }
        }
        if let root = xmlDocGetRootElement(document) { walk(root) }
    }

    private static func compile(_ parser: xmlSchemaParserCtxtPtr, path: String) -> xmlSchemaPtr {
        defer { xmlSchemaFreeParserCtxt(parser) }
        let collector = XMLErrorCollector(path: path)
        xmlSchemaSetParserStructuredErrors(
            parser,
            { context, error in
                XMLErrorCollector.from(context)?.add(error?.pointee)
            }, Unmanaged.passUnretained(collector).toOpaque())
        guard let schema = withExtendedLifetime(collector, { xmlSchemaParse(parser) }) else {
            fatalError("the shipped schema \(path) does not compile:\n\(collector.messages.joined(separator: "\n"))")
        }
        return schema
    }

    deinit {
        xmlSchemaFree(pointer)
        if let source { xmlFreeDoc(source) }
    }

    func validate(_ document: LibXMLDocument) -> [Diagnostic] {
        guard let context = xmlSchemaNewValidCtxt(pointer) else {
            return [
                Diagnostic(.xmlInvalid, .error, path: document.path, "libxml2 could not allocate a validation context")
            ]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = XMLErrorCollector(path: document.path)
        xmlSchemaSetValidStructuredErrors(
            context,
            { context, error in
                XMLErrorCollector.from(context)?.add(error?.pointee)
            }, Unmanaged.passUnretained(collector).toOpaque())
        let status = withExtendedLifetime(collector) { xmlSchemaValidateDoc(context, document.pointer) }
        if status == 0 { return [] }
        if collector.errors.isEmpty {
            return [
                Diagnostic(
                    .xmlInvalid, .error, path: document.path, "does not match \(file) (libxml2 status \(status))")
            ]
        }
        return collector.errors.map {
            Diagnostic(
                .xmlInvalid, .error, path: document.path, line: $0.line,
                "không khớp lược đồ / does not match schema/\(file): \($0.message)")
        }
    }
}

/// Collects libxml2's structured errors (message and line) through its C callback.
final class XMLErrorCollector {
    let path: String
    var errors: [(line: Int?, message: String)] = []

    init(path: String) { self.path = path }

    var messages: [String] { errors.map { "\($0.line.map { "line \($0): " } ?? "")\($0.message)" } }

    static func from(_ context: UnsafeMutableRawPointer?) -> XMLErrorCollector? {
        context.map { Unmanaged<XMLErrorCollector>.fromOpaque($0).takeUnretainedValue() }
    }

    func add(_ error: xmlError?) {
        guard let error else { return }
        let message =
            error.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "error"
        errors.append((error.line > 0 ? Int(error.line) : nil, message))
    }
}
