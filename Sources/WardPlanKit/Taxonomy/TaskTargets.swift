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
    /// `mayState(_:)` of the tasks' texts, kept for the run (`TextAnswers`): the plans of a city
    /// repeat their tasks' words, and the check read every task's text three times (class36).
    private let mayStateAnswers = TextAnswers<HashedText, Bool>()

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
            // Cheap first: most tasks have no figure.
            guard mayStateAnswers.answer(text, { mayState(text) }) else { continue }
            for var target in parser.targets(in: text, phase: nil, line: tasks[t].line, endLine: tasks[t].endLine)
            where target.value != nil && target.metric != nil
                && (hasGoal(target.text) || Self.opensWithFigure(target.text))
                && !parser.isResult(target.text, before: start)
            {
                target.phase = nil
                found.append(target)
            }
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
