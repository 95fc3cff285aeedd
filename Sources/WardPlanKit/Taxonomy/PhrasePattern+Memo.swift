import Synchronization

extension PhrasePattern {
    /// `PhrasePattern(text)`, each text parsed once in a run: the taxonomy's check and every
    /// matcher built from it (one in `extract`, up to three in `compare`) parse the same phrases,
    /// and a phrase with choices took ≈ 150,000 instructions to walk. Keyed by the text's bytes
    /// (`ExactText`): the parts keep the phrase's spelling, so NFC and NFD texts stay apart.
    static func parsed(_ text: String) throws(SyntaxError) -> PhrasePattern {
        let key = ExactText(text)
        if let known = memo.withLock({ $0[key] }) { return try known.get() }
        let result: Result<PhrasePattern, SyntaxError>
        do {
            result = .success(try PhrasePattern(text))
        } catch {
            result = .failure(error)
        }
        memo.withLock { $0[key] = result }
        return try result.get()
    }

    /// Only the taxonomy's phrases (the shipped one's and a `--taxonomy` file's) come here.
    private static let memo = Mutex<[ExactText: Result<PhrasePattern, SyntaxError>]>([:])
}
