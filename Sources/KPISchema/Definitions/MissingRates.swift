import Foundation

/// The rates one pass over the records could not find, so a run names them all at once with the rows to
/// add, instead of one currency-day per attempt.
///
/// A reference shared by the metric pass and the reconciler's thread, hence the lock. An ``FXTable``
/// collecting into it answers nil for a missing rate (``FXTable/convertIfKnown(_:to:on:)``), which the
/// metric pass leaves out as unknown money, or 0 (``FXTable/convert(_:to:on:)``), which is why the refresh
/// drops all money reconciliation while ``error`` is not nil.
package final class MissingRates: @unchecked Sendable {
    private let lock = NSLock()
    private var pairs: [String: (from: String, to: String, dates: Set<CivilDate>)] = [:]
    private var maxCarryDays = 0
    /// Another collector every miss is also recorded in: the metric pass's misses are the refresh's too.
    private let also: MissingRates?

    package init(also: MissingRates? = nil) {
        self.also = also
    }

    func record(_ error: FXError) {
        guard case let .missingRate(from, to, date, carry) = error else { return }
        lock.lock()
        defer { lock.unlock() }
        pairs["\(from)>\(to)", default: (from, to, [])].dates.insert(date)
        maxCarryDays = carry
        also?.record(error)
    }

    /// Every missing rate as one error, or nil when none is missing.
    package var error: MissingRatesError? {
        lock.lock()
        defer { lock.unlock() }
        guard !pairs.isEmpty else { return nil }
        return MissingRatesError(needed: pairs.keys.sorted().map { key in
            let pair = pairs[key]!
            return (pair.from, pair.to, pair.dates.sorted())
        }, maxCarryDays: maxCarryDays)
    }
}

/// The rates a refresh needs and the fx table lacks, with a block of rows ready to fill in.
package struct MissingRatesError: Error, Sendable, CustomStringConvertible {
    /// Per pair, every day an amount needed its rate.
    package var needed: [(from: String, to: String, dates: [CivilDate])]
    package var maxCarryDays: Int
    /// Whether facts wait for these rates, or only the reconciliation of money (an amount converted into the
    /// other profile's currency on its own day).
    package var factsHeldBack = true

    /// The fewest rows that cover every day: a rate carries forward `maxCarryDays`, so a row is needed
    /// on the first uncovered day and then after each carry runs out.
    package var rows: [String] {
        needed.flatMap { pair -> [String] in
            var rows: [String] = []
            var coveredThrough: CivilDate?
            for date in pair.dates where coveredThrough.map({ date > $0 }) ?? true {
                rows.append("\(date),\(pair.from),\(pair.to),RATE")
                coveredThrough = date.adding(days: maxCarryDays)
            }
            return rows
        }
    }

    package var description: String { description(.en) }

    package func description(_ l: DisplayLanguage) -> String {
        let days = needed.map(\.dates.count).reduce(0, +)
        let pairs = needed.map { pair in
            "\(pair.from)→\(pair.to) \(pair.dates.first!)"
                + (pair.dates.count > 1 ? l.pick("…\(pair.dates.last!) (\(pair.dates.count) days)", "…\(pair.dates.last!)（\(pair.dates.count) 天）") : "")
        }
        return l.pick(
            "no fx rate for \(days) currency-day\(days == 1 ? "" : "s") the records need: \(pairs.joined(separator: ", ")); "
                + (factsHeldBack ? "gmv and aov (and the gmv growth that compares with them) are left out of the periods and scopes those records count in, and money is not reconciled, until "
                    + "the rates are there (every other fact is written). "
                   : "money is not reconciled until the rates are there (every fact is written). ")
                + "Add these rows to the fx table (a rate carries forward \(maxCarryDays) days), with RATE filled in:\n",
            "记录需要的 \(days) 个（币种，日期）组合没有汇率：\(pairs.joined(separator: "，"))；"
                + (factsHeldBack ? "在汇率补齐之前，这些记录所在的周期和范围不计 gmv 和 aov（以及与之比较的 gmv 增长），金额也不对账（其他事实照常写入）。"
                   : "在汇率补齐之前，金额不对账（所有事实照常写入）。")
                + "请把下面这些行加入汇率表（一个汇率向后沿用 \(maxCarryDays) 天），并把 RATE 换成汇率：\n")
            + rows.map { "  " + $0 }.joined(separator: "\n")
    }
}
