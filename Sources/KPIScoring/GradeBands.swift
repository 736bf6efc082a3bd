import Foundation

/// Total points → grade: the first band whose minimum the total reaches, else the fallback.
public struct GradeBands: Sendable, Hashable {
    public var bands: [(grade: String, minimum: Decimal)]
    public var fallback: String

    /// DOMAIN.md's defaults: S ≥ 110, A ≥ 95, B ≥ 80, C ≥ 60, D below.
    public static let standard = GradeBands([("S", 110), ("A", 95), ("B", 80), ("C", 60)], fallback: "D")

    public init(_ bands: [(grade: String, minimum: Decimal)], fallback: String) {
        self.bands = bands.sorted { $0.minimum > $1.minimum }
        self.fallback = fallback
    }

    public func grade(_ total: Decimal) -> String {
        bands.first { total >= $0.minimum }?.grade ?? fallback
    }

    public static func == (a: GradeBands, b: GradeBands) -> Bool {
        a.fallback == b.fallback && a.bands.map(\.grade) == b.bands.map(\.grade) && a.bands.map(\.minimum) == b.bands.map(\.minimum)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fallback)
        for band in bands { hasher.combine(band.grade); hasher.combine(band.minimum) }
    }

    /// The grade of a vetoed card.
    public static let veto = "VETO"
    /// The grade of a card none of whose lines had data.
    public static let noData = "NO_DATA"
}
