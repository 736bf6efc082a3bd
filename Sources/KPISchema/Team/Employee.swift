import Foundation

/// One roster row: who someone is, what role they are scored in, and what they own.
///
/// Ownership is what attribution reads: a record belongs to the people who own its shop and SKU,
/// its ticket group, or whose id or name it carries (agent, assignee, handler).
package struct Employee: Sendable, Hashable {
    package enum Shift: String, Sendable, Hashable { case day, night }

    package var id: String
    package var name: String
    package var team: String?
    package var role: String
    package var shift: Shift?
    package var hiredOn: CivilDate?
    package var leftOn: CivilDate?
    package var timezone: String?
    package var shops: [String]
    package var skus: [String]
    package var ticketGroups: [String]
    /// The service provider (代运营) this person works for, if not the company.
    package var provider: String?
    /// The day the roster row holds from (its snapshot's date); nil for an undated roster, which holds
    /// from the beginning. See ``Roster``.
    package var asOf: CivilDate?
    package var lineage: Lineage?

    package init(id: String, name: String, team: String? = nil, role: String, shift: Shift? = nil,
                hiredOn: CivilDate? = nil, leftOn: CivilDate? = nil, timezone: String? = nil,
                shops: [String] = [], skus: [String] = [], ticketGroups: [String] = [], provider: String? = nil,
                asOf: CivilDate? = nil, lineage: Lineage? = nil) {
        self.id = id
        self.name = name
        self.team = team
        self.role = role
        self.shift = shift
        self.hiredOn = hiredOn
        self.leftOn = leftOn
        self.timezone = timezone
        self.shops = shops
        self.skus = skus
        self.ticketGroups = ticketGroups
        self.provider = provider
        self.asOf = asOf
        self.lineage = lineage
    }

    /// Reads a `roster` record; nil for another kind.
    package init?(_ record: FlatRecord) {
        guard record.kind == .roster, let id = record["employee_id"]?.storageText,
              let role = record["role"]?.storageText else { return nil }
        func text(_ field: String) -> String? {
            guard let value = record[field]?.storageText, !value.isEmpty else { return nil }
            return value
        }
        func list(_ field: String) -> [String] {
            (text(field) ?? "").split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "；" || $0 == "，" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        func date(_ field: String) -> CivilDate? {
            if case .date(let d)? = record[field] { return d }
            return nil
        }
        self.init(id: id, name: text("name") ?? id, team: text("team"), role: role,
                  shift: text("shift").flatMap { Shift(rawValue: $0.lowercased()) },
                  hiredOn: date("hired_on"), leftOn: date("left_on"), timezone: text("timezone"),
                  shops: list("shops"), skus: list("skus"), ticketGroups: list("ticket_groups"),
                  provider: text("provider"), asOf: date("as_of"), lineage: record.lineage)
    }

    /// True when the person is employed for at least one day of `period` (hire and leave dates only;
    /// ``Roster`` adds when the row itself holds).
    package func isActive(in period: Period) -> Bool {
        if let hiredOn, hiredOn > period.end { return false }
        if let leftOn, leftOn < period.start { return false }
        return true
    }

    /// True when the person is employed on `date`: on or after the hire date, on or before the leave date.
    package func isEmployed(on date: CivilDate) -> Bool {
        if let hiredOn, date < hiredOn { return false }
        if let leftOn, date > leftOn { return false }
        return true
    }

    /// True when shop and SKU fall under what this person owns: every listed shop (all shops when
    /// only SKUs are listed) and every listed SKU (all SKUs of the shops when none are). Someone who
    /// lists neither owns no sales.
    package func owns(shop: String, sku: String?) -> Bool {
        guard !shops.isEmpty || !skus.isEmpty else { return false }
        if !shops.isEmpty && !shops.contains(shop) { return false }
        if !skus.isEmpty { return sku.map(skus.contains) ?? false }
        return true
    }
}
