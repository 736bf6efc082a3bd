import Foundation
import KPISchema

extension TargetSheet {
    /// Rows the roster cannot place: an id nobody has (or under another name), a shop nobody runs, a
    /// team nobody is on, a line the person's card lacks, a person whose several shops each set the line.
    /// Any of these would leave a target silently unused, or chosen by an order no one declared.
    package func problems(roster: [Employee], policy: ScoringPolicy) -> [String] {
        let scored = roster.filter { policy.scorecard(for: $0.role) != nil }
        func card(_ employee: Employee) -> Scorecard? { policy.scorecard(for: employee.role) }
        func hasLine(_ employee: Employee, _ line: String) -> Bool { card(employee)?.lines.contains { $0.name == line } == true }
        var problems: [String] = []
        for row in rows {
            let at = "\(row.origin): \(row.subject)"
            switch row.subject {
            case .employee(let id):
                guard let person = roster.first(where: { $0.id == id }) else {
                    problems.append("\(at) is not on the roster; correct the id (工号) or add the person to the roster")
                    continue
                }
                if let name = row.name, !name.isEmpty, name != person.name {
                    problems.append("\(at) is \(person.name) on the roster, but the sheet says \(name); one of them names the wrong person")
                }
                guard let card = card(person) else {
                    problems.append("\(at) (\(person.name)) has role `\(person.role)`, which no scorecard covers")
                    continue
                }
                if !hasLine(person, row.line) {
                    problems.append("\(at) (\(person.name)) is scored on `\(card.name)`, which has no line `\(row.line)`")
                }
            case .shop(let shop):
                let runners = scored.filter { $0.shops.contains(shop) }
                if runners.isEmpty {
                    problems.append("\(at): nobody scored on the roster runs this shop (the roster's shops column)")
                } else if !runners.contains(where: { hasLine($0, row.line) }) {
                    problems.append("\(at): the scorecards of those who run it (\(Self.names(runners))) have no line `\(row.line)`")
                }
            case .team(let team):
                let members = scored.filter { $0.team == team }
                if members.isEmpty {
                    problems.append("\(at): nobody scored on the roster is on this team")
                } else if !members.contains(where: { hasLine($0, row.line) }) {
                    problems.append("\(at): the scorecards of its members (\(Self.names(members))) have no line `\(row.line)`")
                }
            }
        }
        // Two shops' targets for one person would need a rule (sum them? the larger?) no one declared.
        for person in scored {
            for line in Set(rows.map(\.line)).sorted() {
                let shopRows = rows.filter { row in
                    if case .shop(let shop) = row.subject { row.line == line && person.shops.contains(shop) } else { false }
                }
                let shops = Set(shopRows.map(\.subject))
                guard shops.count > 1, let earliest = shopRows.map(\.span.start).min() else { continue }
                let covered = rows.contains { row in
                    guard row.subject == .employee(person.id), row.line == line, case .from(let day) = row.span else { return false }
                    return day <= earliest
                }
                guard !covered else { continue }
                let origins = shopRows.map(\.origin).joined(separator: ", ")
                problems.append("\(person.id) (\(person.name)) runs \(shops.sorted().map(\.description).joined(separator: " and ")), "
                                + "each with a `\(line)` target (\(origins)); give \(person.id) a row of their own for `\(line)` "
                                + "in force from \(earliest) or earlier")
            }
        }
        return problems
    }

    private static func names(_ people: [Employee]) -> String {
        let shown = people.prefix(3).map { "\($0.id) \($0.name)" }.joined(separator: ", ")
        return people.count > 3 ? shown + ", …" : shown
    }
}
