import KPISchema

/// Who a record belongs to, from the roster as it stood on the record's day: the employee, team and
/// provider scopes it counts in besides company, platform and shop.
///
/// People are roster rows (``Roster/Tenure``): a person who changed team or shops is one row per
/// stretch, so a record lands in the team and scopes of whoever owned it that day, and in nobody's before
/// a hire date or after a leave date. A record nobody owns still counts at company level, and
/// ``Unattributed`` lists it for the run summary.
package struct Attribution: Sendable {
    package let roster: Roster
    private let byIDOrName: [String: [Int]]
    private let byGroup: [String: [Int]]
    /// Days on which some row starts or the day after one ends: the only days ownership can change.
    private let changes: [CivilDate]

    package init(roster: Roster) {
        self.roster = roster
        var people: [String: [Int]] = [:]
        var names: [String: [Int]] = [:]
        var groups: [String: [Int]] = [:]
        var changes: Set<CivilDate> = []
        for (index, tenure) in roster.tenures.enumerated() {
            let employee = tenure.employee
            people[employee.id, default: []].append(index)
            names[employee.name, default: []].append(index)
            for group in employee.ticketGroups { groups[group, default: []].append(index) }
            for day in [tenure.from, employee.hiredOn].compactMap({ $0 }) { changes.insert(day) }
            for day in [tenure.through, employee.leftOn].compactMap({ $0 }) { changes.insert(day.adding(days: 1)) }
        }
        // An id wins over a name; a name is one person's only if no id is spelled the same.
        byIDOrName = people.merging(names) { id, _ in id }
        byGroup = groups
        self.changes = changes.sorted()
    }

    /// Attribution by a roster of undated rows (one snapshot holding from the beginning).
    package init(employees: [Employee]) {
        self.init(roster: Roster(employees))
    }

    package static let none = Attribution(employees: [])

    package var isEmpty: Bool { roster.isEmpty }

    /// The roster row of the person an agent, assignee or handler field names (by employee id or by name)
    /// that holds on `date`.
    package func person(_ idOrName: String?, on date: CivilDate) -> Int? {
        guard let idOrName, !idOrName.isEmpty else { return nil }
        return byIDOrName[idOrName]?.first { roster.tenures[$0].holds(on: date) }
    }

    /// Rows owning a shop's SKU on `date` (see ``Employee/owns(shop:sku:)``).
    package func owners(shop: String, sku: String?, on date: CivilDate) -> [Int] {
        roster.tenures.indices.filter { roster.tenures[$0].holds(on: date) && roster.tenures[$0].employee.owns(shop: shop, sku: sku) }
    }

    /// Rows a ticket belongs to on `date`: its agent's, and whoever owns its group.
    package func ticketOwners(agent: String?, group: String?, on date: CivilDate) -> [Int] {
        var out = person(agent, on: date).map { [$0] } ?? []
        for index in group.flatMap({ byGroup[$0] }) ?? [] where !out.contains(index) && roster.tenures[index].holds(on: date) {
            out.append(index)
        }
        return out
    }

    /// The scopes that own a record covering `first…last` on every one of its days: `owners` asked on the
    /// first day and on each day within where the roster changes, and only the scopes every answer shares.
    /// A month's traffic counts for the person who ran the shop all month, not for one hired on its 20th
    /// (whose orders start on the 20th).
    package func scopes(from first: CivilDate, through last: CivilDate, owners: (CivilDate) -> [Int]) -> [(ScopeType, String)] {
        var shared = scopes(of: owners(first))
        for day in changes where day > first && day <= last && !shared.isEmpty {
            let keys = Set(scopes(of: owners(day)).map { "\($0.0.rawValue):\($0.1)" })
            shared.removeAll { !keys.contains("\($0.0.rawValue):\($0.1)") }
        }
        return shared
    }

    /// The employee, team and provider scopes of a set of rows, each once.
    package func scopes(of people: [Int]) -> [(ScopeType, String)] {
        var out: [(ScopeType, String)] = []
        var seen: Set<String> = []
        func add(_ type: ScopeType, _ id: String) {
            if seen.insert("\(type.rawValue):\(id)").inserted { out.append((type, id)) }
        }
        for index in people {
            let employee = roster.tenures[index].employee
            if employee.role == Self.providerRole {
                add(.provider, employee.id)
                continue
            }
            add(.employee, employee.id)
            if let team = employee.team { add(.team, team) }
            if let provider = employee.provider { add(.provider, provider) }
        }
        return out
    }

    /// Days people (not provider rows) of `team` (everyone when nil) were on the team between `first` and
    /// `last`: the days each row holds, within its hire and leave dates.
    package func personDays(team: String?, from first: CivilDate, through last: CivilDate) -> Int {
        var total = 0
        for tenure in roster.tenures where tenure.employee.role != Self.providerRole && (team == nil || tenure.employee.team == team) {
            if let (start, end) = tenure.days(from: first, through: last) { total += start.days(until: end) + 1 }
        }
        return total
    }

    /// The roster role that marks a row as a service provider rather than a person.
    package static let providerRole = "provider"

    /// Splits an order among whoever owned it on `date` (its purchase day): each distinct set of owned
    /// lines, with the scopes that own exactly those lines. Refunds, returns and fulfillment events
    /// follow the order: they count for whoever sold it.
    func split(_ bundle: OrderBundle, on date: CivilDate) -> [(bundle: OrderBundle, scopes: [(ScopeType, String)])] {
        guard !roster.isEmpty else { return [] }
        let shop = bundle.order.shop
        var linesByScope: [String: (ScopeType, String, [Int])] = [:]
        var order: [String] = []
        let lineOwners: [[Int]] = bundle.lines.isEmpty
            ? [owners(shop: shop, sku: nil, on: date)]
            : bundle.lines.map { owners(shop: shop, sku: $0.sku, on: date) }
        for (lineIndex, people) in lineOwners.enumerated() {
            for (type, id) in scopes(of: people) {
                let key = "\(type.rawValue):\(id)"
                if linesByScope[key] == nil { order.append(key); linesByScope[key] = (type, id, []) }
                linesByScope[key]!.2.append(lineIndex)
            }
        }
        var groups: [[Int]: [(ScopeType, String)]] = [:]
        var groupOrder: [[Int]] = []
        for key in order {
            let (type, id, lines) = linesByScope[key]!
            if groups[lines] == nil { groupOrder.append(lines) }
            groups[lines, default: []].append((type, id))
        }
        return groupOrder.map { lines in
            var part = bundle
            if !bundle.lines.isEmpty {
                part.lines = lines.map { bundle.lines[$0] }
                // A return belongs with the line of its SKU.
                let skus = Set(part.lines.map(\.sku))
                part.returns = bundle.returns.filter { skus.contains($0.sku) }
            }
            return (part, groups[lines]!)
        }
    }
}

/// Records no roster entry owns, by kind (and by shop for sales), for the run summary.
package struct Unattributed: Sendable, Hashable {
    /// kind → count; kinds are `orders`, `tickets`, `tasks`, `reviews`, `traffic`.
    package var counts: [String: Int] = [:]
    /// Orders owned by nobody, per shop.
    package var ordersByShop: [String: Int] = [:]

    package init() {}

    package var isEmpty: Bool { counts.isEmpty }

    mutating func add(_ kind: String, shop: String? = nil) {
        counts[kind, default: 0] += 1
        if let shop { ordersByShop[shop, default: 0] += 1 }
    }
}
