import ArgumentParser
import Foundation
import WardPlanKit

/// The units that should send a plan: `--province NAME` (repeatable) from the national list, or a
/// city's own `--registry FILE` (`code,name,kind,group`); without either, `registry.csv` in the first
/// folder given is read when it is there (`wards/registry.csv`).
struct RegistryOptions: ParsableArguments {
    @Option(
        name: .customLong("province"),
        help: ArgumentHelp(say(.helpProvince), valueName: "name"))
    var provinces: [String] = []

    @Option(
        help: ArgumentHelp(say(.helpRegistry), valueName: "file"))
    var registry: String?

    static let defaultName = "registry.csv"

    func validate() throws {
        if registry != nil && !provinces.isEmpty {
            throw ValidationError(say(.provinceAndRegistry))
        }
        for name in provinces where UnitRegistry.national.units(inProvinces: [name]).isEmpty {
            throw ValidationError(say(.provinceUnknown, name))
        }
    }

    /// The list to check the plans against, or nil; prints the file's problem (file:line) and exits 1
    /// when a city's list does not load.
    func load(paths: [String]) throws -> (units: [UnitRegistry.Unit], name: String)? {
        if !provinces.isEmpty {
            return (UnitRegistry.national.units(inProvinces: provinces), provinces.joined(separator: ", "))
        }
        guard let file = registry ?? DefaultFile.find(Self.defaultName, inFirstFolderOf: paths) else { return nil }
        do {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw DataFileError(path: file, message: "cannot read the file as UTF-8 text")
            }
            return (try UnitRegistry.city(csv: text, path: file).units, file)
        } catch let error as DataFileError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(ExitStatus.someInputFailed)
        }
    }
}
