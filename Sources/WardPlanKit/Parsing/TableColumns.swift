import Foundation

/// What each column of a table holds, read from its header row. Wards order and name columns
/// differently ("TT | Nhiệm vụ | Sản phẩm | … | Thời gian hoàn thành", "STT | Nội dung | Đơn vị chủ
/// trì | Thời hạn"), so columns are found by their header words, never by position.
struct TableColumns: Equatable {
    static func == (a: TableColumns, b: TableColumns) -> Bool {
        a.roles == b.roles && a.yearColumns == b.yearColumns && a.quarterColumns == b.quarterColumns
            && a.targetYears == b.targetYears && a.officeColumns == b.officeColumns
    }

    enum Role: String, Equatable, Sendable, Decodable {
        case ref, task, target, products, supervisor, lead, coordinators, timeline, unit, value, notes
        /// "Thời gian bắt đầu", "Từ", "Khởi công": when a task starts, beside a completion column.
        case start
        /// "Lĩnh vực", "Nội dung cải cách": the reform area of the rows, written on each row or on
        /// the first row of its group (a cell merged down in Word): the group of the tasks, not
        /// their text. Alone, without a task column, it is the task column.
        case area
        /// A second task column ("Nhiệm vụ | Hoạt động cụ thể", "Nội dung | Công việc cụ thể"): the
        /// task's work in detail, part of its statement.
        case detail
    }

    var roles: [Int: Role]
    /// The header cells as written, so a column the parser has no role for is still reported.
    var headers: [String]
    /// The year each column under a merged "Thời gian thực hiện" stands for, by column, in a task
    /// table that marks the years a task runs (`YearMarkColumns`); empty in other tables.
    var yearColumns: [Int: Int] = [:]
    /// The quarter (1–4) each column under a merged "Thời gian thực hiện" stands for, in a task table
    /// that marks the quarters a task runs (`QuarterMarkColumns`); empty in other tables.
    var quarterColumns: [Int: Int] = [:]
    /// The years each column of a targets table stands for ("Chỉ tiêu | 2026 | 2028 | 2030",
    /// `TargetYearColumns`), by column; empty in other tables.
    var targetYears: [Int: YearRange] = [:]
    /// The office each column of a role matrix stands for, by column, as its header writes it short
    /// ("VP | VH-XH | CA" under "Phân công thực hiện", `RoleMatrixColumns`); empty in other tables.
    var officeColumns: [Int: String] = [:]

    func index(of role: Role) -> Int? { roles.first { $0.value == role }?.key }

    var holdsTasks: Bool { index(of: .task) != nil }
    var holdsTargets: Bool { index(of: .target) != nil && index(of: .task) == nil }

    /// The columns of a header row, or nil when the row is not a header.
    static func detect(_ cells: [String]) -> TableColumns? {
        // A row that starts with a number or a Roman numeral is data or a group, not a header.
        if let first = cells.first?.trimmingCharacters(in: OfficeDirectory.trimSet), !first.isEmpty,
            Int(first) != nil || RomanNumeral.value(first) != nil
        {
            return nil
        }
        var roles: [Int: Role] = [:]
        for (i, cell) in cells.enumerated() {
            let key = cell.foldedKey
            guard let role = role(ofHeader: key) else { continue }
            if !roles.values.contains(role) {
                roles[i] = role
            } else if role == .task, !roles.values.contains(.detail) {
                roles[i] = .detail
            }
        }
        let hasKey = roles.values.contains(.ref) || roles.values.contains(.task) || roles.values.contains(.target)
        // "Chỉ tiêu | 2026 | 2028 | 2030": the indicator column and two year columns make a header.
        let targetYears = TargetYearColumns.columns(cells, roles: roles)
        for column in targetYears.keys { roles[column] = nil }
        guard roles.count >= 2 || roles.values.contains(.target) && targetYears.count >= 2, hasKey else { return nil }
        // A start column is beside a completion column ("Thời gian bắt đầu | Thời gian hoàn
        // thành"); alone, it is the only time the table gives, and reads as the task's time.
        if let i = roles.first(where: { $0.value == .start })?.key, !roles.values.contains(.timeline) {
            roles[i] = .timeline
        }
        // "Nội dung cải cách" with no other task column holds the tasks themselves.
        if let i = roles.first(where: { $0.value == .area })?.key, !roles.values.contains(.task) {
            roles[i] = .task
        }
        // "Kết quả" is the value of a target table but the product of a task table.
        if roles.values.contains(.task), let i = roles.first(where: { $0.value == .value })?.key,
            !roles.values.contains(.products)
        {
            roles[i] = .products
        }
        // "Thời gian thực hiện" over "2026 | 2027 | … | 2030": the years are columns of marks, and
        // the time column they stand under is the first of them, not a time of its own.
        let years = roles.values.contains(.task) ? YearMarkColumns.columns(cells, roles: roles) : [:]
        for column in years.keys { roles[column] = nil }
        // "Thời gian thực hiện" over "Quý I | Quý II | Quý III | Quý IV": the same, by quarter.
        let quarters =
            roles.values.contains(.task) && years.isEmpty ? QuarterMarkColumns.columns(cells, roles: roles) : [:]
        for column in quarters.keys { roles[column] = nil }
        // "Phân công thực hiện" over "VP | VH-XH | CA": one column per office, its cells role marks.
        let offices = roles.values.contains(.task) ? RoleMatrixColumns.columns(cells, roles: roles) : [:]
        for column in offices.keys { roles[column] = nil }
        return TableColumns(
            roles: roles, headers: cells, yearColumns: years, quarterColumns: quarters, targetYears: targetYears,
            officeColumns: offices)
    }

    /// The role a header cell's words give its column (`key` folded), or nil: the first entry of
    /// `plan-layout.yaml` whose phrase the cell equals, ends with, or (unless `alone`) starts with
    /// or contains. A cell of more than ten words is data, not a header. Task cards
    /// (`TaskCard`) read their row labels with the same words.
    static func role(ofHeader key: String) -> Role? {
        // Every cell of every table-like run of lines asks this (a tenth of the plain-text reader's
        // time went to `split` and `count` walking characters): a plain key is answered on its bytes.
        var bytes = key
        if let plain = bytes.withUTF8({ HeaderWordBytes.role(ofPlainKey: $0) }) { return plain }
        return role(ofHeaderByCharacters: key)
    }

    /// `role(ofHeader:)` by `Character`s: the reference for a key that is not plain.
    static func role(ofHeaderByCharacters key: String) -> Role? {
        guard !key.isEmpty, key.split(separator: " ").count <= 10 else { return nil }
        return headerWords.first(where: {
            key == $0.key || key.hasSuffix($0.spaced)
                || !$0.alone && (key.hasWordPrefix($0.key) || key.containsWords($0.key))
        })?.role
    }

    /// One header row from a header written over several rows ("Đơn vị" over "Chủ trì | Phối
    /// hợp"): each column's words top to bottom, a merged cell's words given to the columns under it.
    static func headerCells(_ rows: [[String]]) -> [String] {
        guard rows.count > 1 else { return rows.first ?? [] }
        let width = rows.map(\.count).max() ?? 0
        var merged = Array(repeating: "", count: width)
        for row in rows {
            for i in 0..<width {
                let cell = i < row.count ? row[i] : ""
                if !cell.isEmpty { merged[i] = merged[i].isEmpty ? cell : merged[i] + " " + cell }
            }
        }
        return merged
    }

    /// Header words, most specific first (`plan-layout.yaml`), each also after a space (the end of
    /// a cell), made once rather than per cell.
    fileprivate static let headerWords = PlanLayout.standard.columnKeys.map {
        (key: $0.key, spaced: " " + $0.key, role: $0.role, alone: $0.alone)
    }
}

/// `TableColumns.role(ofHeader:)` on the bytes of a plain key: every byte ASCII and none a CR.
/// There every byte is a `Character` of its own (only CR LF joins two ASCII scalars), so equality,
/// prefixes, suffixes and the count of space-separated words are those of the bytes.
enum HeaderWordBytes {
    /// The role, `.some(nil)` for none; nil when the key or a header word is not plain.
    static func role(ofPlainKey key: UnsafeBufferPointer<UInt8>) -> TableColumns.Role?? {
        guard let words, isPlain(key) else { return nil }
        guard !key.isEmpty, wordCount(key, above: 10) <= 10 else { return .some(nil) }
        for word in words {
            let matches = word.key.withUnsafeBufferPointer { w in
                equal(key, w) || hasSuffix(key, spacedBy: w)
                    || !word.alone && (hasWordPrefix(key, w) || String.containsWords(w, in: key))
            }
            if matches { return .some(word.role) }
        }
        return .some(nil)
    }

    /// The header words' bytes in order, nil when any is not plain (then every key goes by characters).
    private static let words: [(key: [UInt8], role: TableColumns.Role, alone: Bool)]? = {
        let words = TableColumns.headerWords.map { (key: Array($0.key.utf8), role: $0.role, alone: $0.alone) }
        return words.allSatisfy { $0.key.withUnsafeBufferPointer(isPlain) } ? words : nil
    }()

    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.contains { $0 >= 0x80 || $0 == 0x0D }
    }

    /// The number of runs of bytes other than ' ' (`split(separator: " ").count`), counted up
    /// to `above + 1`.
    static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>, above limit: Int) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            if byte == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
                if count > limit { return count }
            }
        }
        return count
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    private static func hasPrefix(_ key: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        word.count <= key.count && (word.isEmpty || memcmp(key.baseAddress!, word.baseAddress!, word.count) == 0)
    }

    /// Whether `key` ends with ' ' followed by `word`.
    private static func hasSuffix(_ key: UnsafeBufferPointer<UInt8>, spacedBy word: UnsafeBufferPointer<UInt8>) -> Bool
    {
        let start = key.count - word.count - 1
        guard start >= 0, key[start] == 0x20 else { return false }
        return word.isEmpty || memcmp(key.baseAddress! + start + 1, word.baseAddress!, word.count) == 0
    }

    /// `String.hasWordPrefix`: the word, then the end or a space.
    private static func hasWordPrefix(_ key: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        hasPrefix(key, word) && (key.count == word.count || key[word.count] == 0x20)
    }
}
