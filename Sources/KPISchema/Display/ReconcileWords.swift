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
    package var both: String { language.pick("both   ", "两边   ") }

    package func only(_ profile: String) -> String { language.pick("only \(profile)", "仅\(profile)") }

    package func counts(_ a: String, _ b: String, _ onlyA: String, _ onlyB: String, _ differing: String) -> String {
        language.pick("\(onlyA) records count only for \(a), \(onlyB) only for \(b), \(differing) count differently",
             "仅\(a)计入 \(onlyA) 条，仅\(b)计入 \(onlyB) 条，两边计值不同 \(differing) 条")
    }

    package func notKept(_ grain: String) -> String {
        language.pick("records are listed for the grains under `reconcile.detail_grains` in definitions.yaml; add \(grain) to see them",
             "逐条记录只保存 definitions.yaml 中 reconcile.detail_grains 所列粒度；加入 \(grain) 即可查看")
    }
}
