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
    /// The record being credited, and its rows so far.
    private var current: String?
    private var written: Set<Credit> = []

    package init(keeping keeps: @escaping (CivilDate) -> Bool = { _ in true }) throws {
        spool = try SpoolFile(name: "credits")
        self.keeps = keeps
    }

    /// Credits `record` on `day` (through `lastDay`) to each of `scopes` under `profile`: one row for its company,
    /// platform and shop, one for each other scope (an owner, their team), each written once per record however
    /// many of an order's owners' parts name it.
    func add(_ basis: CreditBasis, record: String, lineage: Lineage, day: CivilDate, through lastDay: CivilDate? = nil,
             counted: Bool = true, profile: DefinitionProfile, scopes: [(ScopeType, String)]) {
        guard keeps(day) else { return }
        if record != current {
            current = record
            written.removeAll(keepingCapacity: true)
        }
        func put(_ type: ScopeType, _ id: String, platform: String?) {
            let credit = Credit(profile: profile.name, profileVersion: profile.version, basis: basis, recordID: record, day: day,
                                lastDay: lastDay, scopeType: type, scopeID: id, platform: platform, counted: counted, lineage: lineage)
            guard written.insert(credit).inserted else { return }
            spool.append(credit.fields)
        }
        let platform = scopes.first { $0.0 == .platform }?.1, shop = scopes.first { $0.0 == .shop }?.1
        let company = scopes.contains { $0.0 == .company }
        if company, let shop {
            put(.shop, shop, platform: platform)
        } else if company, let platform {
            put(.platform, platform, platform: platform)
        } else if company {
            put(.company, "all", platform: nil)
        }
        for (type, id) in scopes where !company || ![.company, .platform, .shop].contains(type) {
            put(type, id, platform: nil)
        }
    }

    /// The rows in the order they were written.
    package func rows() throws -> CreditRows {
        let next = try spool.rows()
        return CreditRows { try next()?.fields }
    }
}
