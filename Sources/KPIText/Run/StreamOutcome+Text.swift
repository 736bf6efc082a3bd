import Foundation
import KPIPipeline

extension StreamOutcome {
    package var line: String {
        var text = "  pulled   \(stream) [\(api)] \(landed.count) file\(landed.count == 1 ? "" : "s"), \(requests) request\(requests == 1 ? "" : "s")"
        if retries > 0 { text += " (\(retries) retried)" }
        if throttledSeconds > 0 { text += ", \(String(format: "%.1f", throttledSeconds)) s waited for the rate limit" }
        if !notes.isEmpty { text += ": " + notes.joined(separator: "; ") }
        if let failure { text = "  FAILED   " + failure + (landed.isEmpty ? "" : " (the \(landed.count) file\(landed.count == 1 ? "" : "s") pulled before still load)") }
        if let saved, saved != before { text += "\n           state: " + Self.summary(saved) }
        else { text += "\n           state unchanged: " + Self.summary(before) }
        return text
    }
}
