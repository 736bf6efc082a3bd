extension NormalizedRecord {
    /// One readable line: the kind, its key and its values, for previews (`connectors check`).
    package var summary: String {
        func ts(_ t: Timestamp?) -> String { t.map { "\($0.instant.iso8601) (\($0.zone))" } ?? "-" }
        switch self {
        case .order(let o):
            return "order \(o.key) shop=\(o.shop) purchased=\(ts(o.purchasedAt)) status=\(o.status.rawValue) currency=\(o.currency)"
        case .orderLine(let l):
            return "order_line \(l.key) \(l.lineID) sku=\(l.sku) qty=\(l.quantity) amount=\(l.amount)"
        case .fulfillmentEvent(let e):
            return "fulfillment_event \(e.key) \(e.kind.rawValue) at=\(ts(e.occurredAt))"
        case .refund(let r):
            return "refund \(r.key) \(r.refundID) amount=\(r.amount) at=\(ts(r.refundedAt))"
        case .return(let r):
            return "return \(r.key) \(r.returnID) sku=\(r.sku) qty=\(r.quantity) at=\(ts(r.returnedAt))"
        case .flat(let f):
            let values = zip(f.kind.schema.fields, f.values).compactMap { field, value -> String? in
                guard let value else { return nil }
                if case .timestamp(let t) = value { return "\(field.name)=\(ts(t))" }
                return "\(field.name)=\(value.storageText)"
            }
            return ([f.kind.rawValue] + values).joined(separator: " ")
        }
    }
}
