import KPIFacts
import KPISchema
import KPIWorkspace

extension TraceJob {
    /// The fact `--metric`, `--profile` and `--scope` name (`shop:amazon-us`, `employee:E001`, `company`),
    /// each checked with the choices there are.
    package func target(metric name: String, profile: String, period: Period, scope: String) throws(PipelineError) -> FactTarget {
        guard let metric = MetricID(rawValue: name) else {
            let names = MetricID.allCases.map(\.rawValue)
            let hint = StrictMapping.hint(name, among: names)
            throw .failed(Bilingual("`\(name)` is not a metric of the catalog (`kpibridge definitions show` lists them)" + hint.en,
                                    "`\(name)` 不是指标目录中的指标（`kpibridge definitions show` 会列出全部指标）" + hint.zh))
        }
        let parts = scope.split(separator: ":", maxSplits: 1).map(String.init)
        guard let type = parts.first.flatMap(ScopeType.init(rawValue:)), type == .company || parts.count == 2, parts.last?.isEmpty == false else {
            let types = ScopeType.allCases.map(\.rawValue)
            throw .failed(Bilingual("--scope `\(scope)` is not TYPE:ID with TYPE one of \(types.joined(separator: ", ")) (e.g. shop:amazon-us, employee:E001)",
                                    "--scope `\(scope)` 应写成 类型:ID，类型为 \(types.joined(separator: "、")) 之一（例如 `shop:amazon-us`、`employee:E001`）"))
        }
        return FactTarget(metric: metric, profile: profile, period: period, scopeType: type,
                          scopeID: type == .company ? "all" : parts[1])
    }
}
