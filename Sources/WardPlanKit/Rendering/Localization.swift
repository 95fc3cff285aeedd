/// The language of a report's own words (text from the plans is always shown as written).
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case vi, en
}

/// Every phrase the reports use, Vietnamese first, with English. `{0}`, `{1}` … are filled in
/// order; an English text `one|many` picks by whether `{0}` is 1.
enum Phrase: CaseIterable {
    case reportTitle, skipToContent, asOfLine, inputsLine, footer, contents
    case secSummary, secMatrix, secGaps, secTargets, secTimelines, secLeads, secCitations, secProducts, secWards,
        secTasks
    case secMethod
    case navSummary, navMatrix, navGaps, navTargets, navTimelines, navLeads, navCitations, navProducts, navWards,
        navTasks
    case navMethod
    case namesAndMore, lineOne, lineMany, all, unknown, notWritten
    case figWards, figTasks, figTargets, figGaps, figFailed
    case biggestGaps, areaLabel, themeLabel, targetLabel, citationLabel, moreGaps, noGapsAnywhere, missingInWards,
        wardsMostGaps, gapCount
    case followUp, tasksNoLead, tasksNoTime, tasksVagueTime
    case tasksPastDue, tasksNoProduct, wardsWithoutOptionalArea, failedInputs, skippedInputs, duplicateWards,
        duplicateWard
    case matrixIntro, themeMatrices, noThemes, legend, legendGap, legendMentioned, legendOptional, legendOne, legendFew
    case wardsWithTasks, wardsOfAll
    case legendSome, legendMany, legendExpected, areaMatrixCaption, themeMatrixCaption, optionalMark, expectedBy
    case colWard, colTasks, colThemesMissing, colGapsTotal, colTask, colArea, colThemes, colTaskText
    case colLead, colTime, colProducts, colSource, colProblem, colTimeAsWritten, colDue, colNoTime, colVague
    case colRelative, colPastDue, colRecurring, colQuarter, colNoLead, colLeadAsWritten, colBasesCount, colLine
    case colMetric, colValue, colPhase, colTargetText
    case gapsIntro, gapsRequired, gapsCommon, noGaps, gapTheme, gapTargetBelow, gapTargetMissing
    case gapCitation, gapOptionalArea, seeProfile, unverified, noNumber
    case gapsReview, gapThemeReview, legendReview
    case gapsUpdate, gapThemeStated, gapThemeStatedAssigned, gapUpdate, peersShare, figStated, figUpdates,
        colThemesStated, legendTask
    case legendStated, legendAbsent, colWholePeriod, problemWholePeriod, tasksWholePeriod, gapTargetUpdate
    case csvUnitCode, csvRegistryGroup, registrySent, registryNotSent, registryNotListed
    case gapCitationUpdate, csvKind, csvItemID, csvName, csvLevel, csvBasis, csvExpectedBy, csvPlaces, csvNote
    case targetsIntro, noBenchmarksApply, benchmarksNotApplying, targetsTableCaption, nationalTarget, otherYears
    case otherTargets, otherTargetsCaption, chartTitle, nationalShort, chartCaption
    case statusMet, statusBelow, statusMissing, statusOutside, statusUnclear
    case timelinesIntro, timelineTableCaption, timelineTasks, timelineTasksCaption, noTimelineProblems
    case problemNoTime, problemVague, problemRelative, problemPastDue, dueOn, pastDueShort, noQuarter
    case leadsIntro, leadsTableCaption, tasksWithoutLead, everyTaskHasLead, noNamedLead, coordinatorsLabel
    case citationsIntro, citationsCaption, citedAt, notCited
    case productsIntro, tasksWithoutProduct, everyTaskHasProduct, noProduct
    case factDocument, factTitle, factPeriod, factSource, factCounts, factGaps, factParsing, numberBlank, countsLine
    case parsingLine, tasksByArea, nTasks, themesOfWard, noThemeTasks, targetsOfWard, targetsOfWardCaption, noTargets
    case basesOfWard, noBases
    case tasksIntro, tasksCaption, filtersLabel, onlyTasks, filterVague, searchText, clearFilters, shownOf
    case filterWards, filterRows
    case methodAreas, methodThemes, methodTargets, methodTimelines, methodLeads, methodCitations, methodSource
    case methodPrint
    case yes, no
    case csvWardID, csvWard, csvProvince, csvSource, csvLine, csvEndLine, csvAreaID, csvGroup, csvThemeIDs
    case csvLeadText, csvGenericLead, csvCoordinators, csvSchedule, csvStart, csvEnd, csvDeadline, csvFlags
    case csvDueQuarter, csvPastDue, csvMetricID, csvComparator, csvUnit, csvBenchmark, csvBenchmarkPeriod
    case csvBenchmarkSource, csvStatus, csvTotalTasks, csvAreaPrefix, csvThemePrefix, csvSupervisor, csvNotes
    case secLetters, navLetters, lettersIntro, letterOf, decisionsOf, markAccepted, markNotApplicable, markSent
    case decisionResolved, decisionsNoWard, secRegistry, navRegistry, registryIntro, registryMissing
    case registryUnknown, registryAmbiguous, registryNoMatch, registryAllSent, changedSincePrevious, olderVersion
    case backToOverview, showAllTasks, pickerLabel, pickGroup, allGroups, allWards, printOneWard, pickedWards
    case gapChartTitle, gapChartCaption, gapChartTotal, lazyNote, overviewIntro, groupsCaption, colGroup, colWards
    case colNationalGaps, groupPart, secGroups, navGroups, gapChartGroups
    case markedAs, decisionsResolved, csvMark, csvMarkNote, levelResolved

    /// The table: (Vietnamese, English).
    var text: (vi: String, en: String) {
        switch self {
        case .reportTitle:
            (
                "Báo cáo so sánh kế hoạch cải cách hành chính của các phường, xã",
                "Comparison of ward administrative-reform plans"
            )
        case .skipToContent: ("Chuyển đến nội dung chính", "Skip to main content")
        case .asOfLine: ("Số liệu tính đến ngày {0}.", "Report date: {0}.")
        case .inputsLine:
            (
                "{0} kế hoạch, {1} nhiệm vụ; {2} tệp không đọc được.",
                "{0} plans, {1} tasks; {2} files could not be read."
            )
        case .footer:
            (
                "Lập bằng WardPlans · bộ phân loại phiên bản {0} · số liệu tính đến ngày {1}.",
                "Made with WardPlans · taxonomy version {0} · report date {1}."
            )
        case .contents: ("Mục lục", "Contents")
        case .secSummary: ("Tóm tắt", "Summary")
        case .secMatrix: ("Ma trận bao phủ", "Coverage matrix")
        case .secGaps: ("Nội dung còn thiếu theo phường", "Gaps by ward")
        case .secTargets: ("Chỉ tiêu so với mục tiêu quốc gia", "Targets against national benchmarks")
        case .secTimelines: ("Thời gian thực hiện", "Timelines")
        case .secLeads: ("Cơ quan chủ trì", "Lead offices")
        case .secCitations: ("Căn cứ pháp lý", "Legal bases")
        case .secProducts: ("Sản phẩm", "Products")
        case .secWards: ("Hồ sơ từng phường", "Ward profiles")
        case .secTasks: ("Danh sách nhiệm vụ", "All tasks")
        case .secMethod: ("Cách đọc báo cáo", "How to read this report")
        case .navSummary: ("Tóm tắt", "Summary")
        case .navMatrix: ("Ma trận", "Matrix")
        case .navGaps: ("Còn thiếu", "Gaps")
        case .navTargets: ("Chỉ tiêu", "Targets")
        case .navTimelines: ("Thời gian", "Timelines")
        case .navLeads: ("Chủ trì", "Leads")
        case .navCitations: ("Căn cứ", "Legal bases")
        case .navProducts: ("Sản phẩm", "Products")
        case .navWards: ("Từng phường", "Wards")
        case .navTasks: ("Nhiệm vụ", "Tasks")
        case .navMethod: ("Cách đọc", "How to read")
        case .secLetters: ("Dự thảo công văn góp ý gửi từng phường", "Draft review letter to each ward")
        case .navLetters: ("Công văn", "Letters")
        case .lettersIntro:
            (
                "Nội dung công văn góp ý theo thể thức Nghị định 30/2020/NĐ-CP, mỗi phường một văn bản, gồm các đề nghị theo khung quốc gia (không nêu phường khác), sẵn để sao chép. Lệnh wardplan letters ghi các văn bản này thành tệp Word (.docx).",
                "The review letter to each ward in the form of Decree 30/2020/NĐ-CP (in Vietnamese), with the requests of the national framework (no other ward is mentioned), ready to copy. The command wardplan letters writes them as Word files (.docx)."
            )
        case .letterOf: ("Công văn gửi {0}", "Letter to {0}")
        case .decisionsOf: ("Đánh dấu của chuyên viên", "Reviewer’s marks")
        case .markAccepted: ("đã chấp nhận", "accepted")
        case .markNotApplicable: ("không áp dụng, không đưa vào công văn", "not applicable, left out of the letter")
        case .markSent: ("đã gửi đề nghị", "request sent")
        case .decisionResolved:
            ("đã giải quyết: kế hoạch không còn thiếu nội dung này", "resolved: the plan no longer lacks it")
        case .secRegistry: ("Đơn vị chưa gửi kế hoạch", "Units that sent no plan")
        case .navRegistry: ("Chưa gửi", "Not sent")
        case .registryIntro:
            (
                "Đối chiếu với danh sách đơn vị hành chính cấp xã ({0}, {1} đơn vị; mã theo danh mục của Tổng cục Thống kê): các đơn vị chưa gửi kế hoạch và các kế hoạch của đơn vị không có trong danh sách.",
                "Checked against the list of commune-level units ({0}, {1} units; codes of the General Statistics Office list): the units that sent no plan and the plans of units not in the list."
            )
        case .registryMissing: ("{0} đơn vị chưa gửi kế hoạch", "{0} units sent no plan")
        case .registryUnknown: ("Kế hoạch của đơn vị không có trong danh sách", "Plans of units not in the list")
        case .registryAmbiguous: ("tên có ở nhiều tỉnh: {0}", "a name found in several provinces: {0}")
        case .registryNoMatch: ("không tìm thấy trong danh mục đơn vị hành chính", "not found in the list of units")
        case .registryAllSent: ("Mọi đơn vị trong danh sách đã gửi kế hoạch.", "Every unit of the list sent a plan.")
        case .changedSincePrevious: ("đã thay đổi so với bản trước", "changed since the previous version")
        case .backToOverview: ("← Về trang tổng hợp", "← Back to the overview")
        case .showAllTasks: ("Hiện nhiệm vụ của mọi phường", "Show the tasks of every ward")
        case .pickerLabel: ("Chọn phường hoặc nhóm", "Pick a ward or a group")
        case .pickGroup: ("Nhóm", "Group")
        case .allGroups: ("Mọi nhóm", "All groups")
        case .allWards: ("Mọi phường", "All wards")
        case .printOneWard: ("In một phường", "Print one ward")
        case .pickedWards: ("Đang xem {0}/{1} phường", "Showing {0} of {1} wards")
        case .gapChartTitle:
            ("Khoảng trống so với khung quốc gia, theo phường và lĩnh vực", "National gaps by ward and area")
        case .gapChartCaption:
            (
                "Mỗi thanh là một phường (hoặc nhóm), chia theo lĩnh vực: số chủ đề được yêu cầu mà kế hoạch chưa có nhiệm vụ (chưa có hoặc chỉ có nêu). Con số cuối thanh là tổng; bảng ma trận bên trên có cùng số liệu.",
                "One bar per ward (or group), split by area: the required themes the plan has no task for (absent or only stated). The figure at the end is the total; the matrix above carries the same figures."
            )
        case .gapChartTotal: ("Tổng theo lĩnh vực", "Total per area")
        case .lazyNote:
            (
                "Báo cáo có nhiều phường: chi tiết từng phường (khoảng trống, văn bản góp ý, hồ sơ, nhiệm vụ) được mở khi chọn phường hoặc bấm vào tiêu đề. Cần bật JavaScript; các tệp CSV, XML có đủ số liệu.",
                "A report of many wards: each ward's details (gaps, letter, profile, tasks) open when the ward is picked or its heading clicked. This needs scripts; the CSV and XML files carry all the data."
            )
        case .overviewIntro:
            (
                "Trang tổng hợp: {0} phường, xã chia thành {1} trang theo nhóm (tỉnh, thành phố hoặc nhóm của danh sách). Mỗi trang có đầy đủ các phần của báo cáo cho các phường của nhóm.",
                "Overview: {0} wards on {1} pages by group (province or the list's group). Each page has every part of the report for its group's wards."
            )
        case .groupsCaption:
            (
                "Nhóm × lĩnh vực: số phường có nhiệm vụ / số phường của nhóm; khoảng trống quốc gia",
                "Groups × areas: wards with tasks / wards of the group; national gaps"
            )
        case .colGroup: ("Nhóm", "Group")
        case .colWards: ("Số phường", "Wards")
        case .colNationalGaps: ("Khoảng trống quốc gia", "National gaps")
        case .groupPart: ("{0} (phần {1}/{2})", "{0} (part {1} of {2})")
        case .secGroups: ("Các nhóm", "Groups")
        case .navGroups: ("Nhóm", "Groups")
        case .gapChartGroups:
            ("Khoảng trống so với khung quốc gia, theo nhóm và lĩnh vực", "National gaps by group and area")
        case .markedAs: ("Chuyên viên đánh dấu: {0}", "Reviewer’s mark: {0}")
        case .decisionsResolved:
            ("Đánh dấu của chuyên viên đã được giải quyết", "Reviewer’s marks now resolved")
        case .csvMark: ("Đánh dấu", "Mark")
        case .csvMarkNote: ("Ghi chú đánh dấu", "Mark note")
        case .levelResolved: ("đã giải quyết (kế hoạch không còn thiếu)", "resolved (the plan no longer lacks it)")
        case .olderVersion:
            (
                "Bản trước: {0} ({1}); so với bản này: bỏ {2}, thêm {3}, sửa {4} nhiệm vụ, {5} thay đổi chỉ tiêu (xem wardplan diff).",
                "Previous version: {0} ({1}); since then: {2} tasks removed, {3} added, {4} changed, {5} target changes (see wardplan diff)."
            )
        case .decisionsNoWard:
            (
                "Đánh dấu về phường không có kế hoạch trong lần lập báo cáo này",
                "Marks on wards with no plan in this report"
            )
        case .namesAndMore: ("{0} và {1} phường khác", "{0} and {1} other wards")
        case .lineOne: ("dòng {0}", "line {0}")
        case .lineMany: ("dòng {0}", "lines {0}")
        case .all: ("Tất cả", "All")
        case .unknown: ("không rõ", "unknown")
        case .notWritten: ("(không ghi)", "(not stated)")
        case .figWards: ("Phường, xã", "Wards")
        case .figTasks: ("Nhiệm vụ", "Tasks")
        case .figTargets: ("Chỉ tiêu", "Targets")
        case .figGaps: ("Nội dung còn thiếu theo khung quốc gia", "Gaps against the national framework")
        case .figStated: ("Chủ đề đã nêu, chưa thành nhiệm vụ", "Themes stated, no task")
        case .figUpdates: ("Cần cập nhật khi điều chỉnh", "To update when amended")
        case .figFailed: ("Tệp không đọc được", "Files not read")
        case .biggestGaps: ("Nội dung còn thiếu ở nhiều phường nhất", "Gaps shared by the most wards")
        case .areaLabel: ("Lĩnh vực «{0}»", "Area “{0}”")
        case .themeLabel: ("Chủ đề «{0}» ({1})", "Theme “{0}” ({1})")
        case .targetLabel: ("Chỉ tiêu «{0}» ({1}, {2})", "Target “{0}” ({1}, {2})")
        case .citationLabel: ("Căn cứ {0}", "Citing {0}")
        case .moreGaps: ("… và {0} nội dung khác (xem từng phường).", "… and {0} more (see each ward).")
        case .noGapsAnywhere:
            (
                "Không phường nào còn thiếu nội dung so với khung quốc gia.",
                "No ward has a gap against the national framework."
            )
        case .missingInWards: ("thiếu ở {0}/{1} phường", "missing in {0} of {1} wards")
        case .wardsMostGaps: ("Phường có nhiều nội dung còn thiếu nhất", "Wards with the most gaps")
        case .gapCount: ("{0} nội dung còn thiếu", "{0} gap|{0} gaps")
        case .followUp: ("Cần theo dõi", "To follow up")
        case .tasksNoLead:
            (
                "{0} nhiệm vụ không có cơ quan chủ trì cụ thể",
                "{0} task has no named lead office|{0} tasks have no named lead office"
            )
        case .tasksNoTime:
            ("{0} nhiệm vụ không ghi thời gian thực hiện", "{0} task has no timeline|{0} tasks have no timeline")
        case .tasksVagueTime:
            (
                "{0} nhiệm vụ chỉ ghi thời gian chung chung (theo hướng dẫn, theo chỉ đạo, theo kế hoạch)",
                "{0} task has only a vague timeline (per guidance, per direction, per plan)|{0} tasks have only a vague timeline (per guidance, per direction, per plan)"
            )
        case .tasksPastDue:
            (
                "{0} nhiệm vụ có hạn trước ngày {1}: cần kiểm tra kết quả",
                "{0} task was due before {1}: check it was done|{0} tasks were due before {1}: check they were done"
            )
        case .tasksNoProduct: ("{0} nhiệm vụ không nêu sản phẩm", "{0} task names no product|{0} tasks name no product")
        case .wardsWithoutOptionalArea:
            (
                "{0} phường không có nhiệm vụ thuộc «{1}» (không bắt buộc)",
                "{0} ward has no task in “{1}” (optional)|{0} wards have no task in “{1}” (optional)"
            )
        case .wardsWithTasks: ("Số phường có nhiệm vụ", "Wards with tasks")
        case .wardsOfAll: ("{0}/{1} phường", "{0}/{1} wards")
        case .skippedInputs:
            (
                "Tệp bỏ qua trong thư mục (không phải định dạng kế hoạch đọc được)",
                "Files skipped in the folders (not a plan format this tool reads)"
            )
        case .failedInputs:
            ("Tệp không đọc được (không có trong báo cáo)", "Files that could not be read (not in this report)")
        case .duplicateWards:
            (
                "Phường có nhiều kế hoạch (báo cáo tính từng kế hoạch; nếu kế hoạch mới thay kế hoạch cũ, chỉ giữ kế hoạch mới trong thư mục)",
                "Wards with several plans (each is counted; if one replaces another, keep only the current one in the folder)"
            )
        case .duplicateWard: ("{0}:", "{0}:")
        case .matrixIntro:
            (
                "Mỗi ô là số nhiệm vụ của phường trong lĩnh vực hoặc chủ đề. Bấm vào một ô để xem các nhiệm vụ, hoặc lý do ô được đánh dấu là thiếu. Bấm vào tiêu đề cột để sắp xếp.",
                "Each cell counts a ward’s tasks in an area or theme. Select a cell to see its tasks, or why it is marked as a gap. Select a column heading to sort."
            )
        case .themeMatrices: ("Theo chủ đề", "By theme")
        case .noThemes:
            (
                "Bộ phân loại (taxonomy.yaml) chưa có chủ đề cấp 2; ma trận theo chủ đề sẽ có khi bổ sung.",
                "The taxonomy (taxonomy.yaml) has no level-2 themes yet; the theme matrix appears once it has."
            )
        case .legend: ("Chú giải", "Legend")
        case .legendGap:
            ("thiếu theo khung quốc gia: không có nhiệm vụ, không nêu", "national gap: no task, not stated")
        case .legendMentioned:
            (
                "có nêu (mục tiêu, giải pháp, chỉ tiêu, trách nhiệm) nhưng chưa có nhiệm vụ",
                "stated (objectives, solutions, targets, duties) but no task"
            )
        case .legendOptional: ("không có nhiệm vụ, không phải yêu cầu quốc gia", "no task, not a national expectation")
        case .legendOne: ("nhiệm vụ", "task")
        case .legendFew: ("nhiệm vụ", "tasks")
        case .legendSome: ("nhiệm vụ", "tasks")
        case .legendMany: ("nhiệm vụ", "tasks")
        case .legendExpected: ("chủ đề được văn bản trung ương yêu cầu", "theme required by a national document")
        case .areaMatrixCaption: ("Số nhiệm vụ theo lĩnh vực", "Tasks by area")
        case .themeMatrixCaption: ("Số nhiệm vụ theo chủ đề – {0}", "Tasks by theme – {0}")
        case .optionalMark: ("(không bắt buộc)", "(optional)")
        case .expectedBy: ("được {0} yêu cầu", "required by {0}")
        case .colWard: ("Phường", "Ward")
        case .colTasks: ("Tổng số nhiệm vụ", "Tasks")
        case .colThemesMissing: ("Chủ đề thiếu", "Themes missing")
        case .colGapsTotal: ("Tổng nội dung còn thiếu", "All gaps")
        case .colTask: ("Số TT", "No.")
        case .colArea: ("Lĩnh vực", "Area")
        case .colThemes: ("Chủ đề", "Themes")
        case .colTaskText: ("Nội dung nhiệm vụ (nguyên văn)", "Task (as written)")
        case .colLead: ("Cơ quan chủ trì", "Lead office")
        case .colTime: ("Thời gian thực hiện", "Timeline")
        case .colProducts: ("Sản phẩm", "Products")
        case .colSource: ("Nguồn (tệp:dòng)", "Source (file:line)")
        case .colProblem: ("Cần theo dõi", "To follow up")
        case .colTimeAsWritten: ("Thời gian ghi trong kế hoạch", "Timeline as written")
        case .colDue: ("Hạn", "Due")
        case .colNoTime: ("Không ghi thời gian", "No timeline")
        case .colVague: ("Chỉ ghi chung chung", "Vague only")
        case .colRelative: ("Tính từ một sự kiện", "Counted from an event")
        case .colPastDue: ("Hạn trước ngày {0}", "Due before {0}")
        case .colRecurring: ("Thường xuyên, định kỳ", "Recurring")
        case .colQuarter: ("Quý đến hạn", "Quarter due")
        case .colNoLead: ("Không có cơ quan chủ trì cụ thể", "No named lead office")
        case .colLeadAsWritten: ("Chủ trì ghi trong kế hoạch", "Lead as written")
        case .colBasesCount: ("Số căn cứ", "Bases cited")
        case .colLine: ("Dòng", "Line")
        case .colMetric: ("Chỉ tiêu", "Metric")
        case .colValue: ("Giá trị", "Value")
        case .colPhase: ("Giai đoạn", "Years")
        case .colTargetText: ("Nội dung (nguyên văn)", "Text (as written)")
        case .gapsIntro:
            (
                "Mỗi mục dưới đây là một nội dung kế hoạch của phường còn thiếu so với khung quốc gia (Nghị quyết 76/NQ-CP, Quyết định 282/QĐ-TTg, mục tiêu quốc gia): chưa có (không có nhiệm vụ, kế hoạch không nêu) hoặc có nêu nhưng chưa thành nhiệm vụ, kèm vị trí trong kế hoạch. Văn bản ban hành sau kế hoạch chỉ dẫn đến đề nghị cập nhật. Thực tiễn của đa số phường cùng nhóm chỉ để tham khảo. Có thể sao chép vào văn bản đề nghị phường bổ sung kế hoạch.",
                "Each item below is something a ward’s plan lacks against the national framework (Resolution 76/NQ-CP, Decision 282/QĐ-TTg, national targets): absent (no task, not stated) or stated without a task, with its places in the plan. A document issued after the plan only leads to an update note. What most wards of the group do is for reference only. It can be copied into a letter asking the ward to amend its plan."
            )
        case .gapsRequired: ("So với khung quốc gia", "Against the national framework")
        case .gapsCommon:
            ("Thực tiễn của đa số phường cùng nhóm (tham khảo)", "Practice of most wards of the group (reference only)")
        case .gapsUpdate: ("Cập nhật khi điều chỉnh kế hoạch", "To update when the plan is amended")
        case .gapsReview:
            (
                "Cần xem lại trước khi đề nghị (không tính, không đưa vào công văn)",
                "To review before asking (not counted, not in the letter)"
            )
        case .gapThemeReview:
            (
                "Chủ đề «{0}» (lĩnh vực «{1}»): chưa nhận ra nhiệm vụ, nhưng {2}.",
                "Theme “{0}” (area “{1}”): no task recognised, but {2}."
            )
        case .legendReview:
            ("có nội dung gần, cần xem lại (không tính)", "near words, to review (not counted)")
        case .gapThemeStated:
            (
                "Chủ đề «{0}» (lĩnh vực «{1}»): kế hoạch có nêu tại {2} nhưng chưa cụ thể hóa thành nhiệm vụ (cơ quan chủ trì, thời hạn, sản phẩm);",
                "Theme “{0}” (area “{1}”): the plan states it at {2} but has no task for it (lead, deadline, product);"
            )
        case .gapThemeStatedAssigned:
            (
                "Chủ đề «{0}» (lĩnh vực «{1}»): kế hoạch có nêu tại {2}, đã giao {3} thực hiện nhưng chưa cụ thể hóa thành nhiệm vụ (thời hạn, sản phẩm);",
                "Theme “{0}” (area “{1}”): the plan states it at {2} and gives it to {3} but has no task for it (deadline, product);"
            )
        case .gapUpdate:
            (
                "Chủ đề «{0}» (lĩnh vực «{1}»): kế hoạch ban hành trước {2}: đề nghị cập nhật khi điều chỉnh.",
                "Theme “{0}” (area “{1}”): the plan was issued before {2}: to add when it is amended."
            )
        case .gapTargetUpdate:
            (
                "Chỉ tiêu «{0}» {1} giai đoạn {2}: kế hoạch ban hành trước {3}: đề nghị cập nhật khi điều chỉnh.",
                "Target “{0}” {1} for {2}: the plan was issued before {3}: to add when it is amended."
            )
        case .gapCitationUpdate:
            (
                "Căn cứ {0}: kế hoạch ban hành trước {1}: đề nghị cập nhật khi điều chỉnh.",
                "Citing {0}: the plan was issued before {1}: to add when it is amended."
            )
        case .peersShare:
            (
                "Tham khảo: {0}/{1} phường cùng nhóm có nhiệm vụ.",
                "For reference: {0} of {1} wards of the group have tasks."
            )
        case .colThemesStated: ("Chủ đề chỉ nêu, chưa có nhiệm vụ", "Themes stated, no task")
        case .legendTask: ("● số nhiệm vụ", "● number of tasks")
        case .legendStated: ("◐ có nêu trong kế hoạch, chưa có nhiệm vụ", "◐ stated in the plan, no task")
        case .legendAbsent: ("○ không có", "○ none")
        case .colWholePeriod: ("Chỉ ghi cả giai đoạn", "Whole period only")
        case .problemWholePeriod:
            ("Chỉ ghi cả giai đoạn của kế hoạch, không có mốc thời gian", "Only the plan’s whole period, no date")
        case .tasksWholePeriod:
            (
                "{0} nhiệm vụ chỉ ghi cả giai đoạn của kế hoạch",
                "{0} task gives only the plan’s whole period|{0} tasks give only the plan’s whole period"
            )
        case .csvKind: ("Loại", "Kind")
        case .csvItemID: ("Mã", "Id")
        case .csvName: ("Tên", "Name")
        case .csvUnitCode: ("Mã đơn vị", "Unit code")
        case .csvRegistryGroup: ("Nhóm trong danh sách", "Group in the list")
        case .registrySent: ("đã gửi kế hoạch", "sent a plan")
        case .registryNotSent: ("chưa gửi kế hoạch", "sent no plan")
        case .registryNotListed: ("không có trong danh sách", "not in the list")
        case .csvLevel: ("Mức", "Level")
        case .csvBasis: ("Căn cứ đề nghị", "Basis")
        case .csvExpectedBy: ("Văn bản yêu cầu", "Expected by")
        case .csvPlaces: ("Vị trí trong kế hoạch", "Places in the plan")
        case .csvNote: ("Ghi chú", "Note")
        case .noGaps:
            (
                "Không thấy nội dung còn thiếu so với khung quốc gia và các phường khác.",
                "No gap found against the national framework or the other wards."
            )
        case .gapTheme: ("Chủ đề «{0}» (lĩnh vực «{1}»): chưa có nhiệm vụ;", "Theme “{0}” (area “{1}”): no task;")
        case .gapTargetBelow:
            (
                "Chỉ tiêu «{0}»: kế hoạch đặt {1}, thấp hơn mục tiêu quốc gia {2} giai đoạn {3} ({4}).",
                "Target “{0}”: the plan sets {1}, below the national {2} for {3} ({4})."
            )
        case .gapTargetMissing:
            (
                "Chỉ tiêu «{0}»: kế hoạch chưa đặt; mục tiêu quốc gia {1} giai đoạn {2} ({3}).",
                "Target “{0}”: the plan sets none; the national target is {1} for {2} ({3})."
            )
        case .gapCitation: ("Phần căn cứ chưa trích dẫn {0}.", "The legal bases do not cite {0}.")
        case .gapOptionalArea: ("Không có nhiệm vụ thuộc «{0}» (không bắt buộc).", "No task in “{0}” (optional).")
        case .seeProfile: ("Xem hồ sơ {0}", "See the profile of {0}")
        case .unverified: ("(số liệu quốc gia chưa được kiểm chứng)", "(national figure not yet verified)")
        case .noNumber: ("không có số", "no figure")
        case .targetsIntro:
            (
                "So sánh chỉ tiêu của từng phường với mục tiêu quốc gia (benchmarks.yaml) trong cùng giai đoạn. «Thấp hơn» là nội dung còn thiếu; «Ngoài kỳ kế hoạch» nghĩa là kỳ của kế hoạch không bao gồm giai đoạn của mục tiêu quốc gia, chỉ tiêu của các năm khác được nêu để tham khảo.",
                "Each ward’s targets against the national benchmarks (benchmarks.yaml) for the same years. “Below” is a gap; “outside the plan’s period” means the plan does not cover the benchmark’s years, and its targets for other years are shown for reference."
            )
        case .noBenchmarksApply:
            (
                "Không có mục tiêu quốc gia nào áp dụng cho kỳ của các kế hoạch.",
                "No national benchmark applies to the plans’ periods."
            )
        case .benchmarksNotApplying:
            (
                "Mục tiêu quốc gia không áp dụng cho kỳ của kế hoạch nào: {0}.",
                "National benchmarks outside every plan’s period: {0}."
            )
        case .targetsTableCaption:
            ("Chỉ tiêu của phường so với mục tiêu quốc gia", "Ward targets against national benchmarks")
        case .nationalTarget: ("Quốc gia: {0} · {1} · {2}", "National: {0} · {1} · {2}")
        case .otherYears: ("(năm khác, tham khảo)", "(other years, for reference)")
        case .otherTargets: ("Chỉ tiêu khác của các phường", "Other ward targets")
        case .otherTargetsCaption:
            ("Chỉ tiêu không có mục tiêu quốc gia để so sánh", "Targets with no national benchmark to compare with")
        case .chartTitle:
            (
                "Biểu đồ: chỉ tiêu của các phường (chấm) so với mục tiêu quốc gia (vạch)",
                "Chart: ward targets (marks) against national benchmarks (bars)"
            )
        case .nationalShort: ("quốc gia {0} ({1})", "national {0} ({1})")
        case .chartCaption:
            (
                "Vạch đậm: mục tiêu quốc gia. Chấm đặc: đạt; dấu ×: thấp hơn; chấm rỗng: chỉ tiêu của năm khác. Số liệu chi tiết ở bảng dưới.",
                "Dark bar: national benchmark. Filled dot: met; ×: below; hollow dot: a target for other years. The table below has the figures."
            )
        case .statusMet: ("Đạt", "Met")
        case .statusBelow: ("Thấp hơn", "Below")
        case .statusMissing: ("Chưa đặt", "Not set")
        case .statusOutside: ("Ngoài kỳ kế hoạch", "Outside the plan’s period")
        case .statusUnclear: ("Không so sánh được", "Not comparable")
        case .timelinesIntro:
            (
                "Nhiệm vụ cần theo dõi về thời gian: không ghi thời gian, chỉ ghi chung chung («theo hướng dẫn», «theo chỉ đạo»), hoặc có hạn trước ngày {0}. Bảng cũng đếm nhiệm vụ theo quý đến hạn (nhiệm vụ thường xuyên, định kỳ được đếm riêng).",
                "Tasks to follow up on time: no timeline, only a vague one (“per guidance”, “per direction”), or due before {0}. The table also counts tasks by the quarter they fall due in (recurring tasks are counted apart)."
            )
        case .timelineTableCaption: ("Tình trạng thời gian thực hiện theo phường", "Timelines by ward")
        case .timelineTasks: ("Nhiệm vụ cần theo dõi về thời gian", "Tasks to follow up on time")
        case .timelineTasksCaption:
            ("Nhiệm vụ không có thời gian rõ ràng hoặc đã đến hạn", "Tasks with no clear timeline or already due")
        case .noTimelineProblems:
            (
                "Mọi nhiệm vụ đều có thời gian rõ ràng và chưa đến hạn.",
                "Every task has a clear timeline and none is due yet."
            )
        case .problemNoTime: ("Không ghi thời gian", "No timeline")
        case .problemVague: ("Chỉ ghi chung chung, không có mốc thời gian", "Vague, no date")
        case .problemRelative: ("Tính từ một sự kiện, không có ngày cụ thể", "Counted from an event, no date")
        case .problemPastDue: ("Hạn {0} đã qua: kiểm tra kết quả", "Due {0}, passed: check it was done")
        case .dueOn: ("Hạn: {0}", "Due: {0}")
        case .pastDueShort: ("Đã qua hạn", "Past due")
        case .noQuarter: ("Không xác định", "Not known")
        case .leadsIntro:
            (
                "Số nhiệm vụ mỗi cơ quan chủ trì trong từng phường (nhiệm vụ có hai cơ quan chủ trì được đếm cho cả hai), và các nhiệm vụ không giao cho cơ quan cụ thể nào.",
                "Tasks per lead office in each ward (a task with two leads counts for both), and the tasks that name no particular office."
            )
        case .leadsTableCaption: ("Số nhiệm vụ theo cơ quan chủ trì", "Tasks per lead office")
        case .tasksWithoutLead: ("Nhiệm vụ không có cơ quan chủ trì cụ thể", "Tasks with no named lead office")
        case .everyTaskHasLead: ("Mọi nhiệm vụ đều có cơ quan chủ trì cụ thể.", "Every task has a named lead office.")
        case .noNamedLead: ("Không có cơ quan chủ trì cụ thể", "No named lead office")
        case .coordinatorsLabel: ("Phối hợp:", "With:")
        case .citationsIntro:
            (
                "Kế hoạch có trích dẫn các văn bản cần làm căn cứ (citations.yaml) hay không: Nghị quyết 76/NQ-CP, Quyết định 282/QĐ-TTg và kế hoạch CCHC của thành phố, tỉnh.",
                "Whether each plan cites the documents it should rest on (citations.yaml): Resolution 76/NQ-CP, Decision 282/QĐ-TTg and its city’s or province’s reform plan."
            )
        case .citationsCaption: ("Căn cứ pháp lý được trích dẫn", "Legal bases cited")
        case .citedAt: ("Có – dòng {0}", "Cited – line {0}")
        case .notCited: ("Không trích dẫn", "Not cited")
        case .productsIntro:
            (
                "Nhiệm vụ không nêu sản phẩm đầu ra (báo cáo, quyết định, kế hoạch…).",
                "Tasks that name no output (a report, a decision, a plan…)."
            )
        case .tasksWithoutProduct: ("Nhiệm vụ không nêu sản phẩm", "Tasks with no product")
        case .everyTaskHasProduct: ("Mọi nhiệm vụ đều nêu sản phẩm.", "Every task names a product.")
        case .noProduct: ("Không nêu sản phẩm", "No product")
        case .factDocument: ("Văn bản", "Document")
        case .factTitle: ("Trích yếu", "Title")
        case .factPeriod: ("Kỳ kế hoạch", "Period")
        case .factSource: ("Tệp nguồn", "Source file")
        case .factCounts: ("Nội dung", "Content")
        case .factGaps: ("Còn thiếu", "Gaps")
        case .factParsing: ("Lưu ý khi đọc", "Reading notes")
        case .numberBlank: ("(chưa có số)", "(no number)")
        case .countsLine: ("{0} nhiệm vụ, {1} chỉ tiêu, {2} căn cứ pháp lý", "{0} tasks, {1} targets, {2} legal bases")
        case .parsingLine:
            (
                "{0} dòng chưa phân loại, {1} cảnh báo (xem wardplan extract)",
                "{0} unclassified lines, {1} warnings (see wardplan extract)"
            )
        case .tasksByArea: ("Nhiệm vụ theo lĩnh vực", "Tasks by area")
        case .nTasks: ("{0} nhiệm vụ", "{0} task|{0} tasks")
        case .themesOfWard: ("Chủ đề có nhiệm vụ", "Themes with tasks")
        case .noThemeTasks: ("Chưa nhận ra chủ đề nào trong các nhiệm vụ.", "No theme was recognised in the tasks.")
        case .targetsOfWard: ("Chỉ tiêu của kế hoạch", "The plan’s targets")
        case .targetsOfWardCaption: ("Chỉ tiêu – {0}", "Targets – {0}")
        case .noTargets: ("Kế hoạch không có chỉ tiêu nào.", "The plan sets no target.")
        case .basesOfWard: ("Căn cứ pháp lý", "Legal bases")
        case .noBases: ("Kế hoạch không nêu căn cứ pháp lý nào.", "The plan cites no legal basis.")
        case .tasksIntro:
            (
                "Mọi nhiệm vụ, nguyên văn, kèm tệp và dòng nguồn; xếp theo phường, lĩnh vực và thứ tự trong kế hoạch. Khi trình duyệt cho phép chạy mã, có thể lọc theo phường, lĩnh vực, chủ đề, cơ quan, quý.",
                "Every task as written, with its source file and line, by ward, area and plan order. With scripts on, filter by ward, area, theme, office and quarter."
            )
        case .tasksCaption: ("{0} nhiệm vụ", "{0} task|{0} tasks")
        case .filtersLabel: ("Lọc nhiệm vụ", "Filter tasks")
        case .onlyTasks: ("Chỉ hiện nhiệm vụ", "Only tasks")
        case .filterVague: ("Không có hoặc chỉ ghi chung chung thời gian", "With no or only a vague timeline")
        case .searchText: ("Tìm trong nội dung", "Search text")
        case .clearFilters: ("Bỏ lọc", "Clear filters")
        case .shownOf: ("Đang hiện {0}/{1} nhiệm vụ", "Showing {0} of {1} tasks")
        case .filterWards: ("Lọc theo tên phường", "Filter by ward name")
        case .filterRows: ("Lọc các dòng", "Filter rows")
        case .methodAreas:
            (
                "Lĩnh vực: 8 lĩnh vực của Nghị quyết 76/NQ-CP và Quyết định 282/QĐ-TTg (bộ phân loại phiên bản {1}). Ô đỏ: lĩnh vực không có nhiệm vụ, trừ «Nội dung khác của địa phương»; các chủ đề được yêu cầu của lĩnh vực đó được nêu trong danh sách còn thiếu.",
                "Areas: the 8 areas of Resolution 76/NQ-CP and Decision 282/QĐ-TTg (taxonomy version {1}). Red: an area with no task, except “Other local areas”; its required themes are in the gap list."
            )
        case .methodThemes:
            (
                "Chủ đề: một chủ đề không có nhiệm vụ là còn thiếu khi văn bản trung ương ban hành trước kế hoạch yêu cầu (★, documents.yaml), ở mức «có nêu» nếu kế hoạch nêu ở mục tiêu, giải pháp, chỉ tiêu hoặc trách nhiệm. Khi một phường có đủ số phường khác cùng tỉnh, thành phố (--min-peers, mặc định 5) và quá nửa số đó có nhiệm vụ, chủ đề được nêu để tham khảo (trừ chủ đề liên ngành và nội dung không bắt buộc). Mỗi chủ đề của nhiệm vụ kèm từ ngữ của kế hoạch làm căn cứ.",
                "Themes: a theme with no task is a gap when a national document issued before the plan requires it (★, documents.yaml), at the level “stated” when the plan states it in its objectives, solutions, targets or duties. When a ward has enough other wards in its province (--min-peers, 5 by default) and most of them have tasks in a theme, it is listed for reference (never for cross-cutting or optional themes). Each theme of a task shows the plan’s words it was found from."
            )
        case .methodTargets:
            (
                "Chỉ tiêu: so với mục tiêu quốc gia có giai đoạn trùng với giai đoạn của chỉ tiêu (hoặc của kế hoạch).",
                "Targets: compared with the national benchmark whose years overlap the target’s (or the plan’s)."
            )
        case .methodTimelines:
            (
                "Thời gian: hạn của nhiệm vụ là ngày hạn chót, hoặc ngày cuối của khoảng thời gian; hạn trước ngày {0} được nêu để kiểm tra kết quả.",
                "Timelines: a task’s due date is its deadline, else the last day of its period; one before {0} is listed to check the result."
            )
        case .methodLeads:
            (
                "Cơ quan chủ trì: tên được chuẩn hóa theo offices.yaml; «các cơ quan, đơn vị có liên quan» không phải cơ quan cụ thể.",
                "Lead offices: names are made canonical by offices.yaml; “các cơ quan, đơn vị có liên quan” is not a named office."
            )
        case .methodCitations:
            ("Căn cứ pháp lý: đối chiếu theo citations.yaml.", "Legal bases: checked against citations.yaml.")
        case .methodSource:
            (
                "Nguồn: mọi nội dung trích dẫn giữ nguyên văn của kế hoạch, kèm tệp và số dòng.",
                "Sources: every quotation is the plan’s own text, with its file and line."
            )
        case .methodPrint:
            ("In báo cáo: khổ A4 ngang; ô màu được giữ khi in.", "Printing: A4 landscape; cell colours are kept.")
        case .yes: ("có", "yes")
        case .no: ("không", "no")
        case .csvWardID: ("Mã phường", "Ward id")
        case .csvWard: ("Phường", "Ward")
        case .csvProvince: ("Tỉnh, thành phố", "Province or city")
        case .csvSource: ("Tệp nguồn", "Source file")
        case .csvLine: ("Dòng", "Line")
        case .csvEndLine: ("Đến dòng", "End line")
        case .csvAreaID: ("Mã lĩnh vực", "Area id")
        case .csvGroup: ("Nhóm trong kế hoạch", "Group in the plan")
        case .csvThemeIDs: ("Mã chủ đề", "Theme ids")
        case .csvLeadText: ("Chủ trì (nguyên văn)", "Lead (as written)")
        case .csvGenericLead: ("Có ghi chủ trì chung chung", "Generic lead named")
        case .csvCoordinators: ("Cơ quan phối hợp", "Coordinating offices")
        case .csvSchedule: ("Loại thời gian", "Timeline kind")
        case .csvStart: ("Từ ngày", "Start")
        case .csvEnd: ("Đến ngày", "End")
        case .csvDeadline: ("Hạn chót", "Deadline")
        case .csvFlags: ("Phụ thuộc", "Depends on")
        case .csvDueQuarter: ("Quý đến hạn", "Quarter due")
        case .csvPastDue: ("Đã qua hạn", "Past due")
        case .csvMetricID: ("Mã chỉ tiêu", "Metric id")
        case .csvComparator: ("So sánh", "Comparator")
        case .csvUnit: ("Đơn vị", "Unit")
        case .csvBenchmark: ("Mục tiêu quốc gia", "National benchmark")
        case .csvBenchmarkPeriod: ("Giai đoạn của mục tiêu quốc gia", "Benchmark years")
        case .csvBenchmarkSource: ("Văn bản", "Source document")
        case .csvStatus: ("Đánh giá", "Status")
        case .csvTotalTasks: ("Tổng số nhiệm vụ", "Tasks")
        case .csvAreaPrefix: ("Lĩnh vực: {0}", "Area: {0}")
        case .csvThemePrefix: ("Chủ đề: {0}", "Theme: {0}")
        case .csvSupervisor: ("Lãnh đạo phụ trách", "Leader in charge")
        case .csvNotes: ("Ghi chú", "Notes")
        }
    }
}

/// Phrases and formats in one language.
struct Localizer {
    let language: Language

    func callAsFunction(_ phrase: Phrase, _ arguments: CustomStringConvertible...) -> String {
        Self.fill(language == .vi ? phrase.text.vi : phrase.text.en, arguments.map(\.description))
    }

    /// Fills `{0}`, `{1}` … in order; an English `one|many` picks by whether `{0}` is 1. On the
    /// template's UTF-8 (`{`, `}`, `|` and digits are ASCII): a report fills it for every row.
    static func fill(_ text: String, _ args: [String]) -> String {
        var template = text
        return template.withUTF8 { t -> String in
            var from = 0
            var to = t.count
            if let bar = t.firstIndex(of: 0x7C) {  // |
                if args.first == "1" { to = bar } else { from = bar + 1 }
            }
            guard t[from..<to].contains(0x7B) else {  // no {
                return from == 0 && to == t.count ? text : String(decoding: t[from..<to], as: UTF8.self)
            }
            var out: [UInt8] = []
            out.reserveCapacity(to - from + args.reduce(0) { $0 + $1.utf8.count })
            var start = from
            var i = from
            while i < to {
                guard t[i] == 0x7B else {
                    i += 1
                    continue
                }
                // `{n}` with n an argument's position; anything else stays as written.
                var j = i + 1
                var n = 0
                while j < to, (0x30...0x39).contains(t[j]), n < 1_000 {
                    n = n * 10 + Int(t[j] - 0x30)
                    j += 1
                }
                if j > i + 1, j < to, t[j] == 0x7D, args.indices.contains(n) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: t[start..<i]))
                    out.append(contentsOf: args[n].utf8)
                    i = j + 1
                    start = i
                } else {
                    i += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: t[start..<to]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The Vietnamese or the English of a pair from a data file.
    func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    /// 31/01/2026, or 2026-01-31 in English.
    func date(_ d: CalendarDate) -> String {
        language == .vi ? String(format2(d.day)) + "/" + format2(d.month) + "/" + String(d.year) : d.description
    }

    private func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    func years(_ range: YearRange) -> String {
        range.from == range.to ? "\(range.from)" : "\(range.from)–\(range.to)"
    }

    /// A benchmark's years, with the year a figure is due by when it binds only that one
    /// ("2026–2030 (đến năm 2030)").
    func years(_ b: Benchmarks.Benchmark) -> String {
        guard b.binds == .byEnd, b.period.from != b.period.to else { return years(b.period) }
        return years(b.period) + (language == .vi ? " (đến năm \(b.period.to))" : " (by \(b.period.to))")
    }

    /// "Quý I/2026" or "Q1 2026".
    func quarter(_ q: Quarter) -> String {
        let roman = ["I", "II", "III", "IV"][q.quarter - 1]
        return language == .vi ? "Quý \(roman)/\(q.year)" : "Q\(q.quarter) \(q.year)"
    }

    /// 98, 98,5 (Vietnamese decimal comma) or 98.5.
    func number(_ v: Double) -> String {
        if v == v.rounded() { return String(Int(v)) }
        let text = String((v * 100).rounded() / 100)
        return language == .vi ? text.replacingCharacter(".", with: ",") : text
    }

    /// "≥ 95%", "cấp độ 3", "> 98%".
    func measure(_ comparator: Target.Comparator?, _ value: Double, _ unit: Target.Unit?) -> String {
        let sign: String
        switch comparator {
        case .atLeast: sign = "≥ "
        case .greater: sign = "> "
        case .atMost: sign = "≤ "
        case .less: sign = "< "
        case .equal, nil: sign = ""
        }
        switch unit {
        case .percent: return sign + number(value) + "%"
        case .level: return sign + (language == .vi ? "cấp độ " : "level ") + number(value)
        case .count, nil: return sign + number(value)
        }
    }

    /// A national target: "≥ 95%".
    func measure(_ benchmark: Benchmarks.Benchmark) -> String {
        measure(benchmark.comparator, benchmark.value, benchmark.unit)
    }

    /// "A, B và C" / "A, B and C".
    func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + listAnd + items.last!
    }

    /// What stands before a list's last item (`list`).
    var listAnd: String { language == .vi ? " và " : " and " }

    func documentType(_ kind: DocumentInfo.Kind) -> String {
        switch kind {
        case .plan: return pick("Kế hoạch", "Plan (Kế hoạch)")
        case .decision: return pick("Quyết định", "Decision (Quyết định)")
        case .programme: return pick("Chương trình", "Programme (Chương trình)")
        }
    }

    func flag(_ flag: Timeline.Flag) -> String {
        switch flag {
        case .perGuidance: return pick("chờ hướng dẫn", "waits for guidance")
        case .perPlan: return pick("theo kế hoạch khác", "follows another plan")
        case .perDirection: return pick("chờ chỉ đạo", "waits for direction")
        case .perRequest: return pick("khi có yêu cầu", "when asked")
        }
    }

    func schedule(_ schedule: TaskFacts.Schedule) -> String {
        switch schedule {
        case .dated: return pick("có mốc thời gian", "dated")
        case .recurring: return pick("thường xuyên, định kỳ", "recurring")
        case .relative: return pick("tính từ một sự kiện", "counted from an event")
        case .vague: return pick("chung chung", "vague")
        case .missing: return pick("không ghi", "none")
        case .wholePeriod: return pick("chỉ ghi cả giai đoạn", "whole period only")
        }
    }

    func status(_ status: TargetComparison.Status) -> String {
        switch status {
        case .met: return self(.statusMet)
        case .below: return self(.statusBelow)
        case .missing: return self(.statusMissing)
        case .outsidePeriod: return self(.statusOutside)
        case .unclear: return self(.statusUnclear)
        }
    }

    func yesNo(_ value: Bool) -> String { self(value ? .yes : .no) }

    func level(_ level: GapItem.Level) -> String {
        switch level {
        case .absent: return pick("chưa có", "absent")
        case .stated: return pick("có nêu, chưa có nhiệm vụ", "stated, no task")
        case .below: return pick("thấp hơn mục tiêu quốc gia", "below the national target")
        case .update: return pick("cập nhật khi điều chỉnh", "update when amended")
        case .review: return pick("cần xem lại", "to review")
        }
    }

    func basis(_ basis: GapItem.Basis) -> String {
        switch basis {
        case .national: return pick("khung quốc gia", "national framework")
        case .peers: return pick("đa số phường cùng nhóm (tham khảo)", "most wards of the group (reference)")
        }
    }

    /// "điểm c mục 3 phần II (dòng 132)".
    func place(_ place: GapPlace) -> String { places([place]) }

    /// Places with the lines of one section together: "mục 2.2 phần V (dòng 272, 276), mục 3 phần V (dòng 316)".
    func places(_ places: [GapPlace]) -> String {
        var groups: [(section: String?, lines: [Int])] = []
        for place in places {
            if let i = groups.firstIndex(where: { $0.section == place.section }) {
                groups[i].lines.append(place.line)
            } else {
                groups.append((place.section, [place.line]))
            }
        }
        return list(
            groups.map { group in
                let lines = self(
                    group.lines.count == 1 ? .lineOne : .lineMany, group.lines.map(String.init).joined(separator: ", "))
                return group.section.map { "\($0) (\(lines))" } ?? lines
            })
    }
}

extension String {
    fileprivate func replacingCharacter(_ old: Character, with new: Character) -> String {
        String(map { $0 == old ? new : $0 })
    }
}
