import Foundation
import KPIFacts
import KPIPipeline
import KPISchema
import KPIStore
import KPIStoreTesting
import Testing

/// The lineage relation, queried in SQL on both stores: `v_fact_lineage` lists, for every fact row, the
/// records its metric's rule read, with the export line each came from.
@Suite struct LineageTests {
    /// A fact row's key as text: grain, period start, scope, metric, profile.
    static func key(_ values: [TableValue], _ columns: [String]) -> String {
        ["grain", "period_start", "scope_type", "scope_id", "metric", "profile"].map { name in
            text(values[columns.firstIndex(of: name)!]) ?? ""
        }.joined(separator: "|")
    }

    static func text(_ value: TableValue) -> String? {
        switch value {
        case .null: nil
        case .integer(let v): String(v)
        case .real(let v): String(v)
        case .text(let v): v
        }
    }

    /// Every fact's lineage rows: record kind, key, basis, counted, source — read from the view.
    static func lineage(_ ws: TemporaryWorkspace) throws -> [String: [[String: String]]] {
        let view = ReportingView.factLineage.table
        var out: [String: [[String: String]]] = [:]
        try ws.pipeline().store.scan(view) { values in
            var row: [String: String] = [:]
            for (index, name) in view.columns.enumerated() { row[name] = text(values[index]) }
            out[key(values, view.columns), default: []].append(row)
        }
        return out
    }

    /// The records behind a fact as a trace names them: an order's refund or return by its order.
    static func tracedIDs(_ rows: [[String: String]]) -> Set<String> {
        Set(rows.map { row in
            let id = row["record_id"]!
            guard ["refund", "return"].contains(row["record_kind"]) else { return id }
            return id.split(separator: " ").prefix(2).joined(separator: " ")
        })
    }

    /// For every fact that counts records one by one — orders, shipments, traffic rows, tasks, ads, handled
    /// reviews, stock days, contracts — in every grain, scope and profile, the view lists exactly as many
    /// records as the fact's `record_count`.
    @Test(arguments: StoreBackend.available) func everyCountingFactListsAsManyRecordsAsItCounts(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        _ = try ws.pipeline().run()
        let lineage = try Self.lineage(ws)
        let counting: Set<String> = ["orders", "shipped_orders", "sessions", "task_on_time_rate", "ad_spend",
                                     "negative_review_handle_hours", "stockout_rate", "renewal_rate"]
        let facts = StoreTable.factMetric
        var checked: [String: Int] = [:]
        try ws.pipeline().store.scan(facts) { values in
            let metric = Self.text(values[facts.columns.firstIndex(of: "metric")!])!
            guard counting.contains(metric) else { return }
            let key = Self.key(values, facts.columns)
            let count = Int(Self.text(values[facts.columns.firstIndex(of: "record_count")!])!)!
            #expect(lineage[key]?.count == count, "\(key)")
            checked[metric, default: 0] += 1
        }
        #expect(Set(checked.keys) == counting)
        #expect(checked.values.reduce(0, +) > 3_000)
        // Every lineage row belongs to a stored fact, and names a source line.
        #expect(lineage.values.joined().allSatisfy { Int($0["source_line"] ?? "") ?? 0 > 0 && !($0["source_file"] ?? "").isEmpty })
    }

    /// A hand-checked row: order 112-1182324-2043333 (29.99 in the October All Orders report, row 32) is behind
    /// amazon-us's October gmv under `us`, counted on its purchase day; a cancelled order of the month is read
    /// and marked not counted; the shop's October orders fact lists every order the month's orders fact counts.
    @Test(arguments: StoreBackend.available) func aShopsOctoberGMVNamesItsOrders(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        _ = try ws.pipeline().run()
        let lineage = try Self.lineage(ws)
        let gmv = try #require(lineage["month|2026-10-01|shop|amazon-us|gmv|us"])
        let order = try #require(gmv.first { $0["record_id"] == "amazon 112-1182324-2043333" })
        #expect(order["basis"] == "purchase" && order["record_kind"] == "order" && order["counted"] == "1")
        #expect(order["source_file"] == "inbox/amazon/All_Orders_20261001-20261031.txt" && order["source_line"] == "32")
        #expect(order["day"]?.hasPrefix("2026-10-") == true)
        #expect(gmv.contains { $0["counted"] == "0" })
        #expect(Set(gmv.map(\.["basis"])) == ["purchase", "refund"])
        // The shop's orders and gmv read the same purchases; gmv its refunds as well.
        let orders = try #require(lineage["month|2026-10-01|shop|amazon-us|orders|us"])
        #expect(Set(orders.map(\.["record_id"])) == Set(gmv.filter { $0["basis"] == "purchase" }.map(\.["record_id"])))
        // Growth and buyer rates have no lineage of their own.
        #expect(lineage.keys.allSatisfy { !$0.hasSuffix("|gmv_growth|us") && !$0.contains("|repurchase_rate|") })
    }
}
