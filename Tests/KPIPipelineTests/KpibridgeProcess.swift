import Foundation

/// One run of the real `kpibridge` binary (built beside the test runner): exit code, stdout and stderr.
///
/// Both outputs go to files, not pipes, so a long help or error text cannot fill a pipe nobody reads yet.
struct KpibridgeProcess {
    var status: Int32
    var out: String
    var err: String

    /// Runs `arguments` (through `/bin/sh -c` when `shell`) from `directory` with exactly `environment`.
    static func run(_ arguments: [String], environment: [String: String], directory: String = "/",
                    shell: Bool = false) throws -> KpibridgeProcess {
        let process = Process()
        if shell {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c"] + arguments
        } else {
            process.executableURL = try ProcessTests.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kpibridge-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outFile = folder.appendingPathComponent("out"), errFile = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let out = try FileHandle(forWritingTo: outFile), err = try FileHandle(forWritingTo: errFile)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return KpibridgeProcess(status: process.terminationStatus,
                                out: String(decoding: try Data(contentsOf: outFile), as: UTF8.self),
                                err: String(decoding: try Data(contentsOf: errFile), as: UTF8.self))
    }
}
