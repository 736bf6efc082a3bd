import Foundation
import KPICompression
import KPISchema

/// SP-API Reports 2021-06-30: `createReport` for the days not yet loaded (latest day: yesterday minus
/// `latency_days`), poll `getReport`, `getReportDocument`, download (gunzip when `GZIP`), and land
/// the flat file for the stream's connector (`amazon.all_orders`…), with the days as its period.
///
/// A report still in progress after `poll_attempts` stays in the state and the next run polls the
/// same report id. `CANCELLED` means no data for those days (they count as done); `FATAL` is
/// reported and the days are asked for again next run.
package struct AmazonReportPuller: StreamPuller {
    package static let api = "amazon.report"
    package static let defaultConnector: String? = nil
    static let reportsPath = "reports/2021-06-30"

    package init() {}

    package func pull(_ context: PullContext, from state: StreamState) throws(PullError) -> PullResult {
        let settings = context.settings
        let stream = context.stream
        guard let reportType = settings.reportType else { throw PullError(stream: stream, Bilingual("`report_type:` is required for amazon.report", "amazon.report 必须写 `report_type:`")) }
        let base = try settings.endpoint()
        let tokenURL = try StreamSettings(stream: stream, api: settings.api,
                                          baseURL: settings.tokenURL ?? "https://api.amazon.com/auth/o2/token").endpoint()
        let lwa = LWAToken(url: tokenURL, clientID: try context.credentials.require("client_id", stream: stream),
                           clientSecret: try context.credentials.require("client_secret", stream: stream),
                           refreshToken: try context.credentials.require("refresh_token", stream: stream), client: context.client)
        let zone = settings.timezone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        var result = PullResult(state: state)
        let pending: PendingReport
        if let waiting = state.pendingReport {
            pending = waiting
            context.logger.info("resume   \(stream): report \(waiting.reportID) (\(waiting.start)..\(waiting.end))",
                                metadata: ["event": "resume", "stream": "\(stream)", "report": "\(waiting.reportID)",
                                           Bilingual.logKey: "继续  \(stream)：报告 \(waiting.reportID)（\(waiting.start)..\(waiting.end)）"])
        } else {
            guard let next = state.nextDay.flatMap(CivilDate.init(iso:)) ?? settings.start.flatMap({ CivilDate(iso: String($0.prefix(10))) }) else {
                throw PullError(stream: stream, Bilingual("no days loaded yet: set `start:` (the first day to pull) on the stream",
                                                          "还没有加载过任何一天：请在数据流上设置 `start:`（要拉取的第一天）"))
            }
            let today = Self.localDate(context.now, in: zone)
            let latency = settings.latencyDays ?? 0
            let last = today.adding(days: -1 - latency)
            let start = next.adding(days: -Int(try settings.lookbackSeconds(default: 0) / 86_400))
            guard start <= last else {
                result.notes.append("up to date: days through \(last) are loaded (\(latency) day\(latency == 1 ? "" : "s") of latency)")
                return result
            }
            let end = min(last, start.adding(days: max(settings.maxDays ?? 7, 1) - 1))
            var body: [String: Any] = ["reportType": reportType,
                                       "dataStartTime": Self.midnight(start, in: zone).iso8601,
                                       "dataEndTime": Instant(secondsSinceEpoch: Self.midnight(end.adding(days: 1), in: zone).secondsSinceEpoch - 1).iso8601]
            body["marketplaceIds"] = settings.marketplaceIds ?? []
            let request = HTTPRequest(method: "POST", url: base.appendingPathComponent(Self.reportsPath + "/reports"),
                                      headers: ["Content-Type": "application/json"],
                                      body: try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]))
            let response = try call(request, lwa: lwa, context: context)
            guard let id = APIJSON.object(response.body).flatMap({ APIJSON.text($0["reportId"]) }) else {
                throw PullError(stream: stream, Bilingual("createReport answered without a reportId", "`createReport` 的响应中没有 `reportId`"))
            }
            pending = PendingReport(reportID: id, start: start.description, end: end.description, requestedAt: context.now.iso8601)
            var bookmark = state
            bookmark.pendingReport = pending
            do { try context.checkpoint(bookmark) } catch {
                throw PullError(stream: stream, Bilingual("could not save report id \(id): \(error)", "无法保存报告编号 \(id)：\(error)"))
            }
            result.state = bookmark
            context.logger.info("request  \(stream): report \(id) for \(start)..\(end)",
                                metadata: ["event": "report_requested", "stream": "\(stream)", "report": "\(id)",
                                           Bilingual.logKey: "请求  \(stream)：报告 \(id)，\(start)..\(end)"])
        }
        result.state.pendingReport = pending
        let attempts = max(settings.pollAttempts ?? 10, 1)
        var status = "IN_QUEUE"
        var documentID: String?
        do throws(PullError) {
            for poll in 1...attempts {
                let response = try call(HTTPRequest(url: base.appendingPathComponent(Self.reportsPath + "/reports/" + pending.reportID)),
                                        lwa: lwa, context: context)
                let report = APIJSON.object(response.body) ?? [:]
                status = APIJSON.text(report["processingStatus"]) ?? "?"
                documentID = APIJSON.text(report["reportDocumentId"])
                if !["IN_QUEUE", "IN_PROGRESS"].contains(status) { break }
                if poll < attempts { Thread.sleep(forTimeInterval: settings.pollInterval ?? 30) }
            }
            let days = "\(pending.start)..\(pending.end)"
            switch status {
            case "DONE":
                guard let documentID else { throw PullError(stream: stream, Bilingual("report \(pending.reportID) is DONE without a reportDocumentId",
                                                                                                                 "报告 \(pending.reportID) 状态为 `DONE`，却没有 `reportDocumentId`")) }
                let response = try call(HTTPRequest(url: base.appendingPathComponent(Self.reportsPath + "/documents/" + documentID)),
                                        lwa: lwa, context: context)
                context.landing.keepRaw(response, for: HTTPRequest(url: base.appendingPathComponent(Self.reportsPath + "/documents/" + documentID)))
                let document = APIJSON.object(response.body) ?? [:]
                guard let location = APIJSON.text(document["url"]), let url = URL(string: location) else {
                    throw PullError(stream: stream, Bilingual("report document \(documentID) has no url", "报告文档 \(documentID) 没有 `url`"))
                }
                // The document URL is pre-signed: no token goes with it.
                let download = HTTPRequest(url: url)
                var data = try context.client.sendExpectingSuccess(download).body
                context.landing.keepRaw(HTTPResponse(status: 200, headers: [:], body: data), for: download,
                                        extension: Gzip.isCompressed(data) ? "gz" : "txt")
                let name = "report \(pending.reportID)"
                if APIJSON.text(document["compressionAlgorithm"]) == "GZIP" || Gzip.isCompressed(data) {
                    do { data = try Gzip.decompress(data, name: name) } catch { throw PullError(stream: stream, error.sentence) }
                }
                let period = DateRange(parsing: "\(pending.start)..\(pending.end)")
                try context.landing.land(data, extension: "txt", period: period, note: name)
                result.notes.append("report \(pending.reportID) \(reportType) for \(days): \(data.count) bytes")
                result.state = Self.done(state, through: pending.end)
            case "CANCELLED":
                result.notes.append("report \(pending.reportID) for \(days) was CANCELLED: no data for those days")
                result.state = Self.done(state, through: pending.end)
            case "IN_QUEUE", "IN_PROGRESS":
                result.notes.append("report \(pending.reportID) for \(days) still \(status) after \(attempts) poll\(attempts == 1 ? "" : "s"); the next run resumes it")
            default:
                var retry = state
                retry.pendingReport = nil
                result.state = retry
                result.failure = PullError(stream: stream, Bilingual(
                    "report \(pending.reportID) for \(days) ended \(status); the next run asks for those days again",
                    "报告 \(pending.reportID)（\(days)）以 \(status) 结束；下次运行会重新请求这些日期"))
            }
        } catch {
            result.failure = error
        }
        return result
    }

    /// An SP-API call with the access token; a 401 or 403 gets one new token and one more try.
    private func call(_ request: HTTPRequest, lwa: LWAToken, context: PullContext) throws(PullError) -> HTTPResponse {
        var signed = request
        signed.headers["x-amz-access-token"] = try lwa.current()
        var response = try context.client.send(signed)
        if response.status == 401 || response.status == 403 {
            context.logger.info("token    \(context.stream): HTTP \(response.status), getting a new access token",
                                metadata: ["event": "token_refresh", "stream": "\(context.stream)",
                                           Bilingual.logKey: "令牌  \(context.stream)：HTTP \(response.status)，正在获取新的访问令牌"])
            signed.headers["x-amz-access-token"] = try lwa.refresh()
            response = try context.client.send(signed)
        }
        guard (200..<300).contains(response.status) else { throw context.client.failure(request, response) }
        return response
    }

    private static func done(_ state: StreamState, through end: String) -> StreamState {
        var next = state
        next.pendingReport = nil
        if let day = CivilDate(iso: end)?.adding(days: 1), next.nextDay.flatMap(CivilDate.init(iso:)).map({ $0 < day }) ?? true {
            next.nextDay = day.description
        }
        return next
    }

    static func localDate(_ instant: Instant, in zone: TimeZone) -> CivilDate {
        let date = Date(timeIntervalSince1970: TimeInterval(instant.secondsSinceEpoch))
        let offset = Int64(zone.secondsFromGMT(for: date))
        return Instant(secondsSinceEpoch: instant.secondsSinceEpoch + offset).utcDate
    }

    /// The instant a day starts in `zone`.
    static func midnight(_ day: CivilDate, in zone: TimeZone) -> Instant {
        let utc = Instant(utc: day)
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc.secondsSinceEpoch))))
        return Instant(secondsSinceEpoch: utc.secondsSinceEpoch - offset)
    }
}
