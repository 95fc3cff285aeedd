extension TargetParser {
    /// A cell of a targets table's row under a year column, with that column's header and years.
    struct YearCell {
        var header: String
        var years: YearRange
        var text: String
        /// A column of results already reached: its words are kept, it gives no stage.
        var result = false
    }

    /// The targets of a row of a targets table with a column per year or period
    /// (`TargetYearColumns`): one stage per cell with a figure, for its column's years, each with the
    /// indicator's metric (one family: `WardGaps` makes at most one item of it). A cell with words
    /// and no figure ("Duy trì") gives no stage; its words stay in the text of the stage before it
    /// (or the first after it), as "Header: cell", so nothing written is lost. A row with no figure
    /// under any year is one target read from its indicator alone, with those words.
    func stages(
        indicator: String, cells: [YearCell], unitCell: String?, phase: YearRange?, line: Int, endLine: Int?
    ) -> [Target] {
        var stages: [(target: Target, parts: [String])] = []
        var waiting: [String] = []
        for cell in cells {
            let text = cell.text.trimmingBlanks
            let part = cell.header.trimmingBlanks.isEmpty ? text : "\(cell.header.trimmingBlanks): \(text)"
            switch TargetYearColumns.cell(text, unit: unitCell) {
            case .none:
                continue
            case .words,
                .figure where cell.result:
                if stages.isEmpty { waiting.append(part) } else { stages[stages.count - 1].parts.append(part) }
            case .figure:
                let target = target(
                    text: indicator, unitCell: unitCell, valueCell: text, phase: cell.years, line: line,
                    endLine: endLine)
                stages.append((target, waiting + [part]))
                waiting = []
            }
        }
        if stages.isEmpty {
            stages = [
                (
                    target(
                        text: indicator, unitCell: unitCell, valueCell: nil, phase: phase, line: line,
                        endLine: endLine), waiting
                )
            ]
        }
        return stages.map { stage in
            var target = stage.target
            if !stage.parts.isEmpty { target.text = indicator + " (" + stage.parts.joined(separator: "; ") + ")" }
            return target
        }
    }
}
