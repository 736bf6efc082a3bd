import KPISchema

extension SQLStore {
    /// Writes `dim_metric`: one row per metric of the catalog, rewritten only when a label changed, and
    /// rows of metrics no longer in it removed.
    package func recordMetricLabels(_ labels: [MetricLabel]) throws {
        let upsert = UpsertStatement(
            table: "dim_metric", columns: ["metric", "label_zh", "label_en", "unit", "direction"], key: ["metric"],
            resolution: """
                DO UPDATE SET label_zh = excluded.label_zh, label_en = excluded.label_en, unit = excluded.unit,
                    direction = excluded.direction
                WHERE dim_metric.label_zh IS DISTINCT FROM excluded.label_zh OR dim_metric.label_en IS DISTINCT FROM excluded.label_en
                    OR dim_metric.unit IS DISTINCT FROM excluded.unit OR dim_metric.direction IS DISTINCT FROM excluded.direction
                """)
        try write { session in
            let writer = try session.writer(upsert)
            for label in labels {
                try writer.append([.text(label.metric), .text(label.labelZh), .text(label.labelEn), .text(label.unit), .text(label.direction)])
            }
            try writer.finish()
            let known = Set(labels.map(\.metric))
            for row in try session.rows("SELECT metric FROM dim_metric", []) where !known.contains(try row.text(0)) {
                try session.execute("DELETE FROM dim_metric WHERE metric = ?", [.text(try row.text(0))])
            }
        }
    }
}
