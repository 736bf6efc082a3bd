import Dispatch
import Foundation
import KPIPipeline

/// SIGINT and SIGTERM ask the job to stop at its next safe point (see ``StopRequest``); a second one
/// stops the process at once (the store's transaction rolls back, as after a kill).
enum Signals {
    private static let request = StopRequest()
    // Kept alive for the process's life; written once, from the main thread, before any signal can arrive.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Installs the handlers (once) and returns the request they set.
    static func install() -> StopRequest {
        guard sources.isEmpty else { return request }
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if request.signal != nil { exit(128 + number) }
                request.request(signal: number)
                // A person at a terminal hears back at once; a log shipper gets the job's `interrupted` event.
                if isatty(STDERR_FILENO) != 0 {
                    FileHandle.standardError.write(Data(("\nstopping at the next safe point: before the next file, or by rolling back the "
                        + "file being loaded; a pull or fact refresh under way finishes first (again to stop at once)\n").utf8))
                }
            }
            source.resume()
            sources.append(source)
        }
        return request
    }
}
