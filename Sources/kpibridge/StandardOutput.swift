import Foundation
import KPISchema
import KPIWorkspace

/// Standard output that fails loudly: `print` drops a failed write without a word (a full disk behind
/// `> facts.csv` would leave a cut file and exit 0) and `FileHandle.write(_:)` traps; here a failed
/// write is one line on stderr and exit 1.
enum StandardOutput {
    static func write(_ text: String) throws(PipelineError) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            // The reader has gone (`| head`): it has all it wanted; stop quietly, as a filter does.
            if isBrokenPipe(error) { exit(0) }
            throw .failed(Bilingual("cannot write to standard output: \(reason(error))", "无法写入标准输出：\(reason(error))"))
        }
    }

    /// `text` and a line break.
    static func line(_ text: String) throws(PipelineError) {
        try write(text + "\n")
    }

    /// `No space left on device` rather than Foundation's "The operation could not be completed. …".
    private static func reason(_ error: any Error) -> String {
        var current = error as NSError
        while true {
            if current.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(current.code))) }
            guard let underlying = current.userInfo[NSUnderlyingErrorKey] as? NSError else { break }
            current = underlying
        }
        return error.localizedDescription
    }

    private static func isBrokenPipe(_ error: any Error) -> Bool {
        var current: NSError? = error as NSError
        while let error = current {
            if error.domain == NSPOSIXErrorDomain, error.code == Int(EPIPE) { return true }
            current = error.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        return false
    }
}
