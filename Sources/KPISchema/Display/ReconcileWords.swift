/// The fixed phrases of reconciliation in each language, shared by `kpibridge reconcile` and the HTML
/// report so both say the same thing the same way.
package struct ReconcileWords: Sendable {
    package let language: DisplayLanguage

    package init(_ language: DisplayLanguage) { self.language = language }

    package var noData: String { language.pick("no data", "无数据") }
    package var delta: String { language.pick("delta", "差额") }
    package var differOn: String { language.pick("definitions differ on", "口径分歧") }
    package var noRecords: String { language.pick("no record counts differently", "没有计入方式不同的记录") }
    package var records: String { language.pick("records behind the difference", "造成差异的记录") }
    package var both: String { language.pick("both", "两边") }

    package func only(_ profile: String) -> String { language.pick("only \(profile)", "仅\(profile)") }

    package func counts(_ a: String, _ b: String, _ onlyA: String, _ onlyB: String, _ differing: String) -> String {
        language.pick("\(onlyA) records count only for \(a), \(onlyB) only for \(b), \(differing) count differently",
             "仅\(a)计入 \(onlyA) 条，仅\(b)计入 \(onlyB) 条，两边计值不同 \(differing) 条")
    }

    /// `bridge cn → us (CNY; us's USD converted at each record's own day's rate)`.
    package func bridgeHeading(_ a: String, _ b: String, currency: String, convertedFrom: String) -> String {
        var unit = currency
        if !convertedFrom.isEmpty {
            unit += language.pick("; \(b)'s \(convertedFrom) converted at each record's own day's rate",
                                  "；\(b)的\(convertedFrom)按每条记录当日汇率折算")
        }
        let suffix = unit.isEmpty ? "" : language.pick(" (\(unit))", "（\(unit)）")
        return language.pick("bridge \(a) → \(b)\(suffix), cause by cause:", "差异桥 \(a) → \(b)\(suffix)，逐项原因：")
    }

    /// Why a reconciliation row has no bridge.
    package var noBridge: String {
        language.pick("no bridge: gross margin, ACoS, ROAS and inventory turnover are not walked cause by cause, nor a period "
                      + "where a side has no value or a rate's walk would pass through an empty denominator",
                      "无差异桥：毛利率、ACoS、ROAS 与库存周转不做逐项分解；一方无数值、或比率分解途中分母为零的期间也没有")
    }

    package func recordCount(_ count: String) -> String { language.pick("\(count) records", "\(count) 条") }

    /// What the text says instead of listing the records.
    package func recordsHint(_ count: Int) -> String {
        language.pick("\(count) \(records); --records lists each with its file and line",
                      "\(records) \(count) 条；加 --records 逐条列出（含文件与行号）")
    }

    package func notKept(_ grain: String) -> String {
        language.pick("records are listed for the grains under `reconcile.detail_grains` in definitions.yaml; add \(grain) to see them",
             "逐条记录只保存 definitions.yaml 中 reconcile.detail_grains 所列粒度；加入 \(grain) 即可查看")
    }
}
