import Foundation

/// The data files the tool reads: taxonomy, metrics, offices and national benchmarks. The shipped copies live in
/// `Sources/WardPlanKit/Resources/Data`; each can be replaced by a file a city edits.
public struct ReferenceData: Sendable {
    public var taxonomy: Taxonomy
    public var metrics: MetricCatalog
    public var offices: OfficeDirectory
    public var benchmarks: Benchmarks

    public init(taxonomy: Taxonomy, metrics: MetricCatalog, offices: OfficeDirectory, benchmarks: Benchmarks) {
        self.taxonomy = taxonomy
        self.metrics = metrics
        self.offices = offices
        self.benchmarks = benchmarks
    }

    /// The shipped data. Its validity is checked by the test suite, so a failure here is a bug.
    /// Read from the reference snapshot when a command set one up before (`ReferenceSnapshot`).
    public static let standard: ReferenceData = ReferenceSnapshot.shippedForStandard() ?? built()

    /// The shipped data, loaded from its files.
    static func built() -> ReferenceData {
        do {
            return ReferenceData(
                taxonomy: try TaxonomyFile.standard().taxonomy,
                metrics: try load(MetricCatalog.self, resource: "metrics"),
                offices: OfficeDirectory(file: try load(OfficeDirectory.File.self, resource: "offices")),
                benchmarks: try load(Benchmarks.self, resource: "benchmarks"))
        } catch {
            fatalError("the shipped reference data does not load: \(error)")
        }
    }

    /// The shipped data with another taxonomy (`--taxonomy FILE`).
    public func replacing(taxonomy: Taxonomy) -> ReferenceData {
        var copy = self
        copy.taxonomy = taxonomy
        return copy
    }

    /// The URL of a shipped data file.
    public static func resourceURL(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Data")
    }

    static func load<T: Decodable>(_ type: T.Type, resource: String) throws -> T {
        guard let url = resourceURL(resource) else {
            throw DataFileError(path: "\(resource).yaml", message: "the shipped data file is missing from the bundle")
        }
        return try decodeYAML(type, from: url)
    }

    /// Decodes a YAML data file, with errors that name the file and, when known, the line.
    public static func decodeYAML<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        try YAMLFile(url: url).decode(type)
    }
}

/// A data file that cannot be used, with the file and what is wrong.
public struct DataFileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var line: Int?
    public var message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(line.map { "\(path):\($0)" } ?? path): error: \(message)"
    }
}
