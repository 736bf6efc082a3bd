import Foundation

/// Header text reduced to what identifies a column across marketplaces and Excel re-saves.
///
/// Full-width characters become half-width (NFKC), case is folded, every dash variant becomes `-`
/// and runs of white space become one space. Matching is on the whole normalized text only:
/// prefix matching would let `Sessions - Total` pick `Sessions - Total - B2B`.
package struct HeaderName: Sendable, Hashable, CustomStringConvertible {
    package let normalized: String

    package init(_ text: String) {
        // ASCII is its own NFKC form and has no dash variants: fold case and spaces byte by byte,
        // skipping Foundation's normalization (most headers are ASCII; a file may have a million).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for byte in text.utf8 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = !bytes.isEmpty
                    continue
                }
                if pendingSpace { bytes.append(0x20); pendingSpace = false }
                bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            }
            normalized = String(decoding: bytes, as: UTF8.self)
            return
        }
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

    package var description: String { normalized }

    /// Levenshtein distance between normalized names, for "did you mean" suggestions.
    package func distance(to other: HeaderName) -> Int {
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

    /// How many of a header's names are considered for a suggestion: real exports have a few hundred
    /// columns, and a distance per name per missing field over a million-column header would take minutes.
    static let suggestionCandidates = 2_000

    /// The header in `candidates` closest to any of `wanted`, when it is close enough to be a likely typo.
    package static func closest(to wanted: [HeaderName], among candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates.prefix(suggestionCandidates) {
            let name = HeaderName(candidate)
            for target in wanted {
                let limit = Swift.max(2, target.normalized.count / 3)
                // The distance is at least the difference in length.
                guard abs(name.normalized.count - target.normalized.count) <= limit else { continue }
                let d = name.distance(to: target)
                if d <= limit, best == nil || d < best!.distance { best = (candidate, d) }
            }
        }
        return best?.name
    }
}
