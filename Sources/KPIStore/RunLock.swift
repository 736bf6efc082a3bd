import Foundation
import KPISchema

/// Who holds a store's run lock, as written into the lock so a second run can name it.
package struct RunHolder: Sendable, Hashable, CustomStringConvertible {
    package var pid: Int32
    package var host: String
    package var command: String
    package var since: Instant

    package init(pid: Int32, host: String, command: String, since: Instant) {
        self.pid = pid
        self.host = host
        self.command = command
        self.since = since
    }

    /// This process, about to run `command`.
    package static func current(command: String, at instant: Instant = .now()) -> RunHolder {
        RunHolder(pid: ProcessInfo.processInfo.processIdentifier, host: ProcessInfo.processInfo.hostName,
                  command: command, since: instant)
    }

    /// `pid 4242 on cron-a (kpibridge run) since 2026-11-02T02:30:00Z`.
    package var description: String { "pid \(pid) on \(host) (kpibridge \(command)) since \(since.iso8601)" }

    /// `key=value` lines: readable with `cat`, and parsed back by ``init(text:)``.
    var text: String { "pid=\(pid)\nhost=\(host)\ncommand=\(command)\nsince=\(since.iso8601)\n" }

    /// Nil for an empty (cleanly released) or unreadable lock.
    init?(text: String) {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard let pid = fields["pid"].flatMap(Int32.init), let host = fields["host"], let command = fields["command"],
              let since = fields["since"].flatMap(Instant.init(iso8601:)) else { return nil }
        self.init(pid: pid, host: host, command: command, since: since)
    }
}

/// A run's exclusive claim on a store, held until the lease is released (or its process dies).
package protocol RunLease: AnyObject, Sendable {
    /// The holder of a lock left behind by a run that died without releasing it, now taken over.
    var takenOver: RunHolder? { get }
}

/// Another run holds the store.
package struct RunLockBusy: Error, Sendable, CustomStringConvertible {
    /// Nil when the holder's details could not be read.
    package var holder: RunHolder?
    /// Where the lock lives (`…/warehouse.sqlite.lock`), for an operator who wants to look.
    package var lock: String

    package init(holder: RunHolder?, lock: String) {
        self.holder = holder
        self.lock = lock
    }

    package var description: String {
        "another run holds the store: \(holder?.description ?? "holder unknown") (lock \(lock))"
    }
}
