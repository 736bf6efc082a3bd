import Foundation
import KPISchema

/// The plain-data records the metric pass reads besides orders: advertising, settlement fees, tickets, stock,
/// traffic, tasks and reviews, each added to the periods and scopes it counts in.
extension MetricAccumulator {
    /// Adds one day of one ad's advertising: spend, and the sales attributed in each profile's window,
    /// to the company, the platform, the shop and whoever owns the shop and SKU. Ad reports are per
    /// calendar day as the console wrote them, so the day is taken as written.
    package mutating func add(ad record: FlatRecord) throws(FXError) {
        guard case .date(let date)? = record["date"], case .decimal(let spend)? = record["spend"] else { return }
        let shop = record["shop"]?.storageText ?? "", sku = record["sku"]?.storageText
        let attribution = engine.attribution
        var scopes = scopes(kind: "ads", on: date) { attribution.owners(shop: shop, sku: sku, on: $0) }
        if let platform = record["platform"]?.storageText { scopes.append((.platform, platform)) }
        scopes.append((.shop, shop))
        let currency = record["currency"]?.storageText
        for index in versions.indices {
            let profile = versions[index]
            let window = profile.adAttribution
            var sales: Decimal?
            if case .decimal(let value)? = record[window.salesField] {
                sales = value
            } else if case .integer(0)? = record[window.ordersField] {
                sales = 0  // no order attributed, so no sales: the console leaves the cell empty
            }
            // Spend without a currency has no rate to convert at: it is unpriced, never taken as the profile's.
            let spent = try currency.map { c throws(FXError) in try engine.fx.convertIfKnown(Money(spend, c), to: profile.currency, on: date) } ?? nil
            let earned = try sales.flatMap { value throws(FXError) in
                try currency.map { c throws(FXError) in try engine.fx.convertIfKnown(Money(value, c), to: profile.currency, on: date) } ?? nil
            }
            credit(.ad, record, version: index, day: date, scopes: scopes)
            Self.update(on: date, profile: profile, scopes: scopes, engine: engine, cells: &cells[index]) { t in
                t.adRows += 1
                t.adShops.insert(shop)
                if let spent { t.adSpend += spent } else { t.unpricedAds += 1 }
                if let earned { t.adSales += earned } else { t.adSalesUnknown += 1 }
            }
        }
    }

    /// Adds one settlement fee row on the day it was posted, to the company, the platform, its shop and
    /// the shop's (and SKU's) owners. Amounts are signed as settlements write them, a charge negative;
    /// fees are their negation. A row without a posting time has no day to count on and is left out.
    package mutating func add(fee record: FlatRecord) throws(FXError) {
        let shop = record["shop"]?.storageText
        if let shop, case .timestamp(let from)? = record["settlement_start"], case .timestamp(let to)? = record["settlement_end"] {
            settled.add(shop: shop, from: from.instant, to: to.instant)
        }
        guard MarginFee.isMarginFee(record["description"]?.storageText),
              case .timestamp(let posted)? = record["posted_at"], case .decimal(let amount)? = record["amount"],
              case .text(let currency)? = record["currency"] else { return }
        let description = record["description"]?.storageText, sku = record["sku"]?.storageText
        for index in versions.indices {
            let profile = versions[index]
            guard MarginFee.deducts(description, under: profile.marginFees) else { continue }
            let date = profile.zone.date(of: posted.instant)
            // The shop's (and SKU's) owners on the day it was posted.
            var scopes: [(ScopeType, String)] = [(.company, "all")]
            if let shop { scopes += engine.attribution.scopes(of: engine.attribution.owners(shop: shop, sku: sku, on: date)) }
            if let platform = record["platform"]?.storageText { scopes.append((.platform, platform)) }
            if let shop { scopes.append((.shop, shop)) }
            let fee = try engine.fx.convertIfKnown(Money(-amount, currency), to: profile.currency, on: date)
            credit(.fee, record, version: index, day: date, scopes: scopes)
            Self.update(on: date, profile: profile, scopes: scopes, engine: engine, cells: &cells[index]) { t in
                t.feeRows += 1
                if let fee { t.fees += fee } else { t.unpricedFees += 1 }
            }
        }
    }

    /// Adds one client term on the day it ends (a calendar date, as written), to the company and whoever the
    /// roster says serves the client: a provider row, or a person (and their team and provider).
    package mutating func add(contract record: FlatRecord) {
        guard case .date(let due)? = record["due_on"] else { return }
        let provider = record["provider"]?.storageText, attribution = engine.attribution
        let scopes = scopes(kind: "contracts", on: due) { attribution.person(provider, on: $0).map { [$0] } ?? [] }
        let outcome = record["outcome"]?.storageText
        for index in versions.indices {
            credit(.contract, record, version: index, day: due, scopes: scopes)
            Self.update(on: due, profile: versions[index], scopes: scopes, engine: engine, cells: &cells[index]) { t in
                t.contractsDue += 1
                switch outcome {
                case "renewed": t.contractsRenewed += 1
                case "lost": break
                default: t.contractsUndecided += 1
                }
            }
        }
    }

    /// Adds one help-desk ticket: response time, SLA and satisfaction, for the company, its agent and its
    /// group's owners on the day it was created (its solving counts for them too).
    package mutating func add(ticket record: FlatRecord) {
        let views = versions.map { TicketView(record, profile: $0) }
        let agent = record["agent"]?.storageText, group = record["group_name"]?.storageText, attribution = engine.attribution
        let owned = scopes(kind: "tickets", day: { views[$0]?.createdDate }) {
            attribution.ticketOwners(agent: agent, group: group, on: $0)
        }
        for index in versions.indices {
            guard let view = views[index], let scopes = owned[index]?.scopes else { continue }
            let hours = view.responseHours, inSLA = view.withinSLA == true, rating = view.ratedGood
            if let solved = view.solvedDate, let handle = view.handleHours {
                let firstContact = view.firstContactResolved
                credit(.ticketSolved, record, version: index, day: solved, scopes: scopes)
                Self.update(on: solved, profile: versions[index], scopes: scopes, engine: engine, cells: &cells[index]) { t in
                    t.solvedTickets += 1
                    t.handleHours += handle
                    if let firstContact {
                        t.solvedWithContacts += 1
                        if firstContact { t.firstContactResolved += 1 }
                    }
                }
            }
            let complaint = view.isComplaint
            credit(.ticketCreated, record, version: index, day: view.createdDate, scopes: scopes)
            Self.update(on: view.createdDate, profile: versions[index], scopes: scopes, engine: engine,
                        cells: &cells[index]) { t in
                t.createdTickets += 1
                if let complaint {
                    t.taggedTickets += 1
                    if complaint { t.complaintTickets += 1 }
                }
                if let hours {
                    t.answeredTickets += 1
                    t.responseHours += hours
                    if inSLA { t.answeredInSLA += 1 }
                }
                if let rating {
                    t.ratedTickets += 1
                    if rating { t.goodTickets += 1 }
                }
            }
        }
    }

    /// Adds one inventory snapshot row (company scope): stockout, and the day's units and value at cost.
    package mutating func add(stock record: FlatRecord) throws(FXError) {
        for index in versions.indices {
            let profile = versions[index]
            guard let view = StockView(record, profile: profile), let stockout = view.isStockout,
                  let quantity = view.quantity else { continue }
            var value: Decimal?
            let sku = record["sku"]?.storageText ?? ""
            if let cost = engine.costs.unitCost(of: sku, on: view.date, basis: profile.costBasis) {
                value = try engine.fx.convertIfKnown(cost, to: profile.currency, on: view.date).map { $0 * Decimal(quantity) }
            }
            let day = view.date
            credit(.stock, record, version: index, day: day, scopes: [(.company, "all")])
            Self.update(on: day, profile: profile, scopes: [(.company, "all")], engine: engine, cells: &cells[index]) { t in
                t.stockDays += 1
                if stockout { t.stockoutDays += 1 }
                t.stockSKUs.insert(sku)
                t.stockLevels[day, default: StockLevel()].units += quantity
                if let value { t.stockLevels[day]!.value += value } else { t.stockLevels[day]!.uncosted += 1 }
            }
        }
    }

    /// Adds one traffic row to every period that contains its whole date range (a month's Business
    /// Report counts in its month and quarter, not in any day or week).
    package mutating func add(traffic record: FlatRecord) {
        guard case .date(let first)? = record["period_start"], case .date(let last)? = record["period_end"],
              case .integer(let sessions)? = record["sessions"] else { return }
        let shop = record["shop"]?.storageText ?? "", sku = record["sku"]?.storageText, attribution = engine.attribution
        // Sessions cannot be split by day: they count for whoever owned the item on every day of the range.
        var scopes = scopes(kind: "traffic", from: first, through: last) { attribution.owners(shop: shop, sku: sku, on: $0) }
        if let platform = record["platform"]?.storageText { scopes.append((.platform, platform)) }
        scopes.append((.shop, shop))
        var pageViews = 0, ordered = 0
        if case .integer(let v)? = record["page_views"] { pageViews = v }
        if case .integer(let v)? = record["order_items"] { ordered = v } else if case .integer(let v)? = record["units"] { ordered = v }
        for index in versions.indices {
            credit(.traffic, record, version: index, day: first, through: last, scopes: scopes)
            Self.update(on: first, through: last, profile: versions[index], scopes: scopes, engine: engine,
                        cells: &cells[index]) { t in
                t.trafficRows += 1
                t.sessions += sessions
                t.pageViews += pageViews
                t.trafficOrders += ordered
            }
        }
    }

    /// Adds one task to the period of its due day: on time when delivered by the due time. A task
    /// not yet delivered counts (as late) only once its due time has passed `engine.asOf`.
    package mutating func add(task record: FlatRecord) {
        guard case .timestamp(let due)? = record["due_at"] else { return }
        var delivered: Instant?
        if case .timestamp(let at)? = record["delivered_at"] { delivered = at.instant }
        if delivered == nil, let asOf = engine.asOf, due.instant > asOf { return }
        let onTime = delivered.map { $0 <= due.instant } ?? false
        let assignee = record["assignee"]?.storageText, attribution = engine.attribution
        let zones = versions.map(\.zone)
        let owned = scopes(kind: "tasks", day: { zones[$0].date(of: due.instant) }) { attribution.person(assignee, on: $0).map { [$0] } ?? [] }
        for index in versions.indices {
            guard let (day, scopes) = owned[index] else { continue }
            credit(.task, record, version: index, day: day, scopes: scopes)
            Self.update(on: day, profile: versions[index], scopes: scopes,
                        engine: engine, cells: &cells[index]) { t in
                t.tasksDue += 1
                if onTime { t.tasksOnTime += 1 }
            }
        }
    }

    /// Adds one review: a handled 1–2★ review counts its hours from written to handled.
    package mutating func add(review record: FlatRecord) {
        guard case .integer(let rating)? = record["rating"], rating <= 2,
              case .timestamp(let created)? = record["created_at"] else { return }
        let handler = record["handler"]?.storageText, shop = record["shop"]?.storageText ?? "", sku = record["sku"]?.storageText
        let attribution = engine.attribution
        // Its handler that day, else whoever owned the item the day it was written.
        let zones = versions.map(\.zone)
        let owned = scopes(kind: "reviews", day: { zones[$0].date(of: created.instant) }) { day in
            attribution.person(handler, on: day).map { [$0] } ?? attribution.owners(shop: shop, sku: sku, on: day)
        }
        guard case .timestamp(let handled)? = record["handled_at"] else { return }
        let hours = Decimal(handled.instant.secondsSinceEpoch - created.instant.secondsSinceEpoch) / 3600
        for index in versions.indices {
            guard let (day, scopes) = owned[index] else { continue }
            credit(.review, record, version: index, day: day, scopes: scopes)
            Self.update(on: day, profile: versions[index], scopes: scopes,
                        engine: engine, cells: &cells[index]) { t in
                t.negativeReviewsHandled += 1
                t.reviewHandleHours += hours
            }
        }
    }
}
