extension ReadDocument {
    /// The document's block tree, built from its lines: what plan recognition walks.
    public var tree: DocumentTree { DocumentTreeBuilder().build(lines) }
}
