import Foundation

/// Checks an XML file against the shipped schemas: a WardPlans report (`schema/wardplans-3.xsd`)
/// or an edXML envelope around one (`schema/edxml-qcvn102-subset-1.xsd`). The file is parsed as
/// untrusted input first (`SafeXMLParser`).
public enum XMLValidator {
    public struct Outcome: Sendable {
        /// What the root element says the document is; nil when it could not be parsed or is neither.
        public var kind: XMLSchemaSet.Kind?
        /// The problems found, each with its line; empty when the file is valid.
        public var diagnostics: [Diagnostic]
        public var isValid: Bool { diagnostics.isEmpty }
    }

    public static func validate(_ data: Data, path: String, limits: XMLLimits = .standard) -> Outcome {
        do {
            let document = try SafeXMLParser.parse(data, path: path, limits: limits)
            return Outcome(
                kind: document.root.flatMap(XMLSchemaSet.Kind.of), diagnostics: XMLSchemaSet.validate(document))
        } catch {
            return Outcome(kind: nil, diagnostics: [error.diagnostic])
        }
    }
}
