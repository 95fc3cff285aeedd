/// Where an escaper appends bytes: an `[UInt8]` or a `ByteBuffer`, so that one escaper serves
/// both (`JSONBytesEncoder.appendString`), specialised for each.
protocol ByteSink {
    mutating func append(_ byte: UInt8)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension ByteBuffer: ByteSink {}

extension Array: ByteSink where Element == UInt8 {
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}
