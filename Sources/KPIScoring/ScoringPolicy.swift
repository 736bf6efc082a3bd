import Foundation
import KPISchema

/// Everything `scorecards.yaml` says: templates, which role uses which, targets' rule, grades,
/// veto kinds, segments, pacing bands and provider tiers.
package struct ScoringPolicy: Sendable {
    /// What a line without data does to the card.
    package enum MissingData: String, Sendable, Hashable, CaseIterable {
        /// Its weight moves to the lines with data, in proportion.
        case reweight
        /// It scores 0 points.
        case zero
    }

    /// The zone that decides which period a violation's time and a rating belong to.
    package var zone: Zone
    package var grains: [Grain]
    package var scorecards: [String: Scorecard]
    /// Roster role → scorecard name.
    package var roles: [String: String]
    package var targetRule: TargetRule
    package var missingData: MissingData
    package var grades: GradeBands
    /// Grade → bonus coefficient (奖金系数) for every card without its own; empty when none is declared.
    package var bonus: [String: Decimal] = [:]
    /// Severity (the violations file's 严重程度) → what a veto-kind violation of it does; empty: every one vetoes.
    package var vetoSeverity: [String: SeverityRule] = [:]
    /// Violation kinds that veto a card.
    package var vetoKinds: Set<String>
    /// In precedence order: the first segment a person is in that a line has targets for wins.
    package var segments: [Segment]
    /// Pacing: on track while the projected shortfall is under `onTrack`, behind up to `behind`.
    package var onTrack: Decimal
    package var behind: Decimal
    package var providers: ProviderPolicy?
    /// Targets from a sheet, which win over the lines' YAML targets for what they name.
    package var targetSheet: TargetSheet?

    /// Pacing bands when scorecards.yaml sets none: on track under a 16.5 % projected shortfall, behind to 33 %.
    package static let defaultOnTrack = Decimal(sign: .plus, exponent: -3, significand: 165)
    package static let defaultBehind = Decimal(sign: .plus, exponent: -2, significand: 33)
    /// How far above target a line's achievement counts when scorecards.yaml sets no `cap`: 120 %.
    package static let defaultCap = Decimal(sign: .plus, exponent: -1, significand: 12)

    package init(zone: Zone, grains: [Grain] = [.month], scorecards: [String: Scorecard], roles: [String: String],
                targetRule: TargetRule = .latest, missingData: MissingData = .reweight, grades: GradeBands = .standard,
                vetoKinds: Set<String> = ["fake_orders", "false_advertising", "account_suspended"],
                segments: [Segment] = [], onTrack: Decimal = Self.defaultOnTrack,
                behind: Decimal = Self.defaultBehind, providers: ProviderPolicy? = nil) {
        self.zone = zone
        self.grains = grains
        self.scorecards = scorecards
        self.roles = roles
        self.targetRule = targetRule
        self.missingData = missingData
        self.grades = grades
        self.vetoKinds = vetoKinds
        self.segments = segments
        self.onTrack = onTrack
        self.behind = behind
        self.providers = providers
    }

    /// The target `employee`'s `line` is scored against in `period`, and why that one.
    package func target(_ line: ScoreLine, for employee: Employee, in period: Period, segments: [String]) -> TargetSchedule.Resolved? {
        // A bands line reads no target: a sheet's row would only print one beside it.
        if let targetSheet, !line.curve.isBands {
            return targetSheet.resolve(line, for: employee, in: period, segments: segments, rule: targetRule)
        }
        return line.targets.resolve(period, segments: segments, rule: targetRule)
    }

    /// The scorecard a roster role is scored on.
    package func scorecard(for role: String) -> Scorecard? {
        roles[role].flatMap { scorecards[$0] }
    }
}
