import Foundation
import Testing

@testable import WardPlanKit

@Test func debugDump() throws {
    guard let path = ProcessInfo.processInfo.environment["DUMP"] else { return }
    let doc = try ReaderRegistry.standard.read(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
    for line in doc.lines { print(line.number, line.headingHint ? "H" : " ", line.cells.map { "\($0)" } ?? line.text) }
}

@Test func debugRels() throws {
    guard let path = ProcessInfo.processInfo.environment["DUMPRELS"] else { return }
    let package = try WordPackage(Data(contentsOf: URL(fileURLWithPath: path)), path: path, limits: .standard)
    print("main", try package.relationshipTarget("officeDocument", in: "_rels/.rels", base: "") as Any)
    print("styles", try package.relationshipTarget("styles", in: "word/_rels/document.xml.rels", base: "word/") as Any)
    let data = try package.part("word/_rels/document.xml.rels")
    print("rels bytes", data?.count as Any)
    let xml = try SafeXMLDocument(data!, part: "x", path: path)
    print("root", xml.root?.name as Any, xml.root?.children.map(\.name) as Any)
}
