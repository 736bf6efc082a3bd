import Foundation
import KPIConnectors
import KPIFacts
import KPISchema
import KPIScoring
import Yams

/// `scorecards.yaml`: role templates, targets, grades, veto kinds, segments, pacing and provider tiers.
///
/// A malformed file (a typo in a key, a word where a number belongs) fails at once naming the
/// dotted key; mistakes of content (weights not summing to 100, an unknown metric, two target
/// versions from the same day) are all collected in `problems`, which `validate` prints and `run`
/// refuses to score with. Problems and warnings are kept in both languages: `validate --lang zh` prints
/// the Chinese, logs and stored rows the English.
package struct ScorecardsFile: Sendable {
    package var policy: ScoringPolicy
    package var problems: [Bilingual]
    /// Advice that does not stop scoring: `validate` prints it and still passes.
    package var warnings: [Bilingual] = []

    /// More KPI lines than this on one card spreads attention thin (the rule of thumb of the seeds: three
    /// to five key indicators per role).
    package static let advisedLines = 5

    package static let topKeys = ["timezone", "grains", "target_rule", "missing_data", "cap", "grades", "bonus", "veto", "veto_severity", "segments",
                          "new_hire_days", "pacing", "roles", "scorecards", "providers"]
    package static let lineKeys = ["metric", "rating", "raters", "profile", "scope", "weight", "direction", "target", "targets", "curve",
                           "cap", "bands"]

    package static func load(path: String, display: String, profiles: [String]) throws(PipelineError) -> ScorecardsFile {
        var problems: [Bilingual] = []
        let top = try StrictMapping.root(path: path, display: display, what: Bilingual("scorecards", "考核表"))
        try top.check(allowed: topKeys)
        func problem(_ m: StrictMapping, _ key: String, _ message: Bilingual) {
            problems.append(Bilingual("\(display): `\(m.here(key))` \(message.en)", "\(display)：`\(m.here(key))` \(message.zh)"))
        }

        let zoneName = try top.string("timezone") ?? "Asia/Shanghai"
        guard let zone = Zone(zoneName) else { throw top.error("timezone", Bilingual("`\(zoneName)` is not an IANA time zone", "`\(zoneName)` 不是 IANA 时区")) }
        let grains = try top.choices("grains", Grain.self) ?? [.month]
        let rule = try top.choice("target_rule", TargetRule.self) ?? .latest
        let missing = try top.choice("missing_data", ScoringPolicy.MissingData.self) ?? .reweight
        let cap = try top.decimal("cap") ?? ScoringPolicy.defaultCap
        var grades = GradeBands.standard
        if let section = try top.mapping("grades") {
            var bands: [(String, Decimal)] = []
            var fallback = "D"
            for key in section.keys {
                if key == "below" { fallback = try section.string(key) ?? "D"; continue }
                let minimum = try section.decimal(key)!
                // Written best first: a minimum not below the one above it would hand the better grade to the
                // lower score (sorting by minimum would swap the names without a word).
                if let above = bands.last, minimum >= above.1 {
                    throw section.error(key, Bilingual(
                        "(\(minimum.plainString)) needs a lower minimum than `\(above.0)` (\(above.1.plainString)) above it: list grades best first",
                        "（\(minimum.plainString)）的下限应低于上面的 `\(above.0)`（\(above.1.plainString)）：等级请从高到低排列"))
                }
                bands.append((key, minimum))
            }
            grades = GradeBands(bands, fallback: fallback)
        }
        let bonus = try Self.bonus(top, grades: grades, problem: problem) ?? [:]
        let veto = Set(try top.strings("veto") ?? ["fake_orders", "false_advertising", "account_suspended"])
        let newHireDays = try top.int("new_hire_days") ?? 90
        var segments: [Segment] = []
        for name in try top.strings("segments") ?? [] {
            switch name {
            case "new_hire": segments.append(.newHire(days: newHireDays))
            case "night": segments.append(.night)
            default: throw top.error("segments", Bilingual("`\(name)` is not a segment (new_hire, night)", "`\(name)` 不是可用的分组（`new_hire`、`night`）"))
            }
        }
        var onTrack = ScoringPolicy.defaultOnTrack, behind = ScoringPolicy.defaultBehind
        if let pacing = try top.mapping("pacing") {
            try pacing.check(allowed: ["on_track", "behind"])
            onTrack = try pacing.decimal("on_track") ?? onTrack
            behind = try pacing.decimal("behind") ?? behind
            // Both are shortfalls against target: on track below the first, behind up to the second.
            guard onTrack <= behind else {
                throw pacing.error("behind", Bilingual(
                    "(\(behind.plainString)) is a larger shortfall than `on_track` (\(onTrack.plainString)) allows, so it must not be smaller",
                    "（\(behind.plainString)）是比 `on_track`（\(onTrack.plainString)）更大的差距，不能比它小"))
            }
        }

        var scorecards: [String: Scorecard] = [:]
        var warnings: [Bilingual] = []
        guard let cardsSection = try top.mapping("scorecards"), !cardsSection.keys.isEmpty else {
            throw .failed(Bilingual("\(display): no scorecards defined; add `scorecards:` with at least one role template",
                                    "\(display)：没有定义考核表；请添加 `scorecards:`，至少写一个岗位模板"))
        }
        for name in cardsSection.keys.sorted() {
            let card = try cardsSection.mapping(name)!
            try card.check(allowed: ["title", "lines", "bonus"])
            var lines: [ScoreLine] = []
            let lineMaps = try card.mappings("lines") ?? []
            if lineMaps.isEmpty { problem(card, "lines", Bilingual("is empty: a scorecard needs at least one line", "是空的：考核表至少需要一个考核项")) }
            for m in lineMaps {
                if let line = try self.line(m, cap: cap, profiles: profiles, segments: segments, problem: problem) { lines.append(line) }
            }
            // Summed over every line as written, so an unusable line does not also skew this message.
            var sum = Decimal(0)
            for m in lineMaps { sum += (try? m.decimal("weight")) ?? 0 }
            if !lineMaps.isEmpty && sum != 100 {
                problem(card, "lines", Bilingual("weights sum to \(sum.plainString), expected 100", "权重合计为 \(sum.plainString)，应为 100"))
            }
            let kpis = lineMaps.filter { $0.node("metric") != nil }.count
            if kpis > advisedLines {
                warnings.append(Bilingual(
                    "\(display): `\(card.here("lines"))` has \(kpis) KPI lines; more than \(advisedLines) per role "
                        + "dilutes each one's weight: keep the few that decide the job and move the rest to a report",
                    "\(display)：`\(card.here("lines"))` 有 \(kpis) 个 KPI 考核项；每个岗位超过 \(advisedLines) 个会稀释每一项的权重："
                        + "只保留决定这份工作成败的几项，其余移到报表里"))
            }
            scorecards[name] = Scorecard(name: name, title: try card.string("title") ?? name, lines: lines,
                                         bonus: try Self.bonus(card, grades: grades, problem: problem))
        }
        var roles: [String: String] = [:]
        if let section = try top.mapping("roles") {
            for role in section.keys {
                let card = try section.string(role) ?? ""
                if scorecards[card] == nil {
                    let hint = StrictMapping.hint(card, among: Array(scorecards.keys))
                    problem(section, role, Bilingual("names scorecard `\(card)`, which is not defined" + hint.en,
                                                     "指向考核表 `\(card)`，但它没有定义" + hint.zh))
                }
                roles[role] = card
            }
        } else {
            problems.append(Bilingual("\(display): `roles` is missing: say which roster role (岗位) uses which scorecard",
                                      "\(display)：缺少 `roles`：请写明花名册中的哪个岗位使用哪张考核表"))
        }

        var providers: ProviderPolicy?
        if let section = try top.mapping("providers") {
            try section.check(allowed: ["grain", "thresholds", "probation_periods", "warning_after", "downgrade_after",
                                        "terminate_after", "recover_after", "profile"])
            let grain = try section.choice("grain", Grain.self) ?? .month
            let defaultProfile = try section.string("profile")
            var thresholds: [ProviderPolicy.Threshold] = []
            for m in try section.mappings("thresholds") ?? [] {
                try m.check(allowed: ["metric", "profile", "at_least", "at_most"])
                let metricName = try m.string("metric") ?? ""
                guard let metric = MetricID(rawValue: metricName) else {
                    let hint = StrictMapping.hint(metricName, among: MetricID.allCases.map(\.rawValue))
                    problem(m, "metric", Bilingual("`\(metricName)` is not a metric" + hint.en, "`\(metricName)` 不是指标" + hint.zh))
                    continue
                }
                guard let profile = try m.string("profile") ?? defaultProfile, profiles.contains(profile) else {
                    problem(m, "profile", Bilingual("must name a definition profile (\(profiles.joined(separator: ", ")))",
                                                    "应指定一个口径（\(profiles.joined(separator: "、"))）"))
                    continue
                }
                let least = try m.decimal("at_least"), most = try m.decimal("at_most")
                guard (least == nil) != (most == nil) else {
                    problem(m, "at_least", Bilingual("give exactly one of at_least or at_most", "at_least 与 at_most 须恰好给出一个"))
                    continue
                }
                thresholds.append(.init(metric: metric, profile: profile, limit: least ?? most!, atLeast: least != nil))
            }
            if thresholds.isEmpty { problem(section, "thresholds", Bilingual("lists no usable threshold", "没有列出可用的阈值")) }
            let policy = ProviderPolicy(
                grain: grain, thresholds: thresholds, probationPeriods: try section.int("probation_periods") ?? 0,
                warningAfter: try section.int("warning_after") ?? 1, downgradeAfter: try section.int("downgrade_after") ?? 2,
                terminateAfter: try section.int("terminate_after") ?? 3, recoverAfter: try section.int("recover_after") ?? 1)
            if !(policy.warningAfter < policy.downgradeAfter && policy.downgradeAfter < policy.terminateAfter) {
                problem(section, "warning_after", Bilingual("must be below downgrade_after, itself below terminate_after",
                                                            "应小于 downgrade_after，而 downgrade_after 应小于 terminate_after"))
            }
            providers = policy
        }
        var policy = ScoringPolicy(zone: zone, grains: grains, scorecards: scorecards, roles: roles, targetRule: rule,
                                   missingData: missing, grades: grades, vetoKinds: veto, segments: segments,
                                   onTrack: onTrack, behind: behind, providers: providers)
        policy.bonus = bonus
        policy.vetoSeverity = try Self.vetoSeverity(top)
        return ScorecardsFile(policy: policy, problems: problems, warnings: warnings)
    }


    /// One line; nil (with a problem noted) when it cannot be scored.
    private static func line(_ m: StrictMapping, cap: Decimal, profiles: [String], segments: [Segment],
                             problem: (StrictMapping, String, Bilingual) -> Void) throws(PipelineError) -> ScoreLine? {
        try m.check(allowed: lineKeys)
        guard let weight = try m.decimal("weight") else { problem(m, "weight", Bilingual("is missing", "缺失")); return nil }
        if weight <= 0 { problem(m, "weight", Bilingual("must be above 0", "应大于 0")) }
        let source: ScoreLine.Source
        var lowerIsBetter = false
        let metricName = try m.string("metric"), rating = try m.string("rating")
        switch (metricName, rating) {
        case (let name?, nil):
            guard let metric = MetricID(rawValue: name) else {
                let hint = StrictMapping.hint(name, among: MetricID.allCases.map(\.rawValue))
                problem(m, "metric", Bilingual("`\(name)` is not a metric" + hint.en, "`\(name)` 不是指标" + hint.zh))
                return nil
            }
            guard let profile = try m.string("profile") else {
                problem(m, "profile", Bilingual("is missing: say which definition profile (\(profiles.joined(separator: ", "))) the actual is read under",
                                                "缺失：请写明实际值按哪个口径（\(profiles.joined(separator: "、"))）读取"))
                return nil
            }
            guard profiles.contains(profile) else {
                let hint = StrictMapping.hint(profile, among: profiles)
                problem(m, "profile", Bilingual("`\(profile)` is not a definition profile" + hint.en, "`\(profile)` 不是口径" + hint.zh))
                return nil
            }
            let scope = try m.choice("scope", LineScope.self) ?? .employee
            source = .metric(metric, profile: profile, scope: scope)
            lowerIsBetter = metric.lowerIsBetter
        case (nil, let criterion?):
            source = .rating(criterion: criterion)
        default:
            problem(m, "metric", Bilingual("give exactly one of `metric` or `rating`", "`metric` 与 `rating` 须恰好给出一个"))
            return nil
        }
        if let direction = try m.string("direction") {
            guard direction == "higher" || direction == "lower" else { throw m.error("direction", Bilingual("must be higher or lower", "应为 `higher` 或 `lower`")) }
            lowerIsBetter = direction == "lower"
        }
        var versions: [TargetSchedule.Version] = []
        if let value = try m.decimal("target") { versions.append(.init(value: value)) }
        for (index, t) in (try m.mappings("targets") ?? []).enumerated() {
            try t.check(allowed: ["value", "from", "until", "segment"])
            guard let value = try t.decimal("value") else { problem(t, "value", Bilingual("is missing", "缺失")); continue }
            var from: CivilDate?
            if let text = try t.string("from") {
                guard let date = CivilDate(iso: text) else { throw t.error("from", Bilingual("`\(text)` is not a date like 2026-10-16", "`\(text)` 不是 2026-10-16 这样的日期")) }
                from = date
            }
            // A temporary target (a 大促 campaign's): in force through `until`, then the one before it again.
            var until: CivilDate?
            if let text = try t.string("until") {
                guard let date = CivilDate(iso: text) else { throw t.error("until", Bilingual("`\(text)` is not a date like 2026-11-15", "`\(text)` 不是 2026-11-15 这样的日期")) }
                guard let from, from <= date else {
                    throw t.error("until", Bilingual("needs a `from` on or before it: a temporary target says when it starts and ends",
                                                     "需要一个不晚于它的 `from`：临时目标要写明开始和结束日期"))
                }
                until = date
            }
            let segment = try t.string("segment")
            if let segment, !segments.map(\.name).contains(segment) {
                let names = segments.map(\.name)
                problem(t, "segment", Bilingual("`\(segment)` is not listed under `segments` (\(names.joined(separator: ", ")))",
                                                "`\(segment)` 不在 `segments` 所列之中（\(names.joined(separator: "、"))）"))
            }
            let version = TargetSchedule.Version(value: value, from: from, until: until, segment: segment)
            if let twin = versions.firstIndex(where: { $0.from == from && $0.segment == segment }) {
                let other = twin < index ? "targets[\(twin)]" : "`target`"
                let since = from.map { "从 \($0.description) 起" } ?? "从一开始", who = segment.map { "对 \($0) " } ?? "对所有人"
                problem(t, "from", Bilingual(
                    "overlaps target \(other): both are in force from "
                        + "\(from?.description ?? "the start") for \(segment ?? "everyone"); give the change its own `from` date",
                    "与目标 \(other) 重叠：两者都\(since)\(who)生效；请给这次调整单独写一个 `from` 日期"))
            }
            versions.append(version)
        }
        var curve = Curve.linear(cap: try m.decimal("cap") ?? cap)
        switch try m.string("curve") ?? "linear" {
        case "linear":
            break
        case "bands":
            var bands: [Curve.Band] = []
            for b in try m.mappings("bands") ?? [] {
                try b.check(allowed: ["at", "achievement"])
                guard let at = try b.decimal("at"), let achievement = try b.decimal("achievement") else {
                    problem(b, "at", Bilingual("needs both `at` and `achievement`", "需要同时给出 `at` 和 `achievement`")); continue
                }
                bands.append(.init(at: at, achievement: achievement))
            }
            if bands.isEmpty {
                problem(m, "bands", Bilingual("is missing: a bands curve lists {at, achievement} bands",
                                              "缺失：`bands` 曲线要列出 `{at, achievement}` 分段"))
            }
            curve = .bands(bands)
        case let other:
            throw m.error("curve", Bilingual("`\(other)` is not linear or bands", "`\(other)` 不是 `linear` 或 `bands`"))
        }
        if case .linear = curve {
            if case .metric = source, versions.isEmpty {
                problem(m, "target", Bilingual("is missing: a linear line needs a target", "缺失：`linear` 曲线的考核项需要目标值"))
            }
            for version in versions where version.value <= 0 {
                problem(m, "targets", Bilingual("has target \(version.value.plainString): a linear line's target must be above 0",
                                                "有目标值 \(version.value.plainString)：`linear` 曲线考核项的目标值应大于 0"))
            }
        }
        return ScoreLine(source: source, weight: weight, lowerIsBetter: lowerIsBetter, curve: curve,
                         targets: TargetSchedule(versions), raters: try raters(m, source: source, problem: problem))
    }

    /// A rating line's `raters:` (360): rater role → weight, each above 0.
    private static func raters(_ m: StrictMapping, source: ScoreLine.Source,
                               problem: (StrictMapping, String, Bilingual) -> Void) throws(PipelineError) -> [String: Decimal]? {
        guard let section = try m.mapping("raters") else { return nil }
        guard case .rating = source else {
            problem(m, "raters", Bilingual("weighs raters of a `rating` line; a metric line has none", "用于 `rating` 考核项的评分人权重；指标考核项没有评分人"))
            return nil
        }
        var weights: [String: Decimal] = [:]
        for role in section.keys {
            guard let weight = try section.decimal(role), weight > 0 else {
                problem(section, role, Bilingual("must be a weight above 0", "应为大于 0 的权重"))
                continue
            }
            weights[role] = weight
        }
        return weights
    }
}
