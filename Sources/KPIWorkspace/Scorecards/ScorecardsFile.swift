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
/// refuses to score with.
package struct ScorecardsFile: Sendable {
    package var policy: ScoringPolicy
    package var problems: [String]
    /// Advice that does not stop scoring: `validate` prints it and still passes.
    package var warnings: [String] = []

    /// More KPI lines than this on one card spreads attention thin (the rule of thumb of the seeds: three
    /// to five key indicators per role).
    package static let advisedLines = 5

    package static let topKeys = ["timezone", "grains", "target_rule", "missing_data", "cap", "grades", "veto", "segments",
                          "new_hire_days", "pacing", "roles", "scorecards", "providers"]
    package static let lineKeys = ["metric", "rating", "profile", "scope", "weight", "direction", "target", "targets", "curve",
                           "cap", "bands"]

    package static func load(path: String, display: String, profiles: [String]) throws(PipelineError) -> ScorecardsFile {
        var problems: [String] = []
        let top = try StrictMapping.root(path: path, display: display, what: "scorecards")
        try top.check(allowed: topKeys)
        func problem(_ m: StrictMapping, _ key: String, _ message: String) { problems.append("\(display): `\(m.here(key))` \(message)") }

        let zoneName = try top.string("timezone") ?? "Asia/Shanghai"
        guard let zone = Zone(zoneName) else { throw top.error("timezone", "`\(zoneName)` is not an IANA time zone") }
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
                bands.append((key, try section.decimal(key)!))
            }
            grades = GradeBands(bands, fallback: fallback)
        }
        let veto = Set(try top.strings("veto") ?? ["fake_orders", "false_advertising", "account_suspended"])
        let newHireDays = try top.int("new_hire_days") ?? 90
        var segments: [Segment] = []
        for name in try top.strings("segments") ?? [] {
            switch name {
            case "new_hire": segments.append(.newHire(days: newHireDays))
            case "night": segments.append(.night)
            default: throw top.error("segments", "`\(name)` is not a segment (new_hire, night)")
            }
        }
        var onTrack = ScoringPolicy.defaultOnTrack, behind = ScoringPolicy.defaultBehind
        if let pacing = try top.mapping("pacing") {
            try pacing.check(allowed: ["on_track", "behind"])
            onTrack = try pacing.decimal("on_track") ?? onTrack
            behind = try pacing.decimal("behind") ?? behind
        }

        var scorecards: [String: Scorecard] = [:]
        var warnings: [String] = []
        guard let cardsSection = try top.mapping("scorecards"), !cardsSection.keys.isEmpty else {
            throw .failed("\(display): no scorecards defined; add `scorecards:` with at least one role template")
        }
        for name in cardsSection.keys.sorted() {
            let card = try cardsSection.mapping(name)!
            try card.check(allowed: ["title", "lines"])
            var lines: [ScoreLine] = []
            let lineMaps = try card.mappings("lines") ?? []
            if lineMaps.isEmpty { problem(card, "lines", "is empty: a scorecard needs at least one line") }
            for m in lineMaps {
                if let line = try self.line(m, cap: cap, profiles: profiles, segments: segments, problem: problem) { lines.append(line) }
            }
            // Summed over every line as written, so an unusable line does not also skew this message.
            var sum = Decimal(0)
            for m in lineMaps { sum += (try? m.decimal("weight")) ?? 0 }
            if !lineMaps.isEmpty && sum != 100 {
                problem(card, "lines", "weights sum to \(sum.plainString), expected 100")
            }
            let kpis = lineMaps.filter { $0.node("metric") != nil }.count
            if kpis > advisedLines {
                warnings.append("\(display): `\(card.here("lines"))` has \(kpis) KPI lines; more than \(advisedLines) per role "
                                + "dilutes each one's weight: keep the few that decide the job and move the rest to a report")
            }
            scorecards[name] = Scorecard(name: name, title: try card.string("title") ?? name, lines: lines)
        }
        var roles: [String: String] = [:]
        if let section = try top.mapping("roles") {
            for role in section.keys {
                let card = try section.string(role) ?? ""
                if scorecards[card] == nil {
                    problem(section, role, "names scorecard `\(card)`, which is not defined" + StrictMapping.hint(card, among: Array(scorecards.keys)))
                }
                roles[role] = card
            }
        } else {
            problems.append("\(display): `roles` is missing: say which roster role (岗位) uses which scorecard")
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
                    problem(m, "metric", "`\(metricName)` is not a metric" + StrictMapping.hint(metricName, among: MetricID.allCases.map(\.rawValue)))
                    continue
                }
                guard let profile = try m.string("profile") ?? defaultProfile, profiles.contains(profile) else {
                    problem(m, "profile", "must name a definition profile (\(profiles.joined(separator: ", ")))")
                    continue
                }
                let least = try m.decimal("at_least"), most = try m.decimal("at_most")
                guard (least == nil) != (most == nil) else {
                    problem(m, "at_least", "give exactly one of at_least or at_most")
                    continue
                }
                thresholds.append(.init(metric: metric, profile: profile, limit: least ?? most!, atLeast: least != nil))
            }
            if thresholds.isEmpty { problem(section, "thresholds", "lists no usable threshold") }
            let policy = ProviderPolicy(
                grain: grain, thresholds: thresholds, probationPeriods: try section.int("probation_periods") ?? 0,
                warningAfter: try section.int("warning_after") ?? 1, downgradeAfter: try section.int("downgrade_after") ?? 2,
                terminateAfter: try section.int("terminate_after") ?? 3, recoverAfter: try section.int("recover_after") ?? 1)
            if !(policy.warningAfter < policy.downgradeAfter && policy.downgradeAfter < policy.terminateAfter) {
                problem(section, "warning_after", "must be below downgrade_after, itself below terminate_after")
            }
            providers = policy
        }
        let policy = ScoringPolicy(zone: zone, grains: grains, scorecards: scorecards, roles: roles, targetRule: rule,
                                   missingData: missing, grades: grades, vetoKinds: veto, segments: segments,
                                   onTrack: onTrack, behind: behind, providers: providers)
        return ScorecardsFile(policy: policy, problems: problems, warnings: warnings)
    }


    /// One line; nil (with a problem noted) when it cannot be scored.
    private static func line(_ m: StrictMapping, cap: Decimal, profiles: [String], segments: [Segment],
                             problem: (StrictMapping, String, String) -> Void) throws(PipelineError) -> ScoreLine? {
        try m.check(allowed: lineKeys)
        guard let weight = try m.decimal("weight") else { problem(m, "weight", "is missing"); return nil }
        if weight <= 0 { problem(m, "weight", "must be above 0") }
        let source: ScoreLine.Source
        var lowerIsBetter = false
        let metricName = try m.string("metric"), rating = try m.string("rating")
        switch (metricName, rating) {
        case (let name?, nil):
            guard let metric = MetricID(rawValue: name) else {
                problem(m, "metric", "`\(name)` is not a metric" + StrictMapping.hint(name, among: MetricID.allCases.map(\.rawValue)))
                return nil
            }
            guard let profile = try m.string("profile") else {
                problem(m, "profile", "is missing: say which definition profile (\(profiles.joined(separator: ", "))) the actual is read under")
                return nil
            }
            guard profiles.contains(profile) else {
                problem(m, "profile", "`\(profile)` is not a definition profile" + StrictMapping.hint(profile, among: profiles))
                return nil
            }
            let scope = try m.choice("scope", LineScope.self) ?? .employee
            source = .metric(metric, profile: profile, scope: scope)
            lowerIsBetter = metric.lowerIsBetter
        case (nil, let criterion?):
            source = .rating(criterion: criterion)
        default:
            problem(m, "metric", "give exactly one of `metric` or `rating`")
            return nil
        }
        if let direction = try m.string("direction") {
            guard direction == "higher" || direction == "lower" else { throw m.error("direction", "must be higher or lower") }
            lowerIsBetter = direction == "lower"
        }
        var versions: [TargetSchedule.Version] = []
        if let value = try m.decimal("target") { versions.append(.init(value: value)) }
        for (index, t) in (try m.mappings("targets") ?? []).enumerated() {
            try t.check(allowed: ["value", "from", "segment"])
            guard let value = try t.decimal("value") else { problem(t, "value", "is missing"); continue }
            var from: CivilDate?
            if let text = try t.string("from") {
                guard let date = CivilDate(iso: text) else { throw t.error("from", "`\(text)` is not a date like 2026-10-16") }
                from = date
            }
            let segment = try t.string("segment")
            if let segment, !segments.map(\.name).contains(segment) {
                problem(t, "segment", "`\(segment)` is not listed under `segments` (\(segments.map(\.name).joined(separator: ", ")))")
            }
            let version = TargetSchedule.Version(value: value, from: from, segment: segment)
            if let twin = versions.firstIndex(where: { $0.from == from && $0.segment == segment }) {
                problem(t, "from", "overlaps target \(twin < index ? "targets[\(twin)]" : "`target`"): both are in force from "
                        + "\(from?.description ?? "the start") for \(segment ?? "everyone"); give the change its own `from` date")
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
                    problem(b, "at", "needs both `at` and `achievement`"); continue
                }
                bands.append(.init(at: at, achievement: achievement))
            }
            if bands.isEmpty { problem(m, "bands", "is missing: a bands curve lists {at, achievement} bands") }
            curve = .bands(bands)
        case let other:
            throw m.error("curve", "`\(other)` is not linear or bands")
        }
        if case .linear = curve {
            if case .metric = source, versions.isEmpty { problem(m, "target", "is missing: a linear line needs a target") }
            for version in versions where version.value <= 0 {
                problem(m, "targets", "has target \(version.value.plainString): a linear line's target must be above 0")
            }
        }
        return ScoreLine(source: source, weight: weight, lowerIsBetter: lowerIsBetter, curve: curve,
                         targets: TargetSchedule(versions))
    }
}
