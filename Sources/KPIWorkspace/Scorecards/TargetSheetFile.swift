import Foundation
import KPIConnectors
import KPISchema
import KPIScoring

/// Reads the targets sheet `kpibridge.yaml` names under `targets:`, CSV or XLSX, one target a row:
///
/// | 工号 / Employee ID | 店铺 / Shop | 团队 / Team | 指标 / Metric | 期间 / Period | 生效日期 / From | 目标值 / Target |
///
/// Each row names exactly one of employee, shop or team, and exactly one of period (`2026-10`,
/// `2026-Q4`) or from-date. `姓名 / Name` beside an id is checked against the roster; `备注 / Note`
/// is for people. Any other column is refused, never ignored. A header the sheet lacks or a column
/// named twice fails at once; a row's mistakes are collected, each naming its line and column, and
/// `validate` prints them while `run` refuses to score with them.
package enum TargetSheetFile {
    enum Column: String, CaseIterable {
        case employee, name, shop, team, metric, period, from, target, note

        /// The header names read as this column, compared after ``HeaderName`` folding.
        var headers: [String] {
            switch self {
            case .employee: ["工号", "Employee ID", "employee_id"]
            case .name: ["姓名", "Name"]
            case .shop: ["店铺", "Shop"]
            case .team: ["团队", "Team"]
            case .metric: ["指标", "Metric", "line"]
            case .period: ["期间", "Period"]
            case .from: ["生效日期", "From"]
            case .target: ["目标值", "Target", "目标"]
            case .note: ["备注", "Note"]
            }
        }

        /// The two names a message uses: `工号 / Employee ID`.
        var label: String { "\(headers[0]) / \(headers[1])" }
    }

    /// The header row of a new sheet, both languages' names side by side in one line.
    package static let templateHeader = "工号 Employee ID,姓名 Name,店铺 Shop,团队 Team,指标 Metric,期间 Period,生效日期 From,目标值 Target,备注 Note"

    package static func load(path: String, display: String, policy: ScoringPolicy) throws(PipelineError) -> (sheet: TargetSheet, problems: [String]) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .failed("\(display): no such file; create it (columns: \(Column.allCases.map(\.label).joined(separator: ", "))) or correct `targets:` in kpibridge.yaml")
        }
        var rows: [TargetSheet.Row] = []
        var problems: [String] = []
        do {
            var source = try SheetFile.rows(path: path, display: display)
            guard let header = try source.next() else { throw PipelineError.failed("\(display): the sheet is empty; its first row names the columns") }
            let columns = try Self.columns(header, display: display)
            while let record = try source.next() {
                if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
                switch Self.row(record, columns: columns, display: display, policy: policy) {
                case .success(let row): rows.append(row)
                case .failure(let problem): problems.append(problem.message)
                }
            }
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .failed("\(error)")
        }
        problems += Self.duplicates(rows)
        return (TargetSheet(rows), problems)
    }

    /// Column index per column; throws for a column no one reads, one named twice, or one missing.
    private static func columns(_ header: SourceRow, display: String) throws(PipelineError) -> [Column: Int] {
        var found: [Column: Int] = [:]
        let known = Dictionary(Column.allCases.flatMap { column in
            column.headers.flatMap { name in
                // `工号 Employee ID` (the template's two-language header) reads as well as either name alone.
                [HeaderName(name).normalized] + (name == column.headers[0] ? [HeaderName("\(name) \(column.headers[1])").normalized] : [])
            }.map { ($0, column) }
        }, uniquingKeysWith: { first, _ in first })
        for (index, cell) in header.fields.enumerated() {
            let name = HeaderName(cell).normalized
            if name.isEmpty { continue }
            guard let column = known[name] else {
                throw .failed("\(display):\(header.line):\(index + 1): column `\(cell)` is not a targets column; the columns are "
                              + Column.allCases.map(\.label).joined(separator: ", "))
            }
            if let earlier = found[column] {
                throw .failed("\(display):\(header.line):\(index + 1): column \(column.label) is named twice (also column \(earlier + 1))")
            }
            found[column] = index
        }
        let missing = [Column.metric, .target].filter { found[$0] == nil }
            + (found[.period] == nil && found[.from] == nil ? [.period] : [])
            + (found[.employee] == nil && found[.shop] == nil && found[.team] == nil ? [.employee] : [])
        if let first = missing.first {
            throw .failed("\(display):\(header.line): the header has no \(first.label) column; the columns are "
                          + Column.allCases.map(\.label).joined(separator: ", "))
        }
        return found
    }

    struct Problem: Error { var message: String }

    /// One row, or the first thing wrong with it, naming line and column.
    private static func row(_ record: SourceRow, columns: [Column: Int], display: String,
                            policy: ScoringPolicy) -> Result<TargetSheet.Row, Problem> {
        func cell(_ column: Column) -> String {
            columns[column].map { record[cell: $0].trimmingCharacters(in: .whitespaces) } ?? ""
        }
        func at(_ column: Column) -> String { "\(display):\(record.line):\((columns[column] ?? 0) + 1)" }
        let subjects: [(Column, TargetSheet.Subject)] = [
            (.employee, .employee(cell(.employee))), (.shop, .shop(cell(.shop))), (.team, .team(cell(.team))),
        ].filter { !cell($0.0).isEmpty }
        guard subjects.count == 1 else {
            return .failure(Problem(message: "\(display):\(record.line): give exactly one of \(Column.employee.label), \(Column.shop.label) "
                                    + "or \(Column.team.label) (found \(subjects.isEmpty ? "none" : subjects.map(\.0.label).joined(separator: " and ")))"))
        }
        let line = cell(.metric)
        let lines = policy.scorecards.values.flatMap(\.lines).filter { $0.name == line }
        guard !lines.isEmpty else {
            let all = Set(policy.scorecards.values.flatMap(\.lines).map(\.name))
            return .failure(Problem(message: "\(at(.metric)): `\(line)` is no scorecard's line" + KeyRule.hint(line, among: Array(all))))
        }
        if lines.allSatisfy({ if case .bands = $0.curve { true } else { false } }) {
            return .failure(Problem(message: "\(at(.metric)): `\(line)` is scored on bands, which read no target; set its bands in scorecards.yaml"))
        }
        let periodText = cell(.period), fromText = cell(.from)
        let span: TargetSheet.Span
        switch (periodText.isEmpty, fromText.isEmpty) {
        case (false, true):
            guard let period = Self.period(periodText) else {
                return .failure(Problem(message: "\(at(.period)): `\(periodText)` is not a month like 2026-10 or a quarter like 2026-Q4"))
            }
            guard policy.grains.contains(period.grain) else {
                return .failure(Problem(message: "\(at(.period)): \(period.label) is a \(period.grain.rawValue), but scorecards are scored by "
                                        + policy.grains.map(\.rawValue).joined(separator: " and ") + "; this target would never be used"))
            }
            span = .period(period)
        case (true, false):
            guard let day = Self.day(fromText) else {
                return .failure(Problem(message: "\(at(.from)): `\(fromText)` is not a date like 2026-10-16"))
            }
            span = .from(day)
        default:
            return .failure(Problem(message: "\(display):\(record.line): give exactly one of \(Column.period.label) or \(Column.from.label)"))
        }
        let valueText = cell(.target)
        let value: Decimal
        do {
            guard let parsed = try DecimalCell().parse(valueText) else {
                return .failure(Problem(message: "\(at(.target)): the target is empty"))
            }
            value = parsed
        } catch {
            return .failure(Problem(message: "\(at(.target)): \(error.problem)"))
        }
        guard value > 0 else {
            return .failure(Problem(message: "\(at(.target)): a target must be above 0 (achievement divides by it)"))
        }
        return .success(TargetSheet.Row(subject: subjects[0].1, line: line, span: span, value: value,
                                        name: cell(.name).isEmpty ? nil : cell(.name), origin: "\(display):\(record.line)"))
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
        if let day = CivilDate(iso: text) { return day }
        let parts = text.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return CivilDate(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Two rows setting one person's (shop's, team's) line for the same span: which one holds is no one's call.
    private static func duplicates(_ rows: [TargetSheet.Row]) -> [String] {
        var seen: [String: String] = [:]
        var problems: [String] = []
        for row in rows {
            let key = "\(row.subject)|\(row.line)|\(row.span)"
            if let earlier = seen[key] {
                problems.append("\(row.origin): sets \(row.subject)'s `\(row.line)` for the same \(row.span.label) as \(earlier); keep one")
            } else {
                seen[key] = row.origin
            }
        }
        return problems
    }
}

extension TargetSheet.Span {
    var label: String {
        switch self {
        case .period(let period): "period \(period.label)"
        case .from(let day): "day (from \(day))"
        }
    }
}
