/// One row of `dim_metric`: a metric's names in both languages, its unit and which way is better, so a
/// BI tool shows 销售额 / GMV beside `gmv` without hand-written SQL.
package struct MetricLabel: Sendable, Hashable {
    package var metric: String
    package var labelZh: String
    package var labelEn: String
    /// `currency`, `count`, `ratio` or `hours`.
    package var unit: String
    /// `higher` or `lower`: which is better.
    package var direction: String

    package init(metric: String, labelZh: String, labelEn: String, unit: String, direction: String) {
        self.metric = metric
        self.labelZh = labelZh
        self.labelEn = labelEn
        self.unit = unit
        self.direction = direction
    }
}
