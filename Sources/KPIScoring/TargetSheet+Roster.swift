import Foundation
import KPISchema

extension TargetSheet {
    /// Rows the roster cannot place: an id nobody has (or under another name), a shop nobody runs, a
    /// team nobody is on, a line the person's card lacks, a person whose several shops each set the line.
    /// Any of these would leave a target silently unused, or chosen by an order no one declared. Each is
    /// in both languages: `validate` and a run that holds the scores back print the reader's, the `runs` row the English.
    package func problems(roster: [Employee], policy: ScoringPolicy) -> [Bilingual] {
        let scored = roster.filter { policy.scorecard(for: $0.role) != nil }
        func card(_ employee: Employee) -> Scorecard? { policy.scorecard(for: employee.role) }
        func hasLine(_ employee: Employee, _ line: String) -> Bool { card(employee)?.lines.contains { $0.name == line } == true }
        var problems: [Bilingual] = []
        for row in rows {
            let at = "\(row.origin): \(row.subject)", atZh = "\(row.origin)：\(row.subject.zh)"
            switch row.subject {
            case .employee(let id):
                guard let person = roster.first(where: { $0.id == id }) else {
                    problems.append(Bilingual("\(at) is not on the roster; correct the id (工号) or add the person to the roster",
                                              "\(atZh) 不在花名册上；请改正工号，或把此人加入花名册"))
                    continue
                }
                if let name = row.name, !name.isEmpty, name != person.name {
                    problems.append(Bilingual("\(at) is \(person.name) on the roster, but the sheet says \(name); one of them names the wrong person",
                                              "\(atZh) 在花名册上是 \(person.name)，但表中写的是 \(name)；其中一处写错了人"))
                }
                guard let card = card(person) else {
                    problems.append(Bilingual("\(at) (\(person.name)) has role `\(person.role)`, which no scorecard covers",
                                              "\(atZh)（\(person.name)）的岗位是 `\(person.role)`，没有考核表覆盖这个岗位"))
                    continue
                }
                if !hasLine(person, row.line) {
                    problems.append(Bilingual("\(at) (\(person.name)) is scored on `\(card.name)`, which has no line `\(row.line)`",
                                              "\(atZh)（\(person.name)）按考核表 `\(card.name)` 评分，但它没有考核项 `\(row.line)`"))
                }
            case .shop(let shop):
                let runners = scored.filter { $0.shops.contains(shop) }
                if runners.isEmpty {
                    problems.append(Bilingual("\(at): nobody scored on the roster runs this shop (the roster's shops column)",
                                              "\(atZh)：花名册上参与评分的人中，没有人经营这家店铺（见花名册的 `shops` 列）"))
                } else if !runners.contains(where: { hasLine($0, row.line) }) {
                    problems.append(Bilingual("\(at): the scorecards of those who run it (\(Self.names(runners))) have no line `\(row.line)`",
                                              "\(atZh)：经营它的人（\(Self.names(runners, separator: "、"))）的考核表中没有考核项 `\(row.line)`"))
                }
            case .team(let team):
                let members = scored.filter { $0.team == team }
                if members.isEmpty {
                    problems.append(Bilingual("\(at): nobody scored on the roster is on this team",
                                              "\(atZh)：花名册上参与评分的人中，没有人在这个团队"))
                } else if !members.contains(where: { hasLine($0, row.line) }) {
                    problems.append(Bilingual("\(at): the scorecards of its members (\(Self.names(members))) have no line `\(row.line)`",
                                              "\(atZh)：它的成员（\(Self.names(members, separator: "、"))）的考核表中没有考核项 `\(row.line)`"))
                }
            }
        }
        // Two shops' targets for one person in the same days would need a rule (sum them? the larger?) no
        // one declared; a row of the person's own covering those days settles it.
        for person in scored {
            for line in Set(rows.map(\.line)).sorted() {
                let shopRows = rows.filter { row in
                    if case .shop(let shop) = row.subject { row.line == line && person.shops.contains(shop) } else { false }
                }
                let own = rows.filter { $0.subject == .employee(person.id) && $0.line == line }
                var clashes: [(Row, Row, CivilDate)] = []
                for (index, a) in shopRows.enumerated() {
                    for b in shopRows[(index + 1)...] where a.subject != b.subject {
                        guard let overlap = Self.overlap(a.span, b.span), !Self.covers(own, overlap) else { continue }
                        clashes.append((a, b, overlap.start))
                    }
                }
                guard let earliest = clashes.map(\.2).min() else { continue }
                let involved = clashes.flatMap { [$0.0, $0.1] }
                let subjects = Set(involved.map(\.subject)).sorted()
                let shops = subjects.map(\.description).joined(separator: " and "), shopsZh = subjects.map(\.zh).joined(separator: " 和 ")
                var origins: [String] = []
                for row in shopRows where involved.contains(row) && !origins.contains(row.origin) { origins.append(row.origin) }
                problems.append(Bilingual(
                    "\(person.id) (\(person.name)) runs \(shops), each with a target for `\(line)` in the same days "
                        + "(\(origins.joined(separator: ", "))); give \(person.id) a row of their own for `\(line)` "
                        + "in force from \(earliest) or earlier",
                    "\(person.id)（\(person.name)）经营 \(shopsZh)，它们在相同的日子里各有一个 `\(line)` 目标"
                        + "（\(origins.joined(separator: "、"))）；请给 \(person.id) 单独写一行 `\(line)` 目标，"
                        + "从 \(earliest) 或更早开始生效"))
            }
        }
        return problems
    }

    /// When two rows can both apply to one period: the period they share, or the day from which both are
    /// in force. Nil when they never meet (different periods, or a dated row after the period ends).
    static func overlap(_ a: Span, _ b: Span) -> (period: Period?, start: CivilDate)? {
        switch (a, b) {
        case (.period(let p), .period(let q)): return p == q ? (p, p.start) : nil
        case (.from(let day), .period(let p)), (.period(let p), .from(let day)): return day <= p.end ? (p, p.start) : nil
        case (.from(let d), .from(let e)): return (nil, max(d, e))
        }
    }

    /// Whether the person's own rows take over for the whole of an overlap.
    static func covers(_ own: [Row], _ overlap: (period: Period?, start: CivilDate)) -> Bool {
        own.contains { row in
            switch row.span {
            case .period(let p): overlap.period == p
            case .from(let day): day <= overlap.start
            }
        }
    }

    /// The first three people (`E1 张三, E2 李四, …`), joined by `separator` (`、` in Chinese).
    private static func names(_ people: [Employee], separator: String = ", ") -> String {
        let shown = people.prefix(3).map { "\($0.id) \($0.name)" }.joined(separator: separator)
        return people.count > 3 ? shown + separator + "…" : shown
    }
}
