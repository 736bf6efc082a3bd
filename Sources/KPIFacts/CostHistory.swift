import Foundation
import KPISchema

/// Each SKU's unit cost over time, from `sku_cost` records: a sale costs what the SKU's latest
/// `effective_from` on or before the sale's day says.
///
/// Loaded whole before the metric pass (one row per SKU and price change, small beside the orders),
/// and part of the refresh basis: a cost that changes recomputes every period it could reach.
package struct CostHistory: Sendable, Hashable {
    package struct Entry: Sendable, Hashable {
        package var from: CivilDate
        package var unitCost: Decimal
        /// Inbound freight per unit (头程), which a landed cost adds; nil when the file gives none.
        package var freight: Decimal?
        package var currency: String
    }

    /// Per SKU, oldest first.
    private var entries: [String: [Entry]] = [:]

    package init() {}

    /// The history in `records` (`sku_cost` records; others are ignored).
    package init(_ records: [FlatRecord]) {
        for record in records where record.kind == .skuCost {
            guard case .text(let sku)? = record["sku"], case .date(let from)? = record["effective_from"],
                  case .decimal(let cost)? = record["unit_cost"], case .text(let currency)? = record["currency"] else { continue }
            var freight: Decimal?
            if case .decimal(let value)? = record["freight"] { freight = value }
            entries[sku, default: []].append(Entry(from: from, unitCost: cost, freight: freight, currency: currency))
        }
        for sku in entries.keys { entries[sku]!.sort { $0.from < $1.from } }
    }

    package var isEmpty: Bool { entries.isEmpty }

    /// The unit cost of `sku` on `date` under `basis`; nil when no cost is in force that day, or a landed
    /// cost is asked for and the entry has no freight.
    package func unitCost(of sku: String, on date: CivilDate, basis: CostBasis) -> Money? {
        guard let list = entries[sku], let entry = list.last(where: { $0.from <= date }) else { return nil }
        switch basis {
        case .purchase: return Money(entry.unitCost, entry.currency)
        case .landed: return entry.freight.map { Money(entry.unitCost + $0, entry.currency) }
        }
    }

    /// One line per entry, sorted, for the refresh basis.
    package var canonicalText: String {
        entries.keys.sorted().flatMap { sku in
            entries[sku]!.map { "\(sku)\t\($0.from)\t\($0.unitCost.plainString)\t\($0.freight?.plainString ?? "-")\t\($0.currency)" }
        }.joined(separator: "\n")
    }
}
