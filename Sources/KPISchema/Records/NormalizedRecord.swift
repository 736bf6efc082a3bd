/// Any record a connector emits, in the one normalized schema.
package enum NormalizedRecord: Sendable, Hashable {
    case order(Order)
    case orderLine(OrderLine)
    case fulfillmentEvent(FulfillmentEvent)
    case refund(Refund)
    case `return`(Return)
    /// Any plain-data kind: tickets, traffic, roster… (see ``FlatKind``).
    case flat(FlatRecord)

    package var kind: RecordKind {
        switch self {
        case .order: .order
        case .orderLine: .orderLine
        case .fulfillmentEvent: .fulfillmentEvent
        case .refund: .refund
        case .return: .return
        case .flat(let r): .flat(r.kind)
        }
    }

    /// Where the record came from.
    package var lineage: Lineage {
        switch self {
        case .order(let r): r.lineage
        case .orderLine(let r): r.lineage
        case .fulfillmentEvent(let r): r.lineage
        case .refund(let r): r.lineage
        case .return(let r): r.lineage
        case .flat(let r): r.lineage
        }
    }
}

/// The record kinds of the normalized schema, named as connector specs and tables name them.
package enum RecordKind: Sendable, Hashable, CustomStringConvertible {
    case order
    case orderLine
    case fulfillmentEvent
    case refund
    case `return`
    case flat(FlatKind)

    package var description: String {
        switch self {
        case .order: "order"
        case .orderLine: "order_line"
        case .fulfillmentEvent: "fulfillment_event"
        case .refund: "refund"
        case .return: "return"
        case .flat(let kind): kind.rawValue
        }
    }
}
