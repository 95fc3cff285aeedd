extension String {
    /// `body` given the string's UTF-8: its own bytes where it keeps them contiguous (a native string
    /// does), else a copy's. Unlike `withUTF8`, it needs no `var`: a byte scan reads a `let` in place.
    @inline(__always)
    func withContiguousUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}
