import KPISchema

/// The credits each record leaves for the lineage relation, written beside the cells it updates: the same
/// days and scopes, under each profile version that computes a period holding the day.
extension MetricAccumulator {
    /// An order's credits: its purchase (counted or not), each refund and return it counts, the day a return
    /// closed, and its shipment.
    static func credit(_ view: OrderView, scopes: [(ScopeType, String)], engine: MetricEngine, to credits: CreditLog) {
        let profile = view.profile, order = view.bundle.order
        let id = "\(order.key.platform) \(order.key.orderID)"
        func add(_ basis: CreditBasis, _ record: String, _ lineage: Lineage, _ day: CivilDate, counted: Bool = true) {
            guard engine.computes(profile, on: day) else { return }
            credits.add(basis, record: record, lineage: lineage, day: day, counted: counted, profile: profile, scopes: scopes)
        }
        add(.purchase, id, order.lineage, view.purchaseDate, counted: view.counted)
        for counted in view.issuedRefunds {
            add(.refund, "\(id) \(counted.refund.refundID)", counted.refund.lineage, counted.date)
        }
        for counted in view.returns {
            add(.return, "\(id) \(counted.item.returnID)", counted.item.lineage, counted.date)
            if let closed = counted.closed { add(.returnClosed, "\(id) \(counted.item.returnID)", counted.item.lineage, closed.date) }
        }
        if let shipment = view.shipment { add(.shipment, id, shipment.event.lineage, shipment.date) }
    }

    /// A plain-data record's credits on `day` (through `last`) under version `index`.
    func credit(_ basis: CreditBasis, _ record: FlatRecord, version index: Int, day: CivilDate, through last: CivilDate? = nil,
                scopes: [(ScopeType, String)]) {
        guard let credits, engine.computes(versions[index], on: day) else { return }
        credits.add(basis, record: record.displayKey, lineage: record.lineage, day: day, through: last, profile: versions[index],
                    scopes: scopes)
    }
}

extension MetricEngine {
    /// Whether `profile` computes a period of some grain holding `day`: a credit under a version that computes
    /// none of them would name records no fact of that version was made of.
    func computes(_ profile: DefinitionProfile, on day: CivilDate) -> Bool {
        grains.contains { definitions.applies(profile, to: $0.period(containing: day)) }
    }
}

extension FlatRecord {
    /// The record's key as its export writes it (`zendesk 30873`), for people and the lineage relation.
    package var displayKey: String {
        kind.schema.key.compactMap { self[$0]?.storageText }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
