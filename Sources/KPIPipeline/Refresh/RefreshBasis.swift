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
/// the digest differs from the one the store kept, every period is recomputed once. Each part is hashed on its
/// own, so the run summary and a closed period's restatements can say which of them changed.
package struct RefreshBasis: Equatable {
    package let digest: String

    /// The parts, in digest order, with what a change of each means for the numbers.
    static let parts: [(name: String, change: Bilingual)] = [
        ("formulas", Bilingual("formula change: kpibridge's formulas or attribution rules changed (an upgrade)",
                               "公式变更：kpibridge 的公式或归属规则有变化（升级）")),
        ("definitions", Bilingual("definitions change: a definition profile or the reconciliation pairs changed",
                                  "口径变更：口径定义或对账组合有变化")),
        ("fx", Bilingual("rates change: the exchange rates changed", "汇率变更：汇率有变化")),
        ("roster", Bilingual("roster change: the roster changed", "花名册变更：花名册有变化")),
        ("costs", Bilingual("cost change: the SKU unit costs changed", "成本变更：SKU 单位成本有变化")),
        ("history", Bilingual("history change: the order history starts on another day", "历史变更：订单历史的起点有变化")),
    ]

    package init(definitions file: DefinitionsFile, fx: FXTable, roster: [Employee], costs: CostHistory = CostHistory(),
                 history: Instant? = nil) {
        var definitions = ["grains " + Grain.allCases.map(\.rawValue).joined(separator: ",")]
        for row in file.definitions.allVersions.flatMap(\.rows) {
            definitions.append("definition \(row.profile) v\(row.version) \(row.effectiveFrom?.description ?? "-") "
                               + "\(row.concept)=\(row.variant) \(row.detail ?? "")")
        }
        definitions.append("reconcile " + file.pairs.map(\.description).joined(separator: " ")
                           + " detail " + file.detailGrains.map(\.rawValue).sorted().joined(separator: ","))
        var people: [String] = []
        for person in roster.sorted(by: { ($0.id, $0.asOf?.description ?? "") < ($1.id, $1.asOf?.description ?? "") }) {
            let fields: [String?] = [person.id, person.name, person.team, person.role, person.shift?.rawValue,
                                     person.hiredOn?.description, person.leftOn?.description, person.timezone,
                                     person.shops.joined(separator: ","), person.skus.joined(separator: ","),
                                     person.ticketGroups.joined(separator: ","), person.provider]
                + (person.asOf.map { ["as of \($0)"] } ?? [])
            people.append("roster " + fields.map { $0 ?? "-" }.joined(separator: "\t"))
        }
        let texts = ["formulas v\(MetricEngine.formulaVersion)", definitions.joined(separator: "\n"), fx.canonicalText,
                     people.joined(separator: "\n"), costs.isEmpty ? "" : costs.canonicalText, history?.iso8601 ?? ""]
        digest = zip(Self.parts, texts).map { part, text in
            "\(part.name)=" + SHA256.hash(data: Array(text.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
        }.joined(separator: " ")
    }

    /// What changed between `stored` (a digest a refresh kept) and this basis, each as its meaning; nil when
    /// `stored` is no digest of this form (a store refreshed before parts were named).
    package func changes(since stored: String) -> [Bilingual]? {
        func parts(_ digest: String) -> [String: String]? {
            var out: [String: String] = [:]
            for item in digest.split(separator: " ") {
                let pair = item.split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { return nil }
                out[String(pair[0])] = String(pair[1])
            }
            return Set(out.keys) == Set(Self.parts.map(\.name)) ? out : nil
        }
        guard let before = parts(stored), let now = parts(digest) else { return nil }
        return Self.parts.filter { before[$0.name] != now[$0.name] }.map(\.change)
    }
}
