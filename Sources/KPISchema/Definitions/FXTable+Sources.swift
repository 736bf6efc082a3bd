/// Two places that give one currency pair different rates for one day: which is right is for a person
/// to say, so no fact is computed with either.
package struct FXConflict: Error, Sendable, CustomStringConvertible {
    package var conflicts: [(FXTable.Rate, FXTable.Rate)]

    package var description: String { sentence.en }

    /// The count, the first five conflicts with where each rate came from, and what to do.
    package var sentence: Bilingual {
        let shown = conflicts.prefix(5).map { a, b in
            Bilingual("  \(a.from)→\(a.to) \(a.date): \(a.rate.plainString) (\(a.origin ?? "?")) and \(b.rate.plainString) (\(b.origin ?? "?"))",
                      "  \(a.from)→\(a.to) \(a.date)：\(a.rate.plainString)（\(a.origin ?? "?")）与 \(b.rate.plainString)（\(b.origin ?? "?")）")
        }
        let n = conflicts.count
        let more = n > 5 ? [Bilingual("  … and \(n - 5) more", "  ……另有 \(n - 5) 处")] : []
        let heading = Bilingual("\(n) exchange rate\(n == 1 ? " is" : "s are") given twice with different values; nothing was recomputed. Keep one of each:",
                                "\(n) 个汇率被给出两次且取值不同；未重新计算任何内容。每处请只保留一个：")
        return Bilingual.joined([heading] + shown + more, en: "\n", zh: "\n")
    }
}

extension FXTable {
    /// Whether `code` is written as an ISO 4217 code (`USD`, `CNY`): three upper-case ASCII letters.
    package static func isCurrencyCode(_ code: String) -> Bool {
        code.count == 3 && code.allSatisfy { $0.isASCII && $0.isUppercase }
    }

    /// One table of every rate `sources` give (the workspace's fx table, rate files loaded from the inbox):
    /// a pair and day given twice alike counts once; given twice differently, it is an ``FXConflict``.
    package static func combining(_ sources: [[Rate]], maxCarryDays: Int) throws(FXConflict) -> FXTable {
        var seen: [String: Rate] = [:]
        var kept: [Rate] = []
        var conflicts: [(Rate, Rate)] = []
        for rate in sources.joined() {
            let key = "\(rate.from)>\(rate.to)@\(rate.date)"
            if let first = seen[key] {
                if first.rate != rate.rate { conflicts.append((first, rate)) }
                continue
            }
            seen[key] = rate
            kept.append(rate)
        }
        guard conflicts.isEmpty else { throw FXConflict(conflicts: conflicts) }
        return FXTable(rates: kept, maxCarryDays: maxCarryDays)
    }
}
