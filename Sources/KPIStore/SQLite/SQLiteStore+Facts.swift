import Foundation
import GRDB
import KPISchema

extension SQLiteStore {
    static let factMetricWriter = KeyedTableWriter(
        table: "fact_metric",
        columns: StoreTable.factMetric.columns.filter { $0 != "run_id" },
        key: StoreTable.factMetric.orderBy,
        numeric: ["value", "numerator", "denominator"])

    public func replaceFactMetrics(_ facts: [FactMetric], runID: Int64) throws -> FactWriteResult {
        try queue.write { db in
            let rows: [[DatabaseValue]] = facts.map { fact in
                KeyedTableWriter.row([
                    fact.grain.rawValue, fact.periodStart.description, fact.periodEnd.description, fact.timezone,
                    fact.scopeType.rawValue, fact.scopeID, fact.metric, fact.profile, fact.profileVersion, fact.definition,
                    fact.value.plainString, fact.numerator?.plainString, fact.denominator?.plainString, fact.unit,
                    fact.currency, fact.recordCount])
            }
            let columns = Self.factMetricWriter.columns
            let index = { (name: String) in columns.firstIndex(of: name)! }
            let log = try db.cachedStatement(sql: """
                INSERT INTO fact_changes (run_id, change, grain, period_start, scope_type, scope_id, metric, profile,
                    old_value, new_value, old_definition, new_definition)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var changes: [FactChange] = []
            var result = try Self.factMetricWriter.replace(with: rows, runID: runID, in: db) { change in
                let any = (change.old ?? change.new)!
                let key = ["grain", "period_start", "scope_type", "scope_id", "metric", "profile"].map { any[index($0)] }
                let old = change.old, new = change.new
                let values: [DatabaseValue] = [old?[index("value")] ?? .null, new?[index("value")] ?? .null,
                                               old?[index("definition")] ?? .null, new?[index("definition")] ?? .null]
                try log.execute(arguments: StatementArguments([runID.databaseValue, (new == nil ? "removed" : "updated").databaseValue]
                                                              + key + values))
                changes.append(FactChange(
                    change: new == nil ? "removed" : "updated",
                    key: key.map { String.fromDatabaseValue($0) ?? "" },
                    oldValue: Self.text(values[0]), newValue: Self.text(values[1]),
                    oldDefinition: Self.text(values[2]), newDefinition: Self.text(values[3])))
            }
            result.changes = changes
            return result
        }
    }

    /// A stored scalar as text, for messages: `355`, `0.25`.
    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: nil
        case .int64(let v): String(v)
        case .double(let v): Decimal(string: String(v)).map(\.plainString) ?? String(v)
        case .string(let v): Decimal(plain: v).map(\.plainString) ?? v
        case .blob: nil
        }
    }
}
