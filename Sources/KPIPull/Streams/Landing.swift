import Foundation
import KPISchema
import Logging

/// Where pulled data becomes files the ordinary load reads: `.kpibridge/pull/STREAM/` (emptied at
/// the start of each pull of the stream), and, when the stream keeps raw responses, `raw/STREAM/`.
///
/// Going through files keeps one load path: the ledger's content hash skips a page pulled again
/// unchanged, a bad row is quarantined with the landed file and its record number, and the file is
/// there to look at until the next pull.
package final class Landing {
    package let directory: String
    /// Shown in messages and lineage instead of the absolute path.
    package let displayDirectory: String
    let rawDirectory: String?
    let redactor: Redactor
    /// Each landed file is logged: the progress of a long pull.
    let logger: Logger
    private let stamp: String
    private var sequence = 0
    private var rawSequence = 0
    package private(set) var files: [LandedFile] = []

    package init(directory: String, displayDirectory: String, rawDirectory: String?, redactor: Redactor, at: Instant,
                logger: Logger) throws(PullError) {
        self.logger = logger
        self.directory = directory
        self.displayDirectory = displayDirectory
        self.rawDirectory = rawDirectory
        self.redactor = redactor
        stamp = at.iso8601.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        do {
            try? FileManager.default.removeItem(atPath: directory)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            if let rawDirectory { try FileManager.default.createDirectory(atPath: rawDirectory, withIntermediateDirectories: true) }
        } catch {
            throw PullError(stream: (directory as NSString).lastPathComponent, Bilingual("cannot prepare \(displayDirectory): \(error.localizedDescription)",
                                                                                   "无法准备 \(displayDirectory)：\(error.localizedDescription)"))
        }
    }

    /// Writes one file for the load (`period`: the days a report covers when its rows carry no date).
    @discardableResult
    package func land(_ data: Data, extension ext: String, period: DateRange? = nil, note: String) throws(PullError) -> LandedFile {
        sequence += 1
        let name = "\(stamp)-\(String(format: "%03d", sequence)).\(ext)"
        let path = (directory as NSString).appendingPathComponent(name)
        do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw PullError(stream: (directory as NSString).lastPathComponent, Bilingual("cannot write \(displayDirectory)/\(name): \(error.localizedDescription)",
                                                                                   "无法写入 \(displayDirectory)/\(name)：\(error.localizedDescription)"))
        }
        let file = LandedFile(path: path, period: period, note: note)
        files.append(file)
        logger.info("landed   \(displayDirectory)/\(name) (\(note), \(data.count) bytes)",
                    metadata: ["event": "landed", "file": "\(displayDirectory)/\(name)", "bytes": "\(data.count)",
                               Bilingual.logKey: "落地  \(displayDirectory)/\(name)（\(note)，\(data.count) 字节）"])
        return file
    }

    /// Keeps a response under `raw/` when the stream asks for it: the body with secrets removed, and
    /// one line per response in `requests.jsonl` (time, method, URL redacted, status, file).
    package func keepRaw(_ response: HTTPResponse, for request: HTTPRequest, extension ext: String = "json") {
        guard let rawDirectory else { return }
        rawSequence += 1
        let name = "\(stamp)-\(String(format: "%03d", rawSequence)).\(ext)"
        let isText = String(data: response.body, encoding: .utf8) != nil
        let body = isText ? Data(redactor.redact(String(decoding: response.body, as: UTF8.self)).utf8) : response.body
        try? body.write(to: URL(fileURLWithPath: (rawDirectory as NSString).appendingPathComponent(name)), options: .atomic)
        let entry: [String: String] = ["at": stamp, "method": request.method, "url": redactor.redact(request.url),
                                       "status": String(response.status), "file": name]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let line = try? encoder.encode(entry) else { return }
        let index = (rawDirectory as NSString).appendingPathComponent("requests.jsonl")
        if !FileManager.default.fileExists(atPath: index) { _ = FileManager.default.createFile(atPath: index, contents: nil) }
        if let handle = FileHandle(forWritingAtPath: index) {
            handle.seekToEndOfFile()
            handle.write(line + Data("\n".utf8))
            try? handle.close()
        }
    }
}

/// A file a pull wrote for the load.
package struct LandedFile: Sendable, Hashable {
    package var path: String
    package var period: DateRange?
    /// What it holds, for the log: `page 2`, `report 52049018…`.
    package var note: String
}
