/// What a fact row aggregates over.
public enum ScopeType: String, Sendable, Codable, CaseIterable, Comparable {
    case company, platform, shop, team, employee, provider

    public static func < (lhs: ScopeType, rhs: ScopeType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
