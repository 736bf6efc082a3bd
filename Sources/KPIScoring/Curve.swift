import Foundation

/// How a line turns actual-versus-target into achievement.
package enum Curve: Sendable, Hashable {
    /// actual ÷ target (target ÷ actual when lower is better), clamped to [0, cap].
    case linear(cap: Decimal)
    /// Pass/fail bands: the first band the actual reaches gives the achievement; none reached gives 0.
    case bands([Band])

    package struct Band: Sendable, Hashable {
        /// The actual a value must reach (at least when higher is better, at most when lower is).
        package var at: Decimal
        package var achievement: Decimal

        package init(at: Decimal, achievement: Decimal) {
            self.at = at
            self.achievement = achievement
        }
    }

    /// Bands read no target.
    package var isBands: Bool {
        if case .bands = self { return true }
        return false
    }

    /// The achievement of `actual` against `target` (bands ignore the target).
    package func achievement(actual: Decimal, target: Decimal?, lowerIsBetter: Bool) -> Decimal? {
        switch self {
        case .linear(let cap):
            guard let target, target > 0 else { return nil }
            let raw: Decimal
            if lowerIsBetter {
                raw = actual <= 0 ? cap : target / actual
            } else {
                raw = actual / target
            }
            return min(max(raw, 0), cap).rounded(scale: 4)
        case .bands(let bands):
            let ordered = bands.sorted { lowerIsBetter ? $0.at < $1.at : $0.at > $1.at }
            let hit = ordered.first { lowerIsBetter ? actual <= $0.at : actual >= $0.at }
            return hit?.achievement ?? 0
        }
    }

    /// The linear achievement before its cap when the cap cut it; nil when it did not, for bands, and for
    /// a lower-is-better actual of 0 (no finite ratio to show).
    package func uncapped(actual: Decimal, target: Decimal?, lowerIsBetter: Bool) -> Decimal? {
        guard case .linear(let cap) = self, let target, target > 0, !(lowerIsBetter && actual <= 0) else { return nil }
        let raw = (lowerIsBetter ? target / actual : actual / target).rounded(scale: 4)
        return raw > cap ? raw : nil
    }
}
