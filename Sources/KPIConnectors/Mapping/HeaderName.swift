import Foundation

/// Header text reduced to what identifies a column across marketplaces and Excel re-saves.
///
/// Full-width characters become half-width (NFKC), case is folded, every dash variant becomes `-`
/// and runs of white space become one space. Matching is on the whole normalized text only:
/// prefix matching would let `Sessions - Total` pick `Sessions - Total - B2B`.
public struct HeaderName: Sendable, Hashable, CustomStringConvertible {
    public let normalized: String

    public init(_ text: String) {
        var folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        folded = String(folded.unicodeScalars.map { scalar -> Character in
            switch scalar.value {
            case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: "-"
            case 0xFEFF: " "
            default: Character(scalar)
            }
        })
        normalized = folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    public var description: String { normalized }

    /// Levenshtein distance between normalized names, for "did you mean" suggestions.
    public func distance(to other: HeaderName) -> Int {
        let a = Array(normalized), b = Array(other.normalized)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The header in `candidates` closest to any of `wanted`, when it is close enough to be a likely typo.
    public static func closest(to wanted: [HeaderName], among candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let name = HeaderName(candidate)
            for target in wanted {
                let d = name.distance(to: target)
                let limit = Swift.max(2, target.normalized.count / 3)
                if d <= limit, best == nil || d < best!.distance { best = (candidate, d) }
            }
        }
        return best?.name
    }
}
