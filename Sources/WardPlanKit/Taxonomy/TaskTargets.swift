/// The targets a task states of its own: "Đánh giá mức độ trưởng thành quản trị dữ liệu, phấn đấu
/// đạt mức 3", "bảo đảm 100% TTHC … trực tuyến toàn trình". Plans often put a figure inside the task
/// that works toward it rather than in the targets part; a benchmark of that figure is then met by
/// the plan, not missing from it.
///
/// A clause of the task's statement is a target when it has one of the goal words of
/// `metrics.yaml` (`taskGoals`: "phấn đấu", "bảo đảm" …), a value and a known metric. Its line is the
/// task's; its years are the plan's (the task's time says when the work is done, not the year the
/// figure is for).
struct TaskTargets: Sendable {
    let parser: TargetParser
    /// Folded goal words.
    let goals: [String]

    init(metrics: MetricCatalog) {
        parser = TargetParser(metrics: metrics)
        goals = (metrics.taskGoals ?? []).map(\.foldedKey)
    }

    /// The targets of each task, in task order.
    func targets(of tasks: [PlanTask]) -> [Target] {
        guard !goals.isEmpty else { return [] }
        var found: [Target] = []
        for task in tasks {
            let key = task.text.foldedKey
            // Cheap first: most tasks have no goal word.
            guard goals.contains(where: { key.containsWords($0) }) else { continue }
            for var target in parser.targets(in: task.text, phase: nil, line: task.line, endLine: task.endLine)
            where target.value != nil && target.metric != nil
                && goals.contains(where: { target.text.foldedKey.containsWords($0) })
            {
                target.phase = nil
                found.append(target)
            }
        }
        return found
    }
}
