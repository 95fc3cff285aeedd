extension PlanRecognizer {
    /// The task a card gives (`TaskCard`): its fields by their labels; its ref from the title above
    /// it, else from the card's own number, else its place among the plan's tasks; its area and
    /// group from the heading above, as any task's.
    func cardTask(_ card: TaskCard, title: (number: String, lines: [Int])?, lines: [Int]) -> PlanTask {
        // "Phân công | Chủ trì: X; Phối hợp: Y": both roles in one value, by label, as in a table.
        let roles = card.value(.lead).flatMap(AssignmentParts.labelledCell)
        var task = makeTask(
            ref: title?.number ?? card.number ?? "\(plan.tasks.count + 1)", text: card.value(.task) ?? "",
            area: contextArea, group: contextGroup, leadText: roles.map(\.lead) ?? card.value(.lead),
            coordinatorsText: card.value(.coordinators) ?? roles?.coordinators,
            products: card.value(.products).map(ProductList.split) ?? [], supervisor: card.value(.supervisor),
            timelineText: card.value(.timeline) ?? roles?.timeline ?? card.value(.start), notes: card.notes,
            lines: (title?.lines ?? []) + lines)
        if card.value(.timeline) != nil, let start = card.value(.start) {
            task.timeline = task.timeline.map { TableDraft.starting($0, at: readTimeline(start)) }
        }
        return task
    }
}
