/// Every profile's versions, and the rule that picks the version a period is computed with.
///
/// A version applies to periods whose first day is on or after its `effectiveFrom`, until the next
/// version starts; one period is therefore always computed under one version. ``pins`` override the
/// rule for closed periods whose stored facts were computed under an older version, so editing the
/// definitions file never silently rewrites them.
package struct DefinitionSet: Sendable {
    /// Each profile's versions, oldest first.
    package let versionsByProfile: [String: [DefinitionProfile]]
    /// Profile names in sorted order.
    package let names: [String]
    /// (profile, grain, period start) → the version that must be used instead of the dated one.
    package var pins: [PeriodKey: Int] = [:]

    package struct PeriodKey: Sendable, Hashable {
        package var profile: String
        package var grain: Grain
        package var start: CivilDate

        package init(profile: String, grain: Grain, start: CivilDate) {
            self.profile = profile
            self.grain = grain
            self.start = start
        }
    }

    /// Versions must be listed per profile with increasing numbers and effective dates.
    package init(_ versions: [DefinitionProfile]) {
        var grouped: [String: [DefinitionProfile]] = [:]
        for version in versions { grouped[version.name, default: []].append(version) }
        for key in grouped.keys { grouped[key]!.sort { $0.version < $1.version } }
        versionsByProfile = grouped
        names = grouped.keys.sorted()
    }

    /// Every version of every profile, profiles in name order.
    package var allVersions: [DefinitionProfile] { names.flatMap { versionsByProfile[$0]! } }

    package func versions(of profile: String) -> [DefinitionProfile] { versionsByProfile[profile] ?? [] }

    /// A version by profile and number.
    package func profile(_ name: String, version: Int) -> DefinitionProfile? {
        versions(of: name).first { $0.version == version }
    }

    /// The version in force on `date` by effective dates alone (the first version covers any date
    /// before every effective date).
    package func dated(_ profile: String, on date: CivilDate) -> DefinitionProfile? {
        let versions = versions(of: profile)
        return versions.last { ($0.effectiveFrom ?? date) <= date } ?? versions.first
    }

    /// The version a period is computed with: its pin if it has one, else the dated version.
    package func version(for profile: String, grain: Grain, start: CivilDate) -> DefinitionProfile? {
        if let pinned = pins[PeriodKey(profile: profile, grain: grain, start: start)] {
            return self.profile(profile, version: pinned)
        }
        return dated(profile, on: start)
    }

    /// True when `version` is the one `period` is computed with.
    package func applies(_ version: DefinitionProfile, to period: Period) -> Bool {
        self.version(for: version.name, grain: period.grain, start: period.start)?.version == version.version
    }
}
