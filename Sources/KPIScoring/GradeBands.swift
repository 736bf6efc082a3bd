import Foundation

/// Total points → grade: the first band whose minimum the total reaches, else the fallback.
package struct GradeBands: Sendable, Hashable {
    package var bands: [(grade: String, minimum: Decimal)]
    package var fallback: String

    /// The default bands: S ≥ 110, A ≥ 95, B ≥ 80, C ≥ 60, D below.
    package static let standard = GradeBands([("S", 110), ("A", 95), ("B", 80), ("C", 60)], fallback: "D")

    package init(_ bands: [(grade: String, minimum: Decimal)], fallback: String) {
        self.bands = bands.sorted { $0.minimum > $1.minimum }
        self.fallback = fallback
    }

    package func grade(_ total: Decimal) -> String {
        bands.first { total >= $0.minimum }?.grade ?? fallback
    }

    package static func == (a: GradeBands, b: GradeBands) -> Bool {
        a.fallback == b.fallback && a.bands.map(\.grade) == b.bands.map(\.grade) && a.bands.map(\.minimum) == b.bands.map(\.minimum)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(fallback)
        for band in bands { hasher.combine(band.grade); hasher.combine(band.minimum) }
    }

    /// The grade of a vetoed card.
    package static let veto = "VETO"
    /// The grade of a card none of whose lines had data.
    package static let noData = "NO_DATA"
}
