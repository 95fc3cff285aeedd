/// The targets a task states of its own: "Đánh giá mức độ trưởng thành quản trị dữ liệu, phấn đấu
/// đạt mức 3", "bảo đảm 100% TTHC … trực tuyến toàn trình". Plans often put a figure inside the task
/// that works toward it rather than in the targets part; a benchmark of that figure is then met by
/// the plan, not missing from it.
///
/// A clause of the task's statement is a target when it has a value, a known metric and says it is
/// one to reach: one of the goal words of `metrics.yaml` (`taskGoals`: "phấn đấu", "bảo đảm", "đạt",
/// "tối thiểu" …, matched without tone marks, so "Phần đấu" and "Phấn dấu" are "phấn đấu"), or the
/// figure opening the clause ("100% TTHC đủ điều kiện … toàn trình"). A figure already reached is
/// not one ("Năm 2025 tỷ lệ … đạt 85%", "hiện nay mới đạt 40%": `TargetParser.isResult`). Its
/// line is the task's; its years are the plan's (the task's time says when the work is done, not the
/// year the figure is for).
struct TaskTargets: Sendable {
    let parser: TargetParser
    /// The catalogue it reads (`PlanClassifier.withNewAnswers()` makes another from it).
    let metrics: MetricCatalog
    /// Folded goal words.
    let goals: [String]
    /// `readTargets(ofTask:from:)`, kept for the run (`TextAnswers`): the plans of a city repeat
    /// their tasks' words, and each task's text was checked, its targets looked up and each
    /// target's words folded again in plan after plan (class36 kept the first check, class38 all).
    private let ownTargets = TextAnswers<TaskText, [Target]>()

    /// A task's text and the plan's first year: what its own targets are a function of.
    struct TaskText: Hashable {
        let text: HashedText
        let start: Int?
    }

    init(metrics: MetricCatalog) {
        self.metrics = metrics
        parser = TargetParser(metrics: metrics)
        goals = (metrics.taskGoals ?? []).map(\.foldedKey)
    }

    /// The targets of each task, in task order; `start` is the plan's first year.
    func targets(of tasks: [PlanTask], from start: Int? = nil) -> [Target] {
        var found: [Target] = []
        // By index, reading the fields used: a task taken whole was a copy of it (class36).
        for t in tasks.indices {
            let text = tasks[t].text
            // `kept` and `keep`, not `answer` with a closure: a closure that reads `self` copied this
            // struct (a retain of each of its fields) at every task.
            let own: [Target]
            if text.utf8.count > TextAnswers<TaskText, [Target]>.longest {
                own = readTargets(ofTask: text, from: start)
            } else {
                let key = TaskText(text: HashedText(text), start: start)
                if let kept = ownTargets.kept(key) {
                    own = kept
                } else {
                    own = readTargets(ofTask: text, from: start)
                    ownTargets.keep(own, for: key)
                }
            }
            guard !own.isEmpty else { continue }
            let line = tasks[t].line
            // As `TargetParser.targets(in:phase:line:endLine:)` sets them: no end line when it is the line.
            let endLine = tasks[t].endLine == line ? nil : tasks[t].endLine
            for var target in own {
                target.line = line
                target.endLine = endLine
                found.append(target)
            }
        }
        return found
    }

    /// The targets a task's text states of its own, at line 0 (the parser's targets read nothing
    /// else of the line, which the caller sets): read every time (the tests' reference).
    func readTargets(ofTask text: String, from start: Int?) -> [Target] {
        // Cheap first: most tasks have no figure.
        guard mayState(text) else { return [] }
        var found: [Target] = []
        for var target in parser.targets(in: text, phase: nil, line: 0)
        where target.value != nil && target.metric != nil
            && (hasGoal(target.text) || Self.opensWithFigure(target.text))
            && !parser.isResult(target.text, before: start)
        {
            target.phase = nil
            found.append(target)
        }
        return found
    }

    /// Whether a task's text may state a target: a percentage, or a number and a goal word.
    func mayState(_ text: String) -> Bool {
        text.contains(simple: "%") || text.containsNumber && hasGoal(text)
    }

    private func hasGoal(_ text: String) -> Bool {
        let key = text.foldedKey
        return goals.contains { key.containsWords($0) }
    }

    /// Whether a clause opens with its figure ("100% TTHC …", "95 % hồ sơ …").
    static func opensWithFigure(_ clause: String) -> Bool {
        let digits = clause.prefix { $0.isNumber || $0 == "," || $0 == "." }
        guard !digits.isEmpty else { return false }
        return clause.dropFirst(digits.count).drop { $0 == " " }.first == "%"
    }
}
