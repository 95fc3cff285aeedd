import Foundation

/// Reads a WardPlans XML report (bare, or the body of an edXML envelope) back into the model, so
/// that XML from another system or an earlier run can be used with new plans. The file is parsed as
/// untrusted input and checked against the schema first; only a valid report is read.
///
/// The reverse of `XMLReportWriter`: extract → XML → import gives the model extract gave. Plan and
/// task ids are not part of the model: they are derived again when a report is written.
public struct XMLReportImporter {
    public var limits: XMLLimits

    public init(limits: XMLLimits = .standard) {
        self.limits = limits
    }

    /// What an import produced: the report's plans and failed inputs, and notes on values skipped.
    public struct Imported: Sendable {
        public var result: ExtractionResult
        /// Problems that did not stop the import (a diagnostic code this version does not know).
        public var warnings: [Diagnostic]
    }

    public func read(_ data: Data, path: String) -> Result<Imported, InputFailure> {
        let document: LibXMLDocument
        do {
            document = try SafeXMLParser.parse(data, path: path, limits: limits)
        } catch {
            return .failure(InputFailure(path: path, diagnostics: [error.diagnostic]))
        }
        let problems = XMLSchemaSet.validate(document)
        if !problems.isEmpty { return .failure(InputFailure(path: path, diagnostics: problems)) }
        guard let root = document.root else { return .failure(InputFailure(path: path, diagnostics: [])) }
        if XMLSchemaSet.Kind.of(root) == .reportVersion1 {
            return .failure(
                InputFailure(
                    path: path,
                    diagnostics: [
                        Diagnostic(
                            .xmlNotAReport, .error, path: path, line: root.line,
                            "báo cáo định dạng 1 (\(XMLSchemaSet.reportVersion1Namespace)): hãy xuất lại bằng phiên bản này / a format-1 report: gaps and duties have another shape since format 2 (this version writes schema/\(XMLSchemaSet.reportFile)); export it again with this version"
                        )
                    ]))
        }
        let kind = XMLSchemaSet.Kind.of(root)
        let report = kind == .report || kind == .reportVersion2 ? root : root.child("edXMLBody")?.child("report")
        guard let report else {
            return .failure(
                InputFailure(
                    path: path,
                    diagnostics: [
                        Diagnostic(
                            .xmlNotAReport, .error, path: path, line: root.line,
                            "the envelope holds no WardPlans report")
                    ]))
        }
        var reader = XMLModelReader(path: path)
        do {
            let result = try reader.report(report)
            return .success(Imported(result: result, warnings: reader.warnings))
        } catch {
            return .failure(InputFailure(path: path, diagnostics: [error.diagnostic]))
        }
    }

    /// What reading several files produced.
    public struct Batch: Sendable {
        /// Every report's plans and failed inputs, and the files that could not be imported.
        public var result = ExtractionResult(plans: [], failed: [])
        public var warnings: [Diagnostic] = []
        /// The XML files that could not be imported (also in `result.failed`).
        public var failedFiles: [String] = []
    }

    /// Every file named, in order; one file's failure never loses the others.
    public func read(paths: [String]) -> Batch {
        var batch = Batch()
        for path in paths {
            let outcome: Result<Imported, InputFailure>
            do {
                outcome = read(try Data(contentsOf: URL(fileURLWithPath: path)), path: path)
            } catch {
                outcome = .failure(
                    InputFailure(
                        path: path,
                        diagnostics: [
                            Diagnostic(
                                .unreadable, .error, path: path, "cannot read the file: \(error.localizedDescription)")
                        ]))
            }
            switch outcome {
            case .success(let imported):
                batch.result.plans += imported.result.plans
                batch.result.failed += imported.result.failed
                batch.warnings += imported.warnings
            case .failure(let failure):
                batch.result.failed.append(failure)
                batch.failedFiles.append(path)
            }
        }
        return batch
    }
}
