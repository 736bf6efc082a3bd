import KPISchema

/// The scopes a plain-data record counts in, from who owned it on its day, noting records nobody owned.
extension MetricAccumulator {
    /// Per profile version (by index), the company scope plus the scopes of whoever owned the record on its
    /// day in that version (`day`: nil leaves the version out); a record nobody owns in some version is
    /// noted once.
    mutating func scopes(kind: String, day: (Int) -> CivilDate?,
                         owners: (CivilDate) -> [Int]) -> [(day: CivilDate, scopes: [(ScopeType, String)])?] {
        var memo: [CivilDate: [(ScopeType, String)]] = [:]
        var ownerless = false
        let attribution = engine.attribution
        let out: [(day: CivilDate, scopes: [(ScopeType, String)])?] = versions.indices.map { index in
            guard let date = day(index) else { return nil }
            if memo[date] == nil {
                memo[date] = attribution.scopes(of: owners(date))
                if memo[date]!.isEmpty { ownerless = true }
            }
            return (date, [(.company, "all")] + memo[date]!)
        }
        if ownerless && !engine.attribution.isEmpty { unattributed.add(kind) }
        return out
    }

    /// The company scope plus the scopes of whoever owned a record on `date` (a calendar date the same in
    /// every profile), noting a record nobody owns.
    mutating func scopes(kind: String, on date: CivilDate, owners: (CivilDate) -> [Int]) -> [(ScopeType, String)] {
        scopes(kind: kind, day: { _ in date }, owners: owners).first??.scopes ?? [(.company, "all")]
    }

    /// The company scope plus the scopes that owned a record on every day of `first…last`, noting a record
    /// nobody owned throughout.
    mutating func scopes(kind: String, from first: CivilDate, through last: CivilDate,
                         owners: (CivilDate) -> [Int]) -> [(ScopeType, String)] {
        let owned = engine.attribution.scopes(from: first, through: last, owners: owners)
        if owned.isEmpty && !engine.attribution.isEmpty { unattributed.add(kind) }
        return [(.company, "all")] + owned
    }
}
