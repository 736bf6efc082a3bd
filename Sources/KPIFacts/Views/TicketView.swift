import Foundation
import KPISchema

/// One help-desk ticket as one definition version sees it: the day it was opened and how long the
/// first reply took on the profile's response clock.
package struct TicketView: Sendable {
    package let profile: DefinitionProfile
    package let record: FlatRecord
    package let createdAt: Instant
    package let createdDate: CivilDate
    /// When the first agent reply was sent; nil while unanswered.
    package let repliedAt: Instant?
    /// Hours to the first reply on the profile's clock.
    package let responseHours: Decimal?
    package let withinSLA: Bool?
    /// The customer's satisfaction rating: true when good, false when rated anything else, nil when
    /// the ticket was not rated (survey not offered or not answered).
    package let ratedGood: Bool?
    /// The day it was solved, and the hours from creation on the profile's clock; nil while unsolved.
    package let solvedDate: CivilDate?
    package let handleHours: Decimal?
    /// Solved with one agent reply and never reopened; nil when unsolved or the export does not give
    /// both the replies and the reopens.
    package let firstContactResolved: Bool?
    /// Whether a tag is one of the profile's complaint tags; nil when the profile declares none or the
    /// export did not say which tags the ticket has (no tags column: unknown, not "no complaint").
    package let isComplaint: Bool?

    /// Nil for a record without a creation time (the connector requires one, so only a hand-edited store).
    package init?(_ record: FlatRecord, profile: DefinitionProfile) {
        guard case .timestamp(let created)? = record["created_at"] else { return nil }
        self.profile = profile
        self.record = record
        createdAt = created.instant
        createdDate = profile.zone.date(of: created.instant)
        // Prefer the reply's own time; exports that give only elapsed wall-clock minutes imply it.
        var reply: Instant?
        if case .timestamp(let replied)? = record["first_reply_at"] {
            reply = replied.instant
        } else if case .decimal(let minutes)? = record["first_reply_minutes"] {
            let seconds = NSDecimalNumber(decimal: minutes * 60).int64Value
            reply = Instant(secondsSinceEpoch: created.instant.secondsSinceEpoch + seconds)
        }
        repliedAt = reply
        if let reply {
            let hours = profile.responseTime.hours(from: created.instant, to: reply)
            responseHours = hours
            withinSLA = hours <= Decimal(profile.responseSLAHours)
        } else {
            responseHours = nil
            withinSLA = nil
        }
        ratedGood = record["csat"].flatMap { Self.rating($0.storageText) }
        if case .timestamp(let solved)? = record["solved_at"], solved.instant >= created.instant {
            solvedDate = profile.zone.date(of: solved.instant)
            handleHours = profile.responseTime.hours(from: created.instant, to: solved.instant)
            if case .integer(let replies)? = record["replies"], case .integer(let reopens)? = record["reopens"] {
                firstContactResolved = replies == 1 && reopens == 0
            } else {
                firstContactResolved = nil
            }
        } else {
            solvedDate = nil
            handleHours = nil
            firstContactResolved = nil
        }
        if !profile.complaintTags.isEmpty, case .text(let tags)? = record["tags"] {
            isComplaint = !Self.tags(tags).isDisjoint(with: profile.complaintTags)
        } else {
            isComplaint = nil
        }
    }

    /// Tags as help desks export them: Zendesk separates them with spaces, Freshdesk with commas; compared
    /// in lower case.
    static func tags(_ text: String) -> Set<String> {
        Set(text.lowercased().split { $0 == " " || $0 == "," || $0 == ";" }.map(String.init))
    }

    /// Help desks word ratings differently: Zendesk says good/bad, Freshdesk a five-step scale.
    static func rating(_ text: String) -> Bool? {
        let word = text.lowercased().replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: .whitespaces)
        if ["good", "satisfied", "very satisfied", "extremely satisfied", "满意", "非常满意", "5", "4"].contains(word) { return true }
        if ["bad", "neutral", "dissatisfied", "very dissatisfied", "extremely dissatisfied", "不满意", "一般",
            "1", "2", "3"].contains(word) { return false }
        return nil
    }

    /// `zendesk:4711`.
    package var id: String { "\(record["system"]?.storageText ?? ""):\(record["ticket_id"]?.storageText ?? "")" }
}
