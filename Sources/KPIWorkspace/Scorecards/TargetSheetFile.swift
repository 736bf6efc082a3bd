import Foundation
import KPIConnectors
import KPIFacts
import KPISchema
import KPIScoring

/// Reads the targets sheet `kpibridge.yaml` names under `targets:`, CSV or XLSX, one target a row:
///
/// | 工号 / Employee ID | 店铺 / Shop | 团队 / Team | 指标 / Metric | 期间 / Period | 生效日期 / From | 目标值 / Target |
///
/// Each row names exactly one of employee, shop or team, and exactly one of period (`2026-10`,
/// `2026-Q4`) or from-date. `姓名 / Name` beside an id is checked against the roster; `口径 / Profile`
/// says which profile's line a row sets when a line is scored under several; `备注 / Note` is for
/// people. Any other column is refused, never ignored, and so is a value under a column with no header. A header the sheet lacks or a column
/// named twice fails at once; a row's mistakes are collected, each naming its line and column, and
/// `validate` prints them while `run` refuses to score with them.
package enum TargetSheetFile {
    enum Column: String, CaseIterable {
        case employee, name, shop, team, metric, profile, period, from, target, note

        /// The header names read as this column, compared after ``HeaderName`` folding.
        var headers: [String] {
            switch self {
            case .employee: ["工号", "Employee ID", "employee_id"]
            case .name: ["姓名", "Name"]
            case .shop: ["店铺", "Shop"]
            case .team: ["团队", "Team"]
            case .metric: ["指标", "Metric", "line"]
            case .profile: ["口径", "Profile"]
            case .period: ["期间", "Period"]
            case .from: ["生效日期", "From"]
            case .target: ["目标值", "Target", "目标"]
            case .note: ["备注", "Note"]
            }
        }

        /// The two names a message uses: `工号 / Employee ID`.
        var label: String { "\(headers[0]) / \(headers[1])" }

        /// Every column's label, as the messages that list them write it.
        static let labels = Bilingual(allCases.map(\.label).joined(separator: ", "), allCases.map(\.label).joined(separator: "、"))
    }

    /// The header row of a new sheet, both languages' names side by side in one line.
    package static let templateHeader = "工号 Employee ID,姓名 Name,店铺 Shop,团队 Team,指标 Metric,口径 Profile,期间 Period,生效日期 From,目标值 Target,备注 Note"

    /// The sheet's rows, and the rows' mistakes in both languages (`validate` prints the reader's).
    package static func load(path: String, display: String, policy: ScoringPolicy) throws(PipelineError) -> (sheet: TargetSheet, problems: [Bilingual]) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .failed(Bilingual("\(display): no such file; create it (columns: \(Column.labels.en)) or correct `targets:` in kpibridge.yaml",
                                    "\(display)：没有这个文件；请创建它（列：\(Column.labels.zh)），或改正 kpibridge.yaml 中的 `targets:`"))
        }
        var rows: [TargetSheet.Row] = []
        var problems: [Bilingual] = []
        do {
            var source = try SheetFile.rows(path: path, display: display)
            guard let header = try source.next() else {
                throw PipelineError.failed(Bilingual("\(display): the sheet is empty; its first row names the columns",
                                                     "\(display)：表格是空的；第一行应写列名"))
            }
            let layout = try Self.columns(header, display: display)
            while let record = try source.next() {
                if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
                switch Self.row(record, layout: layout, display: display, policy: policy) {
                case .success(let row): rows.append(row)
                case .failure(let problem): problems.append(problem.sentence)
                }
            }
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .failed(Bilingual(describing: error))
        }
        problems += Self.duplicates(rows)
        return (TargetSheet(rows), problems)
    }

    /// Where each column is, and the unnamed ones (which must stay empty).
    struct Layout {
        var columns: [Column: Int]
        var unnamed: [Int]
        /// How many cells the header has: a value past them has no column.
        var width: Int
    }

    /// Column index per column; throws for a column no one reads, one named twice, or one missing.
    private static func columns(_ header: SourceRow, display: String) throws(PipelineError) -> Layout {
        var found: [Column: Int] = [:]
        var unnamed: [Int] = []
        let known = Dictionary(Column.allCases.flatMap { column in
            column.headers.flatMap { name in
                // `工号 Employee ID` (the template's two-language header) reads as well as either name alone.
                [HeaderName(name).normalized] + (name == column.headers[0] ? [HeaderName("\(name) \(column.headers[1])").normalized] : [])
            }.map { ($0, column) }
        }, uniquingKeysWith: { first, _ in first })
        for (index, cell) in header.fields.enumerated() {
            let name = HeaderName(cell).normalized
            if name.isEmpty { unnamed.append(index); continue }
            guard let column = known[name] else {
                throw .failed(Bilingual("\(display):\(header.line):\(index + 1): column `\(cell)` is not a targets column; the columns are "
                                            + Column.labels.en,
                                        "\(display):\(header.line):\(index + 1)：列 `\(cell)` 不是目标表的列；可用的列有：" + Column.labels.zh))
            }
            if let earlier = found[column] {
                throw .failed(Bilingual("\(display):\(header.line):\(index + 1): column \(column.label) is named twice (also column \(earlier + 1))",
                                        "\(display):\(header.line):\(index + 1)：列 \(column.label) 出现了两次（另一次在第 \(earlier + 1) 列）"))
            }
            found[column] = index
        }
        let missing = [Column.metric, .target].filter { found[$0] == nil }
            + (found[.period] == nil && found[.from] == nil ? [.period] : [])
            + (found[.employee] == nil && found[.shop] == nil && found[.team] == nil ? [.employee] : [])
        if let first = missing.first {
            throw .failed(Bilingual("\(display):\(header.line): the header has no \(first.label) column; the columns are " + Column.labels.en,
                                    "\(display):\(header.line)：表头缺少 \(first.label) 列；可用的列有：" + Column.labels.zh))
        }
        return Layout(columns: found, unnamed: unnamed, width: header.fields.count)
    }

    struct Problem: Error { var sentence: Bilingual }

    /// One row, or the first thing wrong with it, naming line and column.
    private static func row(_ record: SourceRow, layout: Layout, display: String,
                            policy: ScoringPolicy) -> Result<TargetSheet.Row, Problem> {
        let columns = layout.columns
        func cell(_ column: Column) -> String {
            columns[column].map { record[cell: $0].trimmingCharacters(in: .whitespaces) } ?? ""
        }
        func at(_ column: Column) -> String { "\(display):\(record.line):\((columns[column] ?? 0) + 1)" }
        // `place: message`, the place (file, line, column) the same in both languages.
        func fail(_ place: String, _ en: String, _ zh: String) -> Result<TargetSheet.Row, Problem> {
            .failure(Problem(sentence: Bilingual("\(place): \(en)", "\(place)：\(zh)")))
        }
        if let problem = record.problem { return fail("\(display):\(record.line)", problem.en, problem.zh) }
        if let column = Column.allCases.first(where: { columns[$0].map(record.uncalculated.contains) == true }) {
            return fail(at(column), "a formula whose result the file does not carry; open and save the workbook in Excel or LibreOffice so it is calculated",
                        "公式的计算结果没有保存在文件里；请用 Excel 或 LibreOffice 打开并保存工作簿，让它算出结果")
        }
        let loose = layout.unnamed + Array(layout.width..<max(layout.width, record.fields.count))
        if let index = loose.first(where: { !record[cell: $0].trimmingCharacters(in: .whitespaces).isEmpty }) {
            return fail("\(display):\(record.line):\(index + 1)", "`\(record[cell: index])` is under a column without a header; name the column or clear it",
                        "`\(record[cell: index])` 所在的列没有表头；请给这一列命名，或清空它")
        }
        let subjects: [(Column, TargetSheet.Subject)] = [
            (.employee, .employee(cell(.employee))), (.shop, .shop(cell(.shop))), (.team, .team(cell(.team))),
        ].filter { !cell($0.0).isEmpty }
        guard subjects.count == 1 else {
            return fail(at(subjects.first?.0 ?? .employee),
                        "give exactly one of \(Column.employee.label), \(Column.shop.label) "
                            + "or \(Column.team.label) (found \(subjects.isEmpty ? "none" : subjects.map(\.0.label).joined(separator: " and ")))",
                        "\(Column.employee.label)、\(Column.shop.label)、\(Column.team.label) 须恰好填写一个"
                            + "（\(subjects.isEmpty ? "一个都没填" : "填了 " + subjects.map(\.0.label).joined(separator: " 和 "))）")
        }
        if !cell(.name).isEmpty, subjects[0].0 != .employee {
            let shop = subjects[0].0 == .shop
            return fail(at(.name),
                        "a name belongs beside an employee id; a \(shop ? "shop" : "team") row sets the target of everyone who "
                            + (shop ? "runs the shop" : "is on the team") + " (write the person's id to set theirs)",
                        "姓名应写在工号旁边；\(shop ? "店铺" : "团队")行设定的是"
                            + (shop ? "经营该店铺的" : "该团队的") + "所有人的目标（要设定某个人的目标，请写他的工号）")
        }
        let line = cell(.metric), profile = cell(.profile).isEmpty ? nil : cell(.profile)
        let named = policy.scorecards.values.flatMap(\.lines).filter { $0.name == line }
        guard !named.isEmpty else {
            let all = Set(policy.scorecards.values.flatMap(\.lines).map(\.name))
            let hint = KeyRule.hinted(line, among: Array(all))
            return fail(at(.metric), "`\(line)` is no scorecard's line" + hint.en, "`\(line)` 不是任何考核表的考核项" + hint.zh)
        }
        let profiles = Set(named.compactMap(\.profile))
        if let profile, !profiles.contains(profile) {
            return fail(at(.profile),
                        "no scorecard scores `\(line)` under `\(profile)`"
                            + (profiles.isEmpty ? "" : " (it is scored under \(profiles.sorted().joined(separator: ", ")))"),
                        "没有考核表按 `\(profile)` 口径给 `\(line)` 评分"
                            + (profiles.isEmpty ? "" : "（它按 \(profiles.sorted().joined(separator: "、")) 口径评分）"))
        }
        if profile == nil, profiles.count > 1 {
            return fail(at(.metric),
                        "`\(line)` is scored under \(profiles.sorted().joined(separator: " and ")), in different units or "
                            + "currencies; say which in \(Column.profile.label)",
                        "`\(line)` 按 \(profiles.sorted().joined(separator: " 和 ")) 口径评分，单位或币种各不相同；"
                            + "请在 \(Column.profile.label) 列写明是哪个")
        }
        let lines = named.filter { profile == nil || $0.profile == profile }
        if lines.allSatisfy(\.curve.isBands) {
            return fail(at(.metric), "`\(line)` is scored on bands, which read no target; set its bands in scorecards.yaml",
                        "`\(line)` 按分段曲线（`bands`）评分，不读取目标值；请在 scorecards.yaml 中设置它的分段")
        }
        let span: TargetSheet.Span
        switch Self.span(period: cell(.period), from: cell(.from), policy: policy) {
        case .success(let parsed): span = parsed
        case .failure(let problem): return fail(at(problem.column), problem.sentence.en, problem.sentence.zh)
        }
        let value: Decimal
        switch Self.value(cell(.target), line: line) {
        case .success(let parsed): value = parsed
        case .failure(let problem): return fail(at(.target), problem.sentence.en, problem.sentence.zh)
        }
        return .success(TargetSheet.Row(subject: subjects[0].1, line: line, span: span, value: value,
                                        name: cell(.name).isEmpty ? nil : cell(.name), profile: profile, origin: "\(display):\(record.line)"))
    }

    /// A cell's mistake and the column it is in.
    package struct CellProblem: Error {
        var column: Column
        /// The mistake in both languages, without the place (the row adds it).
        package var sentence: Bilingual
        /// The English sentence.
        package var message: String { sentence.en }

        init(column: Column, _ en: String, _ zh: String) {
            self.column = column
            self.sentence = Bilingual(en, zh)
        }
    }

    /// The row's period or from-date: exactly one, in a form kpibridge reads, of a grain the cards score.
    private static func span(period periodText: String, from fromText: String, policy: ScoringPolicy) -> Result<TargetSheet.Span, CellProblem> {
        switch (periodText.isEmpty, fromText.isEmpty) {
        case (false, true):
            guard let period = Self.period(periodText) else {
                return .failure(.init(column: .period, "`\(periodText)` is not a month like 2026-10 or a quarter like 2026-Q4",
                                      "`\(periodText)` 不是 2026-10 这样的月份，也不是 2026-Q4 这样的季度"))
            }
            guard policy.grains.contains(period.grain) else {
                return .failure(.init(column: .period, "\(period.label) is a \(period.grain.rawValue), but scorecards are scored by "
                                          + policy.grains.map(\.rawValue).joined(separator: " and ") + "; this target would never be used",
                                      "\(period.label) 是一个\(DisplayNames.grain(period.grain.rawValue, .zh))，但考核表按"
                                          + policy.grains.map { DisplayNames.grain($0.rawValue, .zh) }.joined(separator: "和")
                                          + "评分；这个目标永远不会被用到"))
            }
            return .success(.period(period))
        case (true, false):
            guard let day = Self.day(fromText) else {
                return .failure(.init(column: .from, "`\(fromText)` is not a date like 2026-10-16", "`\(fromText)` 不是 2026-10-16 这样的日期"))
            }
            return .success(.from(day))
        default:
            return .failure(.init(column: periodText.isEmpty ? .period : .from,
                                  "give exactly one of \(Column.period.label) or \(Column.from.label)",
                                  "\(Column.period.label) 与 \(Column.from.label) 须恰好填写一个"))
        }
    }

    /// The target: a plain number above 0 in the line's own unit. A currency mark (which currency the
    /// line is in is its profile's), a `%` on a line that is not a rate, or a rate (growth included)
    /// above 1 written without `%` (25 meaning 25 %) would each score against a number no one meant.
    package static func value(_ text: String, line: String) -> Result<Decimal, CellProblem> {
        func fail(_ en: String, _ zh: String) -> Result<Decimal, CellProblem> { .failure(.init(column: .target, en, zh)) }
        guard !text.isEmpty else { return fail("the target is empty", "目标值是空的") }
        let percent = text.hasSuffix("%")
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || ",.%- ".contains($0)) }) else {
            return fail("`\(text)` is not a plain number; write it without a currency or unit (the line's currency is its profile's)",
                        "`\(text)` 不是纯数字；请不带币种或单位书写（考核项的币种由它的口径决定）")
        }
        let value: Decimal
        do {
            guard let parsed = try DecimalCell().parse(text) else { return fail("the target is empty", "目标值是空的") }
            value = parsed
        } catch {
            return fail(error.problem.en, error.problem.zh)
        }
        guard value > 0 else { return fail("a target must be above 0 (achievement divides by it)", "目标值应大于 0（达成率要除以它）") }
        let metric = MetricID(rawValue: line)
        if percent, metric.map({ $0.unit != "ratio" }) ?? true {
            return fail("`\(text)` is a percentage, but `\(line)` is not a rate", "`\(text)` 是百分数，但 `\(line)` 不是比率")
        }
        // Growth too: 25 on gmv_growth means 25 %, not 2500 %; growth above 100 % is written `150%`.
        if !percent, value > 1, let metric, metric.unit == "ratio" {
            return fail("`\(text)` for the rate `\(line)` would be \(text)00 %; write \(text)% or \((value / 100).plainString)",
                        "比率 `\(line)` 填 `\(text)` 会被当作 \(text)00 %；请写 \(text)% 或 \((value / 100).plainString)")
        }
        return .success(value)
    }

    /// `2026-10`, `2026-Q4`, or a first-of-month date: Excel turns a typed `2026-10` into 1 October.
    static func period(_ text: String) -> Period? {
        if text.count == 7 || text.uppercased().contains("Q") { return Period(naming: text, grain: nil) }
        guard let day = Self.day(text), day.day == 1 else { return nil }
        return Grain.month.period(containing: day)
    }

    /// `2026-10-16`, `2026/10/16`, or a date cell's `2026-10-16 00:00:00`.
    static func day(_ text: String) -> CivilDate? {
        var text = text
        if text.hasSuffix(" 00:00:00") { text.removeLast(9) }
        // Four-digit years only, within reach of a business: `16/10/26` is a day-first date, not year 16.
        let parts = text.split(separator: text.contains("/") ? "/" : "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), (2000...2100).contains(year) else { return nil }
        if let day = CivilDate(iso: text) { return day }
        guard let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// Two rows setting one person's (shop's, team's) line for the same span: which one holds is no one's call.
    private static func duplicates(_ rows: [TargetSheet.Row]) -> [Bilingual] {
        var seen: [String: String] = [:]
        var problems: [Bilingual] = []
        for row in rows {
            let key = "\(row.subject)|\(row.line)|\(row.span)"
            if let earlier = seen[key] {
                let span = switch row.span {
                case .period(let period): "周期 \(period.label)"
                case .from(let day): "生效日（自 \(day) 起）"
                }
                problems.append(Bilingual("\(row.origin): sets \(row.subject)'s `\(row.line)` for the same \(row.span.label) as \(earlier); keep one",
                                          "\(row.origin)：对同一\(span)，\(row.subject.zh) 的 `\(row.line)` 设了两次（另见 \(earlier)）；请只保留一行"))
            } else {
                seen[key] = row.origin
            }
        }
        return problems
    }
}
