import KPISchema

/// Who a record belongs to, from the roster: the employee, team and provider scopes it counts in
/// besides company, platform and shop.
///
/// The roster is read as it stands today (ownership history is not kept). A record nobody owns
/// still counts at company level, and ``Unattributed`` lists it for the run summary.
package struct Attribution: Sendable {
    package let employees: [Employee]
    private let byIDOrName: [String: Int]
    private let byGroup: [String: [Int]]

    package init(employees: [Employee]) {
        self.employees = employees
        var people: [String: Int] = [:]
        var groups: [String: [Int]] = [:]
        for (index, employee) in employees.enumerated() {
            people[employee.id] = index
            if people[employee.name] == nil { people[employee.name] = index }
            for group in employee.ticketGroups { groups[group, default: []].append(index) }
        }
        byIDOrName = people
        byGroup = groups
    }

    package static let none = Attribution(employees: [])

    package var isEmpty: Bool { employees.isEmpty }

    /// The person an agent, assignee or handler field names, by employee id or by name.
    package func person(_ idOrName: String?) -> Int? {
        guard let idOrName, !idOrName.isEmpty else { return nil }
        return byIDOrName[idOrName]
    }

    /// People owning a shop's SKU (see ``Employee/owns(shop:sku:)``).
    package func owners(shop: String, sku: String?) -> [Int] {
        employees.indices.filter { employees[$0].owns(shop: shop, sku: sku) }
    }

    /// People a ticket belongs to: its agent, and whoever owns its group.
    package func ticketOwners(agent: String?, group: String?) -> [Int] {
        var out = person(agent).map { [$0] } ?? []
        for index in group.flatMap({ byGroup[$0] }) ?? [] where !out.contains(index) { out.append(index) }
        return out
    }

    /// The employee, team and provider scopes of a set of people, each once.
    package func scopes(of people: [Int]) -> [(ScopeType, String)] {
        var out: [(ScopeType, String)] = []
        var seen: Set<String> = []
        func add(_ type: ScopeType, _ id: String) {
            if seen.insert("\(type.rawValue):\(id)").inserted { out.append((type, id)) }
        }
        for index in people {
            let employee = employees[index]
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

    /// Days people (not provider rows) of `team` (everyone when nil) were on the roster between `first` and
    /// `last`: from their hire date (or the beginning) through their leave date (or for good).
    package func personDays(team: String?, from first: CivilDate, through last: CivilDate) -> Int {
        var total = 0
        for person in employees where person.role != Self.providerRole && (team == nil || person.team == team) {
            let start = max(first, person.hiredOn ?? first), end = min(last, person.leftOn ?? last)
            if start <= end { total += start.days(until: end) + 1 }
        }
        return total
    }

    /// The roster role that marks a row as a service provider rather than a person.
    package static let providerRole = "provider"

    /// Splits an order among its owners: each distinct set of owned lines, with the scopes that own
    /// exactly those lines. Refunds and fulfillment events follow the order.
    func split(_ bundle: OrderBundle) -> [(bundle: OrderBundle, scopes: [(ScopeType, String)])] {
        guard !employees.isEmpty else { return [] }
        let shop = bundle.order.shop
        var linesByScope: [String: (ScopeType, String, [Int])] = [:]
        var order: [String] = []
        let lineOwners: [[Int]] = bundle.lines.isEmpty
            ? [owners(shop: shop, sku: nil)]
            : bundle.lines.map { owners(shop: shop, sku: $0.sku) }
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
