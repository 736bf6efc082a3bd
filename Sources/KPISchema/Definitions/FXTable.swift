import Foundation

/// Daily exchange rates, looked up by the date an amount belongs to.
///
/// A rate is carried forward over gaps (weekends, holidays) for at most ``maxCarryDays``; beyond that
/// the lookup fails loudly, because a silent 1.0 would turn CNY into USD unnoticed.
package struct FXTable: Sendable {
    package struct Rate: Sendable, Hashable {
        package var date: CivilDate
        package var from: String
        package var to: String
        package var rate: Decimal

        package init(date: CivilDate, from: String, to: String, rate: Decimal) {
            self.date = date
            self.from = from
            self.to = to
            self.rate = rate
        }
    }

    package let maxCarryDays: Int
    private var series: [String: [(date: CivilDate, rate: Decimal)]] = [:]

    package init(rates: [Rate], maxCarryDays: Int = 7) {
        self.maxCarryDays = maxCarryDays
        for rate in rates {
            series["\(rate.from)>\(rate.to)", default: []].append((rate.date, rate.rate))
        }
        for key in series.keys { series[key]!.sort { $0.date < $1.date } }
    }

    /// Every rate as `FROM>TO date rate` lines in a fixed order: what a digest of the table reads.
    package var canonicalText: String {
        series.keys.sorted().flatMap { pair in
            series[pair]!.map { "\(pair) \($0.date) \($0.rate.plainString)" }
        }.joined(separator: "\n")
    }

    /// The rate converting `from` into `to` on `date`; the inverse pair is used when only it is listed.
    package func rate(from: String, to: String, on date: CivilDate) throws(FXError) -> Decimal {
        switch try quote(from: from, to: to, on: date) {
        case .direct(let rate): rate
        case .inverse(let rate): 1 / rate
        }
    }

    /// Converts `money` into `currency` at `date`'s rate. An inverse pair divides rather than
    /// multiplying by a rounded reciprocal, so 72 CNY at 7.20 is exactly 10 USD.
    package func convert(_ money: Money, to currency: String, on date: CivilDate) throws(FXError) -> Decimal {
        switch try quote(from: money.currency, to: currency, on: date) {
        case .direct(let rate): money.amount * rate
        case .inverse(let rate): money.amount / rate
        }
    }

    private enum Quote {
        case direct(Decimal)
        case inverse(Decimal)
    }

    private func quote(from: String, to: String, on date: CivilDate) throws(FXError) -> Quote {
        if from == to { return .direct(1) }
        if let direct = lookup("\(from)>\(to)", on: date) { return .direct(direct) }
        if let inverse = lookup("\(to)>\(from)", on: date), inverse != 0 { return .inverse(inverse) }
        throw FXError.missingRate(from: from, to: to, date: date, maxCarryDays: maxCarryDays)
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
