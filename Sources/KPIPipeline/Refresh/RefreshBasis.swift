import Foundation
import Crypto
import KPIFacts
import KPISchema
import KPIWorkspace

/// A digest of everything besides records that fact rows are computed from: the formulas' version,
/// every definition version, the reconciliation pairs, exchange rates, the roster, SKU costs and (with buyer
/// keys) where the store's history starts.
///
/// An incremental refresh is only sound when these are what the stored facts were computed with; when
/// the digest differs from the one the store kept, every period is recomputed once.
package struct RefreshBasis: Equatable {
    package let digest: String

    package init(definitions file: DefinitionsFile, fx: FXTable, roster: [Employee], costs: CostHistory = CostHistory(),
                 history: Instant? = nil) {
        var text = ["formulas v\(MetricEngine.formulaVersion)", "grains " + Grain.allCases.map(\.rawValue).joined(separator: ",")]
        for row in file.definitions.allVersions.flatMap(\.rows) {
            text.append("definition \(row.profile) v\(row.version) \(row.effectiveFrom?.description ?? "-") "
                        + "\(row.concept)=\(row.variant) \(row.detail ?? "")")
        }
        text.append("reconcile " + file.pairs.map(\.description).joined(separator: " ")
                    + " detail " + file.detailGrains.map(\.rawValue).sorted().joined(separator: ","))
        text.append("fx\n" + fx.canonicalText)
        for person in roster.sorted(by: { ($0.id, $0.asOf?.description ?? "") < ($1.id, $1.asOf?.description ?? "") }) {
            let fields: [String?] = [person.id, person.name, person.team, person.role, person.shift?.rawValue,
                                     person.hiredOn?.description, person.leftOn?.description, person.timezone,
                                     person.shops.joined(separator: ","), person.skus.joined(separator: ","),
                                     person.ticketGroups.joined(separator: ","), person.provider]
                + (person.asOf.map { ["as of \($0)"] } ?? [])
            text.append("roster " + fields.map { $0 ?? "-" }.joined(separator: "\t"))
        }
        if !costs.isEmpty { text.append("costs\n" + costs.canonicalText) }
        if let history { text.append("history from \(history.iso8601)") }
        digest = SHA256.hash(data: Array(text.joined(separator: "\n").utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
