import KPISchema

/// The lineage relation: which records each fact was made of (`record_credits`, read through `v_fact_lineage`).
extension SQLStore {
    /// Makes `record_credits` hold `credits` on the days of the periods `scope` recomputes (every day when nil).
    package func replaceCredits(_ credits: CreditRows, within scope: RecomputeScope?, runID: Int64) throws {
        let table = StoreTable.recordCredits
        let integers = Set(["profile_version", "counted", "source_line"].compactMap(table.columns.firstIndex(of:)))
        try write { session in
            _ = try session.execute("DELETE FROM record_credits" + (scope.map { " WHERE " + $0.dayCondition("day") } ?? ""), [])
            let writer = try session.writer(UpsertStatement(insertInto: table.name, columns: table.columns))
            while let fields = try credits.next() {
                var row: [StoreValue] = fields.enumerated().map { index, text in
                    guard let text else { return .null }
                    return integers.contains(index) ? .integer(Int64(text) ?? 0) : .text(text)
                }
                row.append(.integer(runID))
                try writer.append(row)
            }
            try writer.finish()
        }
    }

    /// Makes `dim_metric_basis` hold `rows`: which bases of records each metric reads.
    package func recordMetricBases(_ rows: [(metric: String, basis: String, recordKind: String)]) throws {
        try write { session in
            _ = try session.execute("DELETE FROM dim_metric_basis", [])
            let writer = try session.writer(UpsertStatement(insertInto: "dim_metric_basis", columns: StoreTable.dimMetricBasis.columns))
            for row in rows { try writer.append([.text(row.metric), .text(row.basis), .text(row.recordKind)]) }
            try writer.finish()
        }
    }
}
