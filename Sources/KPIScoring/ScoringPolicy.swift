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
    /// Violation kinds that veto a card.
    package var vetoKinds: Set<String>
    /// In precedence order: the first segment a person is in that a line has targets for wins.
    package var segments: [Segment]
    /// Pacing: on track while the projected shortfall is under `onTrack`, behind up to `behind`.
    package var onTrack: Decimal
    package var behind: Decimal
    package var providers: ProviderPolicy?

    package init(zone: Zone, grains: [Grain] = [.month], scorecards: [String: Scorecard], roles: [String: String],
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
    package func scorecard(for role: String) -> Scorecard? {
        roles[role].flatMap { scorecards[$0] }
    }
}
