import Foundation

/// A request to stop, made by SIGINT or SIGTERM: a job stops at its next safe point — before the next
/// file, or by rolling back the file being loaded — records its run as `interrupted` and releases the
/// store, instead of dying mid-run and leaving the run `running` until the next one calls it abandoned.
package final class StopRequest: @unchecked Sendable {
    // A lock rather than an atomic: `Synchronization.Atomic` needs macOS 15, the package supports 14.
    private let lock = NSLock()
    private var received: Int32 = 0

    package init() {}

    /// Records `signal` (the first one asked counts).
    package func request(signal: Int32) {
        lock.withLock { if received == 0 { received = signal } }
    }

    /// The signal that asked to stop, if one has.
    package var signal: Int32? {
        lock.withLock { received == 0 ? nil : received }
    }

    /// Throws ``Interrupted`` once a stop has been asked for.
    package func check() throws(Interrupted) {
        if let signal { throw Interrupted(signal: signal) }
    }
}

/// A job stopped at a safe point because a signal asked it to.
package struct Interrupted: Error, Sendable {
    package var signal: Int32

    /// `SIGINT`, `SIGTERM`.
    package var name: String { signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)" }
}
