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
                throw context.fail(Bilingual("fulfillment event kind `\(name)` must be one of "
                                             + FulfillmentEventKind.allCases.map(\.rawValue).joined(separator: ", "),
                                             "履约事件类型 `\(name)` 应为以下之一："
                                             + FulfillmentEventKind.allCases.map(\.rawValue).joined(separator: "、")))
            }
            try context.need(event.at, .datetime, for: "records.fulfillment_events.\(name)")
            events.append((kind, event.at, try context.conditions(event.when, for: "records.fulfillment_events.\(name)")))
        }
        if context.spec.eventAuthority != nil, events.isEmpty {
            throw context.fail(Bilingual("`event_authority` says whose fulfillment events these are, but `records.fulfillment_events` names none",
                                             "`event_authority` 声明了这些履约事件归属哪一方，但 `records.fulfillment_events` 没有声明任何事件"))
        }
        return events
    }
}
