/// What a fact row aggregates over.
package enum ScopeType: String, Sendable, Codable, CaseIterable, Comparable {
    case company, platform, shop, team, employee, provider

    package static func < (lhs: ScopeType, rhs: ScopeType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
