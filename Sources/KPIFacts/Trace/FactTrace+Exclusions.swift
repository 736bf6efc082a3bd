import Foundation
import KPISchema

/// Records of the period a trace lists although they add nothing to the fact, with why: a person's orders,
/// tickets, tasks and reviews that were not theirs on the record's day, and orders whose shipment another
/// definition of "shipped" would put in the period.
extension FactTrace {
    /// The metrics a help-desk ticket counts in for whoever owned it on its creation day.
    static let ticketMetrics: Set<MetricID> = [.firstResponseHours, .slaResponseRate, .complaintRate, .csat, .handleHours, .fcrRate]
    /// The metrics an order counts in by its shipment.
    static let shipmentMetrics: Set<MetricID> = [.shippedOrders, .fulfillmentHours, .onTimeShipRate]

    /// Lists a record of the period that the traced person (or provider) would own by `claims` — their shop and
    /// SKU, ticket group, name on the task — but that was not theirs on `day`: before their hire, after they
    /// left, or when no roster gave it to them.
    mutating func outsideOwnership(kind: String, id: String, lineage: Lineage, day: CivilDate, verb: Bilingual,
                                   claims: (Employee) -> Bool) {
        guard target.scopeType == .employee || target.scopeType == .provider, target.period.contains(day) else { return }
        let tenures = accumulator.engine.attribution.roster.tenures.filter { $0.employee.id == target.scopeID }
        // Theirs that day (it only added nothing: a ticket not answered yet) is no exclusion.
        guard tenures.contains(where: { claims($0.employee) }), !tenures.contains(where: { $0.holds(on: day) && claims($0.employee) })
        else { return }
        let why: Bilingual
        if let hired = tenures.compactMap(\.employee.hiredOn).min(), day < hired {
            why = Bilingual("\(verb.en) \(day), before the hire date \(hired)", "\(verb.zh) \(day)，早于入职日期 \(hired)")
        } else if let left = tenures.compactMap(\.employee.leftOn).max(), day > left {
            why = Bilingual("\(verb.en) \(day), after the leave date \(left)", "\(verb.zh) \(day)，晚于离职日期 \(left)")
        } else {
            why = Bilingual("\(verb.en) \(day), when the roster did not give it to them", "\(verb.zh) \(day)，当时花名册未把它分给此人")
        }
        records.append(TracedRecord(kind: kind, id: id, source: "\(lineage.file):\(lineage.line)",
                                    note: Bilingual("not theirs: ", "不归此人：") + why, excluded: true))
    }

    /// A ticket of the traced person's name or group, created in the period when it was not theirs.
    mutating func ticketOutside(_ record: FlatRecord) {
        guard Self.ticketMetrics.contains(target.metric), case .timestamp(let created)? = record["created_at"] else { return }
        let agent = record["agent"]?.storageText, group = record["group_name"]?.storageText
        outsideOwnership(kind: record.kind.rawValue, id: record.displayKey, lineage: record.lineage, day: zone.date(of: created.instant),
                         verb: Bilingual("created", "创建于")) { person in
            Self.named(person, agent) || group.map(person.ticketGroups.contains) == true
        }
    }

    /// A task assigned to the traced person, due in the period when it was not theirs (one not delivered and not
    /// yet due counts for nobody, and is not listed).
    mutating func taskOutside(_ record: FlatRecord) {
        guard target.metric == .taskOnTimeRate, case .timestamp(let due)? = record["due_at"] else { return }
        if record["delivered_at"] == nil, let asOf = accumulator.engine.asOf, due.instant > asOf { return }
        let assignee = record["assignee"]?.storageText
        outsideOwnership(kind: record.kind.rawValue, id: record.displayKey, lineage: record.lineage, day: zone.date(of: due.instant),
                         verb: Bilingual("due", "到期于")) { Self.named($0, assignee) }
    }

    /// A handled 1–2★ review the traced person handled, or of their shop and SKU, written when it was not theirs.
    mutating func reviewOutside(_ record: FlatRecord) {
        guard target.metric == .negativeReviewHandleHours, case .integer(let rating)? = record["rating"], rating <= 2,
              case .timestamp(let created)? = record["created_at"], record["handled_at"] != nil else { return }
        let handler = record["handler"]?.storageText, shop = record["shop"]?.storageText ?? "", sku = record["sku"]?.storageText
        outsideOwnership(kind: record.kind.rawValue, id: record.displayKey, lineage: record.lineage, day: zone.date(of: created.instant),
                         verb: Bilingual("written", "撰写于")) { Self.named($0, handler) || $0.owns(shop: shop, sku: sku) }
    }

    /// Lists an order of the traced shop whose shipment this profile dates outside the period while another
    /// milestone of it — the one another team may call "shipped" — falls inside: why the teams' counts differ.
    mutating func shippedOutside(_ bundle: OrderBundle) {
        guard Self.shipmentMetrics.contains(target.metric), let profile = accumulator.versions.first else { return }
        let order = bundle.order
        switch target.scopeType {
        case .company: break
        case .platform: guard order.key.platform == target.scopeID else { return }
        case .shop: guard order.shop == target.scopeID else { return }
        case .team, .employee, .provider: return
        }
        let counted = profile.shipped
        let own = bundle.events[counted].map { zone.date(of: $0.occurredAt.instant) }
        guard own.map(target.period.contains) != true,
              let other = FulfillmentEventKind.allCases.first(where: { kind in
                  kind != counted && kind != .delivered
                      && bundle.events[kind].map { target.period.contains(zone.date(of: $0.occurredAt.instant)) } == true
              }), let event = bundle.events[other] else { return }
        let day = zone.date(of: event.occurredAt.instant)
        let note = own.map { ownDay in
            Bilingual("not counted here: `\(profile.name)` counts shipped at `\(counted.rawValue)`, on \(ownDay); its `\(other.rawValue)` on \(day) falls in the period",
                      "未计入：口径 `\(profile.name)` 以 `\(counted.rawValue)` 计为发货，在 \(ownDay)；其 `\(other.rawValue)` 在 \(day)，位于本周期")
        } ?? Bilingual("not counted: `\(profile.name)` counts shipped at `\(counted.rawValue)`, of which the store has no record yet; its `\(other.rawValue)` on \(day) falls in the period",
                       "未计入：口径 `\(profile.name)` 以 `\(counted.rawValue)` 计为发货，存储中尚无该记录；其 `\(other.rawValue)` 在 \(day)，位于本周期")
        records.append(TracedRecord(kind: "order", id: "\(order.key.platform) \(order.key.orderID)",
                                    source: "\(event.lineage.file):\(event.lineage.line)", note: note, excluded: true))
    }

    /// Whether a record's person field names `person` by id or name.
    static func named(_ person: Employee, _ idOrName: String?) -> Bool {
        guard let idOrName, !idOrName.isEmpty else { return false }
        return person.id == idOrName || person.name == idOrName
    }
}
