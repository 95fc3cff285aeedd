import Foundation
import ZIPFoundation

@testable import WardPlanKit

/// Small Word files written by the tests, for the cases a word processor does not make on request
/// (nested tables, merged cells, hostile XML, zip bombs).
enum WordFiles {
    static let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

    /// A .docx whose body is `body` (WordprocessingML), with optional numbering and styles parts.
    static func docx(
        body: String, numbering: String? = nil, styles: String? = nil, documentPrefix: String = "",
        compression: CompressionMethod = .deflate
    ) throws -> Data {
        var parts: [(String, Data)] = [
            (
                "[Content_Types].xml",
                Data(
                    #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#
                        .utf8)
            ),
            (
                "_rels/.rels",
                Data(
                    #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#
                        .utf8)
            ),
            (
                "word/_rels/document.xml.rels",
                Data(
                    #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#
                        .utf8)
            ),
            (
                "word/document.xml",
                Data(
                    (#"<?xml version="1.0" encoding="UTF-8"?>"# + documentPrefix
                        + "<w:document \(w)><w:body>\(body)</w:body></w:document>").utf8)
            ),
        ]
        if let numbering {
            parts.append(("word/numbering.xml", Data("<w:numbering \(w)>\(numbering)</w:numbering>".utf8)))
        }
        if let styles { parts.append(("word/styles.xml", Data("<w:styles \(w)>\(styles)</w:styles>".utf8))) }
        return try zip(parts, compression: compression)
    }

    static func zip(_ parts: [(String, Data)], compression: CompressionMethod = .deflate) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, data) in parts {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    /// A zip with one entry streamed from `chunk` repeated `count` times (never all in memory).
    static func repeatedEntry(_ name: String, chunk: Data, count: Int, around parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (partName, data) in parts {
            try archive.addEntry(
                with: partName, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let total = chunk.count * count
        try archive.addEntry(
            with: name, type: .file, uncompressedSize: Int64(total), compressionMethod: .deflate,
            bufferSize: chunk.count
        ) { position, size in
            precondition(Int(position) % chunk.count == 0 && size <= chunk.count)
            return chunk.prefix(size)
        }
        return archive.data!
    }

    static func paragraph(_ text: String, style: String? = nil, numId: Int? = nil, level: Int = 0) -> String {
        var pPr = ""
        if let style { pPr += #"<w:pStyle w:val="\#(style)"/>"# }
        if let numId { pPr += #"<w:numPr><w:ilvl w:val="\#(level)"/><w:numId w:val="\#(numId)"/></w:numPr>"# }
        return
            "<w:p>\(pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>")<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    static func lines(_ data: Data, limits: InputLimits = .standard) throws -> [DocumentLine] {
        try DocxReader().readDocument(data, path: "test.docx", limits: limits).lines
    }
}
