import Foundation
import KPISchema

/// Where a refresh's metric pass writes its credits: a row per record, day and scope, parked in a
/// ``SpoolFile`` until the store takes them.
///
/// A reference type held by the accumulator, so the static order path (which must not copy the cells) can
/// write to it too. `keeps` drops the credits of days the refresh does not recompute: an incremental pass
/// reads a day more on each side of its periods than it rewrites.
package final class CreditLog {
    private let spool: SpoolFile
    private let keeps: (CivilDate) -> Bool

    package init(keeping keeps: @escaping (CivilDate) -> Bool = { _ in true }) throws {
        spool = try SpoolFile(name: "credits")
        self.keeps = keeps
    }

    /// Rows written so far.
    package var count: Int { spool.count }

    /// Credits `record` on `day` (through `lastDay`) to each of `scopes` under `profile`.
    func add(_ basis: CreditBasis, record: String, lineage: Lineage, day: CivilDate, through lastDay: CivilDate? = nil,
             counted: Bool = true, profile: DefinitionProfile, scopes: [(ScopeType, String)]) {
        guard keeps(day) else { return }
        for (type, id) in scopes {
            spool.append(Credit(profile: profile.name, profileVersion: profile.version, basis: basis, recordID: record, day: day,
                                lastDay: lastDay, scopeType: type, scopeID: id, counted: counted, lineage: lineage).fields)
        }
    }

    /// The rows in the order they were written.
    package func rows() throws -> CreditRows {
        let next = try spool.rows()
        return CreditRows { try next()?.fields }
    }
}
