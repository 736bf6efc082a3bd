import KPISchema

/// Each fulfillment event is a known kind read from a datetime field, and `event_authority` is only
/// declared by a spec that has events.
enum FulfillmentEventsValidator: SpecValidator {
    static func validate(_ context: SpecContext) throws(ConnectorSpecError)
        -> [(kind: FulfillmentEventKind, field: String, when: [CompiledSpec.CompiledCondition])]
    {
        var events: [(kind: FulfillmentEventKind, field: String, when: [CompiledSpec.CompiledCondition])] = []
        for (name, event) in (context.spec.records.fulfillmentEvents ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let kind = FulfillmentEventKind(rawValue: name) else {
                throw context.fail("fulfillment event kind `\(name)` must be one of "
                                   + FulfillmentEventKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            try context.need(event.at, .datetime, for: "records.fulfillment_events.\(name)")
            events.append((kind, event.at, try context.conditions(event.when, for: "records.fulfillment_events.\(name)")))
        }
        if context.spec.eventAuthority != nil, events.isEmpty {
            throw context.fail("`event_authority` says whose fulfillment events these are, but `records.fulfillment_events` names none")
        }
        return events
    }
}
