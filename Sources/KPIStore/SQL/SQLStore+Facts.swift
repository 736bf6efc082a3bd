import Foundation
import KPISchema

extension SQLStore {
    package func replaceFactMetrics(_ facts: [FactMetric], within scope: RecomputeScope?, runID: Int64,
                                    restating cause: Bilingual) throws -> FactWriteResult
    {
        let rows: [[StoreValue]] = facts.map { fact in
            [.text(fact.grain.rawValue), .text(fact.periodStart.description), .text(fact.periodEnd.description),
             .text(fact.timezone), .text(fact.scopeType.rawValue), .text(fact.scopeID), .text(fact.metric),
             .text(fact.profile), .of(fact.profileVersion), .text(fact.definition), .of(fact.value), .of(fact.numerator),
             .of(fact.denominator), .text(fact.unit), .of(fact.currency), .of(fact.recordCount)]
        }
        return try write { session in
            let writer = KeyedTableWriter(.factMetric, numeric: ["value", "numerator", "denominator"])
            let index = { (name: String) in writer.columns.firstIndex(of: name)! }
            let log = try session.writer(UpsertStatement(
                insertInto: "fact_changes",
                columns: ["run_id", "change", "grain", "period_start", "scope_type", "scope_id", "metric", "profile",
                          "old_value", "new_value", "old_definition", "new_definition"]))
            var changes: [FactChange] = []
            // A closed period's facts stay; what the records now give instead is a restatement.
            let closed = try Self.closedPeriods(in: session)
            let restate = try session.writer(UpsertStatement(replacing: "restatements", columns: StoreTable.restatements.columns,
                                                             key: StoreTable.restatements.orderBy))
            let keyNames = ["grain", "period_start", "scope_type", "scope_id", "metric", "profile"]
            var settled: [[TableValue]] = []
            var restated = 0
            var result = try writer.replace(with: rows, runID: runID, in: session, within: scope, frozen: closed, onFrozen: { change, same in
                let any = (change.old ?? change.new)!
                let key = keyNames.map { any[index($0)] }
                if same { settled.append(key); return }
                let end = any[index("period_end")]
                try restate.append(key.map(StoreValue.init) + [StoreValue(end), StoreValue(change.old?[index("value")] ?? .null),
                                                              StoreValue(change.new?[index("value")] ?? .null),
                                                              .text(cause.en), .text(cause.zh), .integer(runID)])
                restated += 1
            }, onChange: { change in
                let any = (change.old ?? change.new)!
                let key = keyNames.map { any[index($0)] }
                let old = change.old, new = change.new
                let values: [TableValue] = [old?[index("value")] ?? .null, new?[index("value")] ?? .null,
                                            old?[index("definition")] ?? .null, new?[index("definition")] ?? .null]
                let kind = new == nil ? "removed" : "updated"
                try log.append([.integer(runID), .text(kind)] + (key + values).map(StoreValue.init))
                changes.append(FactChange(
                    change: kind, key: key.map { Self.text($0) ?? "" },
                    oldValue: Self.text(values[0]), newValue: Self.text(values[1]),
                    oldDefinition: Self.text(values[2]), newDefinition: Self.text(values[3])))
            })
            try log.finish()
            try restate.finish()
            // A closed fact the records give again as it stood has nothing left to restate.
            let delete = "DELETE FROM restatements WHERE " + keyNames.map { "\($0) = ?" }.joined(separator: " AND ")
            for key in settled { try session.execute(delete, key.map(StoreValue.init)) }
            result.changes = changes
            result.restated = restated
            return result
        }
    }
}

extension SQLStore {
    /// A stored scalar as text, for messages: `355`, `0.25`.
    static func text(_ value: TableValue) -> String? {
        switch value {
        case .null: nil
        case .integer(let v): String(v)
        case .real(let v): Decimal(shortest: v).map(\.plainString) ?? String(v)
        case .text(let v): Decimal(plain: v).map(\.plainString) ?? v
        }
    }
}
