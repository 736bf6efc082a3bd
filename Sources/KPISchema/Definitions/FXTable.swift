import Foundation

/// Daily exchange rates, looked up by the date an amount belongs to.
///
/// A rate is carried forward over gaps (weekends, holidays) for at most ``maxCarryDays``; beyond that
/// the lookup fails loudly, because a silent 1.0 would turn CNY into USD unnoticed. A pair the table
/// does not list, either way round, is converted through a pivot currency it lists both legs of (GBP→CNY
/// as GBP→USD→CNY), the pivots tried in name order so the result never depends on the table's order.
package struct FXTable: Sendable {
    package struct Rate: Sendable, Hashable {
        package var date: CivilDate
        package var from: String
        package var to: String
        package var rate: Decimal
        /// Where the rate was written (`fx_rates.csv:12`, `inbox/fx/外汇牌价.csv:4`), for messages.
        package var origin: String?

        package init(date: CivilDate, from: String, to: String, rate: Decimal, origin: String? = nil) {
            self.date = date
            self.from = from
            self.to = to
            self.rate = rate
            self.origin = origin
        }
    }

    package let maxCarryDays: Int
    /// The rates as given, each once.
    package let rates: [Rate]
    private var series: [String: [(date: CivilDate, rate: Decimal)]] = [:]
    /// Currencies named in the table, sorted: the pivots.
    private var currencies: [String] = []
    /// When set, a missing rate is recorded here instead of throwing, so one pass can name every missing
    /// rate: ``convertIfKnown(_:to:on:)`` answers nil, ``convert(_:to:on:)`` 0 — whoever sets it must not
    /// keep a number built on such a 0 (see ``MissingRates``).
    private var misses: MissingRates?

    package init(rates: [Rate], maxCarryDays: Int = 7) {
        self.maxCarryDays = maxCarryDays
        self.rates = rates
        for rate in rates {
            series["\(rate.from)>\(rate.to)", default: []].append((rate.date, rate.rate))
        }
        for key in series.keys { series[key]!.sort { $0.date < $1.date } }
        currencies = Set(rates.flatMap { [$0.from, $0.to] }).sorted()
    }

    /// This table, recording missing rates in `misses` instead of throwing.
    package func collectingMisses(in misses: MissingRates) -> FXTable {
        var table = self
        table.misses = misses
        return table
    }

    /// Every rate as `FROM>TO date rate` lines in a fixed order: what a digest of the table reads.
    package var canonicalText: String {
        series.keys.sorted().flatMap { pair in
            series[pair]!.map { "\(pair) \($0.date) \($0.rate.plainString)" }
        }.joined(separator: "\n")
    }

    /// The rate converting `from` into `to` on `date`; the inverse pair is used when only it is listed.
    package func rate(from: String, to: String, on date: CivilDate) throws(FXError) -> Decimal {
        try quote(from: from, to: to, on: date).reduce(Decimal(1)) { $1.apply(to: $0) }
    }

    /// Converts `money` into `currency` at `date`'s rate. An inverse pair divides rather than
    /// multiplying by a rounded reciprocal, so 72 CNY at 7.20 is exactly 10 USD.
    package func convert(_ money: Money, to currency: String, on date: CivilDate) throws(FXError) -> Decimal {
        try quote(from: money.currency, to: currency, on: date).reduce(money.amount) { $1.apply(to: $0) }
    }

    /// Converts `money` into `currency` at `date`'s rate, or answers nil when no rate is known and this
    /// table collects misses (the miss is recorded): the caller leaves the amount out of what it computes
    /// instead of counting it as 0. A table that does not collect throws, as ``convert(_:to:on:)`` does.
    package func convertIfKnown(_ money: Money, to currency: String, on date: CivilDate) throws(FXError) -> Decimal? {
        guard let steps = steps(from: money.currency, to: currency, on: date) else {
            try miss(from: money.currency, to: currency, on: date)
            return nil
        }
        return steps.reduce(money.amount) { $1.apply(to: $0) }
    }

    /// One leg of a conversion.
    private enum Step {
        case direct(Decimal)
        case inverse(Decimal)

        func apply(to amount: Decimal) -> Decimal {
            switch self {
            case .direct(let rate): amount * rate
            case .inverse(let rate): amount / rate
            }
        }
    }

    private func quote(from: String, to: String, on date: CivilDate) throws(FXError) -> [Step] {
        if let steps = steps(from: from, to: to, on: date) { return steps }
        try miss(from: from, to: to, on: date)
        return [.direct(0)]
    }

    /// A rate this table lacks: recorded when it collects misses, thrown otherwise.
    private func miss(from: String, to: String, on date: CivilDate) throws(FXError) {
        let error = FXError.missingRate(from: from, to: to, date: date, maxCarryDays: maxCarryDays)
        guard let misses else { throw error }
        misses.record(error)
    }

    /// The legs converting `from` into `to` on `date` (none for the same currency), or nil when no rate
    /// is known directly, inverted or through a pivot.
    private func steps(from: String, to: String, on date: CivilDate) -> [Step]? {
        if from == to { return [] }
        if let leg = leg(from: from, to: to, on: date) { return [leg] }
        for pivot in currencies where pivot != from && pivot != to {
            if let first = leg(from: from, to: pivot, on: date), let second = leg(from: pivot, to: to, on: date) {
                return [first, second]
            }
        }
        return nil
    }

    private func leg(from: String, to: String, on date: CivilDate) -> Step? {
        if let direct = lookup("\(from)>\(to)", on: date) { return .direct(direct) }
        if let inverse = lookup("\(to)>\(from)", on: date), inverse != 0 { return .inverse(inverse) }
        return nil
    }

    private func lookup(_ pair: String, on date: CivilDate) -> Decimal? {
        guard let points = series[pair] else { return nil }
        // Binary search for the last rate on or before `date`.
        var low = 0, high = points.count
        while low < high {
            let mid = (low + high) / 2
            if points[mid].date <= date { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        let found = points[low - 1]
        return found.date.days(until: date) <= maxCarryDays ? found.rate : nil
    }
}

/// A conversion the fx table cannot make.
package enum FXError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingRate(from: String, to: String, date: CivilDate, maxCarryDays: Int)

    package var description: String {
        switch self {
        case let .missingRate(from, to, date, carry):
            "no fx rate \(from)→\(to) for \(date) (nor within the \(carry) days before it); add a row `\(date),\(from),\(to),RATE` to the fx table"
        }
    }
}
