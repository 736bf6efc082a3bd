/// Any record a connector emits, in the one normalized schema.
public enum NormalizedRecord: Sendable, Hashable {
    case order(Order)
    case orderLine(OrderLine)
    case fulfillmentEvent(FulfillmentEvent)
    case refund(Refund)
    case `return`(Return)

    public var kind: RecordKind {
        switch self {
        case .order: .order
        case .orderLine: .orderLine
        case .fulfillmentEvent: .fulfillmentEvent
        case .refund: .refund
        case .return: .return
        }
    }
}

/// The record kinds of the normalized schema, named as connector specs and tables name them.
public enum RecordKind: String, Sendable, Codable, CaseIterable {
    case order
    case orderLine = "order_line"
    case fulfillmentEvent = "fulfillment_event"
    case refund
    case `return`
}
