import KPISchema

/// One concept of one recorded definition version, as the `definitions` table keeps it.
package struct DefinitionRow: Sendable, Hashable {
    package var profile: String
    package var version: Int
    package var effectiveFrom: CivilDate?
    package var concept: String
    package var variant: String
    /// What a named variant stands for (a shift calendar's days and hours).
    package var detail: String?

    package init(profile: String, version: Int, effectiveFrom: CivilDate?, concept: String, variant: String, detail: String?) {
        self.profile = profile
        self.version = version
        self.effectiveFrom = effectiveFrom
        self.concept = concept
        self.variant = variant
        self.detail = detail
    }
}
