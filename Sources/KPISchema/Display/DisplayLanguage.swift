/// The language people read names in: the China team reads 已发货订单数 where the US team reads
/// "Shipped orders". Machine names (`shipped_orders`) stay the default for tools.
package enum DisplayLanguage: String, Sendable, CaseIterable {
    case en, zh
}

extension DisplayLanguage {
    /// The phrase in this language: the one place report and reconcile wording chooses between the two.
    package func pick(_ en: String, _ zh: String) -> String { self == .zh ? zh : en }
}
