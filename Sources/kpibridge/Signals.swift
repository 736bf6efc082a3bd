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
                    let note = Help.pick("stopping at the next safe point: before the next file, or by rolling back the "
                                             + "file being loaded; a pull or fact refresh under way finishes first (again to stop at once)",
                                         "将在下一个安全点停止：下一个文件开始之前，或回滚正在加载的文件；"
                                             + "进行中的拉取或事实刷新会先完成（再按一次立即停止）")
                    FileHandle.standardError.write(Data("\n\(note)\n".utf8))
                }
            }
            source.resume()
            sources.append(source)
        }
        return request
    }
}
