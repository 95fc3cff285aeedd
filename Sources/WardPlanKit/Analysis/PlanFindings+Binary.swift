/// A plan's findings in the plan cache's encoding (`Pipeline/PlanBinaryCoder.swift`), kept in the
/// plan's entry after the plan. Themes and assigned ids are written sorted, so the same findings
/// give the same bytes in every run. A stored property added here must be written (and the entry's
/// version, `Entry.version`, raised): `PlanFindingsTests` fails until it is.
extension PlanFindings: BinaryCodable {
    static let binaryFields = ["statements", "hints", "assigned", "taskThemes", "doubt"]

    func write(to w: inout BinaryWriter) {
        w.varint(UInt64(statements.count))
        for id in statements.keys.sorted() {
            w.string(id)
            w.array(statements[id]!)
        }
        w.varint(UInt64(hints.count))
        for id in hints.keys.sorted() {
            w.string(id)
            w.array(hints[id]!)
        }
        w.array(assigned.sorted())
        w.array(taskThemes.sorted())
        w.bool(doubt != nil)
        if let doubt { doubt.write(to: &w) }
    }

    init(from r: inout BinaryReader) throws {
        statements = try Self.themeTable(&r)
        hints = try Self.themeTable(&r)
        assigned = try Self.themeSet(&r)
        taskThemes = try Self.themeSet(&r)
        doubt = try r.bool() ? try ReadingDoubt(from: &r) : nil
    }

    /// A set of theme ids, as `Set(try r.strings())` made it (a text twice is kept once, the first),
    /// without the list in between.
    private static func themeSet(_ r: inout BinaryReader) throws -> Set<String> {
        let count = try r.count()
        if count == 0 { return [] }
        var set = Set<String>(minimumCapacity: count)
        for _ in 0..<count { set.insert(try r.string()) }
        return set
    }

    /// Theme id → values, as `write(to:)` writes each table; a theme twice is damage.
    private static func themeTable<T: BinaryCodable>(_ r: inout BinaryReader) throws -> [String: [T]] {
        let count = try r.count()
        if count == 0 { return [:] }
        var table = [String: [T]](minimumCapacity: count)
        for _ in 0..<count {
            let id = try r.string()
            guard table.updateValue(try r.array(), forKey: id) == nil else {
                throw PlanBinaryCoder.Failure(description: "theme \(id) twice in the findings")
            }
        }
        return table
    }
}

extension ReadingDoubt: BinaryCodable {
    static let binaryFields = ["reason", "absentUnproven"]

    func write(to w: inout BinaryWriter) {
        w.string(reason)
        w.bool(absentUnproven)
    }

    init(from r: inout BinaryReader) throws {
        self.init(reason: try r.string(), absentUnproven: try r.bool())
    }
}

extension GapPlace: BinaryCodable {
    static let binaryFields = ["line", "section"]

    func write(to w: inout BinaryWriter) {
        w.int(line)
        w.string(section)
    }

    init(from r: inout BinaryReader) throws {
        self.init(line: try r.int(), section: try r.optionalString())
    }
}

extension ThemeHints.Hit: BinaryCodable {
    static let binaryFields = ["line", "ref", "words"]

    func write(to w: inout BinaryWriter) {
        w.int(line)
        w.string(ref)
        w.string(words)
    }

    init(from r: inout BinaryReader) throws {
        self.init(line: try r.int(), ref: try r.optionalString(), words: try r.string())
    }
}
