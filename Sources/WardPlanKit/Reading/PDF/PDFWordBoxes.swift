import Foundation

/// One word of a PDF page with its box, in points from the page's top left corner.
struct PDFWord: Hashable, Sendable {
    var text: String
    var xMin: Double
    var yMin: Double
    var xMax: Double
    var yMax: Double

    init(_ text: String, x: Double, y: Double, xMax: Double, yMax: Double) {
        self.text = text
        self.xMin = x
        self.yMin = y
        self.xMax = xMax
        self.yMax = yMax
    }

    var height: Double { yMax - yMin }
    var yMid: Double { (yMin + yMax) / 2 }
}

/// The words of one page, in the order `pdftotext` gives them.
struct PDFPage: Hashable, Sendable {
    var width: Double
    var height: Double
    var words: [PDFWord]
    /// The lines drawn on the page (`PDFRulings`), when they were read: ruled tables are read
    /// from them (`PDFGrid`).
    var rulings: [PDFRuling]

    init(width: Double = 595, height: Double = 842, words: [PDFWord], rulings: [PDFRuling] = []) {
        self.width = width
        self.height = height
        self.words = words
        self.rulings = rulings
    }
}

/// Reads the XHTML that `pdftotext -bbox-layout` writes (`<page>`, `<flow>`, `<block>`, `<line>`,
/// `<word xMin yMin xMax yMax>`) into pages of words. The output is parsed like any untrusted XML
/// (its text comes from the PDF), by `SafeXMLParser`; only the fixed XHTML DOCTYPE that
/// `pdftotext` itself writes first is removed beforehand, since the parser refuses every DTD.
enum PDFWordBoxes {
    static func pages(_ data: Data, path: String, limits: InputLimits) throws(InputError) -> [PDFPage] {
        let document = try SafeXMLParser.parse(
            withoutLeadingDoctype(data), path: path,
            limits: XMLLimits(maxBytes: limits.maxUncompressedBytes, maxDepth: 16))
        var pages: [PDFPage] = []
        func walk(_ element: XMLElementView) {
            if element.name == "page" {
                var page = PDFPage(
                    width: element.attribute("width").flatMap(Double.init) ?? 595,
                    height: element.attribute("height").flatMap(Double.init) ?? 842, words: [])
                collectWords(element, into: &page.words)
                pages.append(page)
                return
            }
            for child in element.children { walk(child) }
        }
        if let root = document.root { walk(root) }
        return pages
    }

    private static func collectWords(_ element: XMLElementView, into words: inout [PDFWord]) {
        for child in element.children {
            guard child.name == "word" else {
                collectWords(child, into: &words)
                continue
            }
            let text = SymbolFont.replace(in: child.text).collapsingWhitespace
            guard !text.isEmpty, let x = child.attribute("xMin").flatMap(Double.init),
                let y = child.attribute("yMin").flatMap(Double.init),
                let xMax = child.attribute("xMax").flatMap(Double.init),
                let yMax = child.attribute("yMax").flatMap(Double.init),
                [x, y, xMax, yMax].allSatisfy(\.isFinite)
            else { continue }
            words.append(PDFWord(text.nfc, x: x, y: y, xMax: max(x, xMax), yMax: max(y, yMax)))
        }
    }

    /// `data` without the `<!DOCTYPE html …>` that `pdftotext` puts at its very start. Any other
    /// DOCTYPE stays, and the parser refuses it.
    static func withoutLeadingDoctype(_ data: Data) -> Data {
        let prefix = Array("<!DOCTYPE html PUBLIC".utf8)
        guard data.starts(with: prefix), let close = data.prefix(512).firstIndex(of: UInt8(ascii: ">")) else {
            return data
        }
        return data.suffix(from: data.index(after: close))
    }
}
