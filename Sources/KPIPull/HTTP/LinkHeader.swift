import Foundation

/// RFC 8288 `Link` headers, as Shopify pages with them.
package enum LinkHeader {
    /// The URL of the link with relation `rel` (`next`), used verbatim.
    package static func url(in header: String?, rel: String) -> URL? {
        guard let header else { return nil }
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let target = pieces.first, target.hasPrefix("<"), target.hasSuffix(">") else { continue }
            let relations = pieces.dropFirst().compactMap { piece -> [Substring]? in
                let pair = piece.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == "rel" else { return nil }
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\" ")).split(separator: " ")
            }.joined()
            if relations.contains(where: { $0 == rel }) { return URL(string: String(target.dropFirst().dropLast())) }
        }
        return nil
    }
}
