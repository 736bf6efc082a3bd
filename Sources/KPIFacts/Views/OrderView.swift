import Foundation
import KPISchema

/// One order as one definition version sees it: which day it was bought and shipped on, what it is
/// worth, which refunds count and when.
///
/// The single place these rules live; the metric pass sums views and reconciliation compares two
/// views of the same order, so a fact and its explanation can never disagree.
///
/// A class, immutable: reconciliation passes views around in tuples and closures, and copying a
/// struct of a dozen reference-counted fields was a tenth of a run's time.
package final class OrderView: Sendable {
    package struct Shipment: Sendable {
        package var event: FulfillmentEvent
        package var date: CivilDate
        /// Paid (or purchased, when the export has no payment time) → shipped.
        package var hours: Decimal
        package var onTime: Bool
    }

    /// A return as the profile dates it, and how its refund closed it.
    package struct CountedReturn: Sendable {
        package var item: Return
        /// The day the return was received, in the profile's zone.
        package var date: CivilDate
        /// The day its refund completed it and the days from receipt (0 when refunded before it arrived);
        /// nil while no dated refund of the order closes it.
        package var closed: (date: CivilDate, days: Decimal)?
    }

    package struct CountedRefund: Sendable {
        package var refund: Refund
        /// The day it is deducted on: when it was issued, or the purchase day when the export has no date.
        package var date: CivilDate
    }

    package let profile: DefinitionProfile
    package let bundle: OrderBundle
    package let purchaseDate: CivilDate
    /// False for cancelled orders, which count only in `ordersSeen`.
    package let counted: Bool
    /// Each line's value in its own currency, tax and shipping added per the profile.
    package let sales: [Money]
    package let units: Int
    package let refunded: Bool
    /// Refunds deducted from sales (net basis only).
    package let refunds: [CountedRefund]
    /// Every refund of a counted order, whatever the sales basis: net sales deducts them.
    package let issuedRefunds: [CountedRefund]
    /// The profile's "shipped" milestone, if recorded and the order is not cancelled.
    package let shipment: Shipment?
    /// Returns of a counted order.
    package let returns: [CountedReturn]

    package init(_ bundle: OrderBundle, profile: DefinitionProfile) {
        self.profile = profile
        self.bundle = bundle
        let order = bundle.order
        let zone = profile.zone
        purchaseDate = zone.date(of: order.purchasedAt.instant)
        counted = !order.isCancelled
        sales = counted ? bundle.lines.map { line in
            var amount = line.amount.amount
            if profile.includeTax { amount += line.tax.amount }
            if profile.includeShipping { amount += line.shipping.amount }
            return Money(amount, line.amount.currency)
        } : []
        units = counted ? bundle.lines.reduce(0) { $0 + $1.quantity } : 0
        refunded = !bundle.refunds.isEmpty
        let purchase = purchaseDate
        issuedRefunds = counted
            ? bundle.refunds.map { CountedRefund(refund: $0, date: $0.refundedAt.map { zone.date(of: $0.instant) } ?? purchase) }
            : []
        refunds = profile.sales == .net ? issuedRefunds : []
        if counted, let event = bundle.events[profile.shipped] {
            let start = order.paidAt?.instant ?? order.purchasedAt.instant
            let seconds = event.occurredAt.instant.secondsSinceEpoch - start.secondsSinceEpoch
            shipment = Shipment(event: event, date: zone.date(of: event.occurredAt.instant),
                                hours: Decimal(seconds) / 3600, onTime: seconds <= Int64(profile.shipSLAHours) * 3600)
        } else {
            shipment = nil
        }
        let refundTimes = bundle.refunds.compactMap { $0.refundedAt?.instant }.sorted()
        returns = counted ? bundle.returns.map { item in
            let received = item.returnedAt.instant
            var closed: (CivilDate, Decimal)?
            if let refund = refundTimes.first(where: { $0 >= received }) {
                closed = (zone.date(of: refund), Decimal(refund.secondsSinceEpoch - received.secondsSinceEpoch) / 86_400)
            } else if !refundTimes.isEmpty {
                closed = (zone.date(of: received), 0)  // refunded before the parcel came back
            }
            return CountedReturn(item: item, date: zone.date(of: received), closed: closed)
        } : []
    }

    /// The sales value in `currency`, or nil when a line's rate is missing and `fx` collects misses
    /// (every line's miss recorded).
    package func salesValueIfKnown(in currency: String, fx: FXTable) throws(FXError) -> Decimal? {
        var total: Decimal? = 0
        for money in sales {
            let converted = try fx.convertIfKnown(money, to: currency, on: purchaseDate)
            total = converted.flatMap { value in total.map { $0 + value } }
        }
        return total
    }

    /// Σ line values converted into `currency` at the purchase day's rate.
    package func salesValue(in currency: String, fx: FXTable) throws(FXError) -> Decimal {
        var total: Decimal = 0
        for money in sales { total += try fx.convert(money, to: currency, on: purchaseDate) }
        return total
    }
}
