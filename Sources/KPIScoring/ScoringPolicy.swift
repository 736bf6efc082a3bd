import Foundation
import KPISchema

/// Everything `scorecards.yaml` says: templates, which role uses which, targets' rule, grades,
/// veto kinds, segments, pacing bands and provider tiers.
public struct ScoringPolicy: Sendable {
    /// What a line without data does to the card.
    public enum MissingData: String, Sendable, Hashable, CaseIterable {
        /// Its weight moves to the lines with data, in proportion.
        case reweight
        /// It scores 0 points.
        case zero
    }

    /// The zone that decides which period a violation's time and a rating belong to.
    public var zone: Zone
    public var grains: [Grain]
    public var scorecards: [String: Scorecard]
    /// Roster role → scorecard name.
    public var roles: [String: String]
    public var targetRule: TargetRule
    public var missingData: MissingData
    public var grades: GradeBands
    /// Violation kinds that veto a card.
    public var vetoKinds: Set<String>
    /// In precedence order: the first segment a person is in that a line has targets for wins.
    public var segments: [Segment]
    /// Pacing: on track while the projected shortfall is under `onTrack`, behind up to `behind`.
    public var onTrack: Decimal
    public var behind: Decimal
    public var providers: ProviderPolicy?

    public init(zone: Zone, grains: [Grain] = [.month], scorecards: [String: Scorecard], roles: [String: String],
                targetRule: TargetRule = .latest, missingData: MissingData = .reweight, grades: GradeBands = .standard,
                vetoKinds: Set<String> = ["fake_orders", "false_advertising", "account_suspended"],
                segments: [Segment] = [], onTrack: Decimal = Decimal(string: "0.165")!,
                behind: Decimal = Decimal(string: "0.33")!, providers: ProviderPolicy? = nil) {
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

    /// The scorecard a roster role is scored on.
    public func scorecard(for role: String) -> Scorecard? {
        roles[role].flatMap { scorecards[$0] }
    }
}
