import CLibXML2
import Foundation

extension CompiledSchema {
    /// Validates the bytes of a document as libxml2's reader goes through them: no tree is built,
    /// so memory stays small however large the document (the XML of 3,321 plans is about 1 GB; its
    /// tree took several times that). Not-well-formed XML is reported as well. Entities are not
    /// substituted and nothing is fetched from the network.
    func validate(streaming data: Data, path: String) -> [Diagnostic] {
        guard data.count < Int(Int32.max) else {
            return [Diagnostic(.xmlInvalid, .error, path: path, "the document is over 2 GB: too large to validate")]
        }
        guard let context = xmlSchemaNewValidCtxt(pointer) else {
            return [Diagnostic(.xmlInvalid, .error, path: path, "libxml2 could not allocate a validation context")]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = XMLErrorCollector(path: path)
        let opaque = Unmanaged.passUnretained(collector).toOpaque()
        let handler: xmlStructuredErrorFunc = { context, error in XMLErrorCollector.from(context)?.add(error?.pointee) }
        xmlSchemaSetValidStructuredErrors(context, handler, opaque)
        let status: Int32 = withExtendedLifetime(collector) {
            data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int32 in
                guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                    let reader = xmlReaderForMemory(
                        base, Int32(bytes.count), nil, "UTF-8", Int32(XML_PARSE_NONET.rawValue))
                else { return -1 }
                defer { xmlFreeTextReader(reader) }
                xmlTextReaderSetStructuredErrorHandler(reader, handler, opaque)
                guard xmlTextReaderSchemaValidateCtxt(reader, context, 0) == 0 else { return -1 }
                var step: Int32
                repeat { step = xmlTextReaderRead(reader) } while step == 1
                return step < 0 ? -1 : xmlTextReaderIsValid(reader) == 1 ? 0 : 1
            }
        }
        if status == 0 && collector.errors.isEmpty { return [] }
        if collector.errors.isEmpty {
            return [Diagnostic(.xmlInvalid, .error, path: path, "does not match \(file) (libxml2 status \(status))")]
        }
        return collector.errors.map {
            Diagnostic(
                .xmlInvalid, .error, path: path, line: $0.line,
                "không khớp lược đồ / does not match schema/\(file): \($0.message)")
        }
    }
}
