extension ReadDocument {
    /// The document's block tree, built from its lines: what plan recognition walks. Lines of a
    /// format read by paragraph (Word) are whole paragraphs and are never joined.
    public var tree: DocumentTree {
        let byParagraph = ReaderRegistry.standard.locationUnit(forFormat: format) == "paragraph"
        return DocumentTreeBuilder(joinsLines: !byParagraph).build(lines)
    }
}
