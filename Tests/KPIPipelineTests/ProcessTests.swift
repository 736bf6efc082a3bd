import Foundation
import KPIPipeline
import KPIStore
import Testing

/// The real `kpibridge` binary as cron runs it: a second run beside a long one exits 3 and changes
/// nothing; a run killed with SIGKILL mid-load leaves a store that the next run completes to exactly
/// what one clean run gives.
@Suite(.serialized) struct ProcessTests {
    /// The binary built beside the test runner (`swift build` builds it; CI builds before testing).
    static var binary: URL {
        get throws {
            let runner = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                             ?? CommandLine.arguments[0])
            let candidate = runner.deletingLastPathComponent().appendingPathComponent("kpibridge")
            try #require(FileManager.default.isExecutableFile(atPath: candidate.path),
                         "build the kpibridge binary first (swift build): \(candidate.path)")
            return candidate
        }
    }

    /// Long enough that a debug build is still loading it a moment after it starts.
    static let rows = 20_000

    /// The tiny inbox plus one Amazon file of `rows` lines (the long load a kill or a second run meets).
    static func workspace(rows: Int) throws -> TemporaryWorkspace {
        let ws = try TemporaryWorkspace()
        var lines = ["amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsku\tquantity\tcurrency\titem-price\titem-tax\tshipping-price"]
        lines.reserveCapacity(rows + 1)
        for i in 0..<rows {
            // 16–27 October, within the fixture's fx rates in both teams' zones.
            let at = "2026-10-\(i % 12 + 16)T0\(i % 10):00:00+00:00"
            lines.append("114-\(i)\t\(at)\t\(at)\tShipped\tS\(i % 7)\t1\tUSD\t\(i % 50 + 1).00\t0.00\t0.00")
        }
        try ws.write("inbox/amazon/zz_big.txt", lines.joined(separator: "\n") + "\n")
        return ws
    }

    /// Starts `kpibridge ARGS --workspace WS`, stderr piped (JSON lines) so the test can wait for an event.
    static func start(_ ws: TemporaryWorkspace, _ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = try binary
        process.arguments = arguments + ["--workspace", ws.path, "--log-format", "json", "--progress-every", "5000"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, errors)
    }

    /// Reads `pipe` until a line contains `text`; false if the process ended first.
    static func wait(for text: String, in pipe: Pipe) -> Bool {
        var buffer = Data()
        while true {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { return false }
            buffer.append(chunk)
            if String(decoding: buffer, as: UTF8.self).contains(text) { return true }
        }
    }

    /// fact_metric of one uninterrupted run of the same inbox, without `run_id` (which run wrote a row
    /// differs when a run was interrupted; the rows themselves must not).
    static func cleanFacts(rows: Int) throws -> String {
        let ws = try workspace(rows: rows)
        _ = try ws.pipeline().run()
        return try facts(ws)
    }

    static func facts(_ ws: TemporaryWorkspace) throws -> String {
        try ws.export("fact_metric").split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast()
            .joined(separator: ",") }.joined(separator: "\n")
    }

    @Test func aSecondRunBesideALongOneExitsThree() throws {
        let ws = try Self.workspace(rows: Self.rows)
        let (first, firstLog) = try Self.start(ws, ["run"])
        #expect(Self.wait(for: "zz_big.txt [amazon.all_orders]", in: firstLog))
        let (second, secondLog) = try Self.start(ws, ["run"])
        second.waitUntilExit()
        let message = String(decoding: secondLog.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(second.terminationStatus == 3)
        #expect(message.contains("another run holds the store: pid \(first.processIdentifier)"))
        #expect(message.contains("\"exit_code\":\"3\""))
        _ = firstLog.fileHandleForReading.readDataToEndOfFile()
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(try Self.facts(ws) == (try Self.cleanFacts(rows: Self.rows)))
        #expect(try RunHistory.load(try ws.pipeline(), limit: 5).runs.map(\.command) == ["run"])
    }

    @Test func aRunKilledMidLoadIsCompletedByTheNext() throws {
        let ws = try Self.workspace(rows: Self.rows)
        let (victim, log) = try Self.start(ws, ["run"])
        // Kill once the big file has 5,000 rows inside its (uncommitted) transaction.
        #expect(Self.wait(for: "zz_big.txt: 5000 rows", in: log))
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        #expect(victim.terminationReason == .uncaughtSignal)
        // The big file's rows rolled back with its transaction: not in the ledger, not in orders.
        #expect(!(try ws.export("load_ledger")).contains("zz_big.txt"))
        #expect(!(try ws.export("orders")).contains("114-1,"))
        let report = try ws.pipeline().run()
        #expect(report.lockNote?.en.contains("run #1 marked abandoned") == true && report.lockNote?.zh.contains("运行 #1 已在 `runs` 中记为「进程中止（已放弃）」") == true)
        #expect(report.files.map(\.file).contains("inbox/amazon/zz_big.txt"))
        #expect(try Self.facts(ws) == (try Self.cleanFacts(rows: Self.rows)))
        let ledger = try ws.export("load_ledger").split(separator: "\r\n").dropFirst()
        #expect(ledger.count == 5)
        #expect(Set(ledger.map { $0.split(separator: ",")[1] }).count == 5)
    }

    /// SIGTERM mid-load stops at a safe point: the file being loaded rolls back, the run is recorded as
    /// `interrupted` (not left `running`), the lock is released, the exit code is 143 and the message says
    /// what was done and what was not; the next run loads the rest and the facts equal a clean run's.
    @Test func sigtermStopsAtASafePointAndRecordsTheRun() throws {
        let ws = try Self.workspace(rows: Self.rows)
        let (victim, log) = try Self.start(ws, ["run"])
        #expect(Self.wait(for: "zz_big.txt: 5000 rows", in: log))
        kill(victim.processIdentifier, SIGTERM)
        let rest = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        victim.waitUntilExit()
        #expect(victim.terminationStatus == 143)
        #expect(rest.contains("interrupted by SIGTERM: 2 files loaded and kept (7 rows)"))
        #expect(rest.contains("inbox/amazon/zz_big.txt rolled back (none of its rows kept), 2 files not read; fact tables not refreshed"))
        #expect(rest.contains("\"exit_code\":\"143\""))
        let history = try RunHistory.load(try ws.pipeline(), limit: 5)
        #expect(history.holder == nil)
        #expect(history.runs.map(\.status) == ["interrupted"])
        #expect(!(try ws.export("load_ledger")).contains("zz_big.txt"))
        let report = try ws.pipeline().run()
        #expect(report.lockNote == nil)
        #expect(report.filesRead == 3 && report.files.map(\.file).contains("inbox/amazon/zz_big.txt"))
        #expect(try Self.facts(ws) == (try Self.cleanFacts(rows: Self.rows)))
    }

    /// A write to standard output that fails (a full disk behind `> facts.csv`) is an error with exit 1,
    /// never a cut file with exit 0 (`print` dropped it silently) nor a trap (`FileHandle.write` did).
    /// The last word of a failed command is in the reader's language; the JSON log keeps the English one.
    @Test func anErrorEndsInTheReadersLanguage() throws {
        let ws = try TemporaryWorkspace()
        _ = try ws.pipeline().run()
        func stderr(_ arguments: [String]) throws -> (Int32, String) {
            let run = try KpibridgeProcess.run(["export", "--table", "no_such_table", "--workspace", ws.path] + arguments,
                                               environment: ["PATH": "/usr/bin:/bin"])
            return (run.status, run.err)
        }
        let tables = StoreTable.all.map(\.name).joined(separator: ", ")
        #expect(try stderr(["--lang", "zh"]) == (2, "错误：未知的表 `no_such_table`；可用的表：\(tables)\n"))
        #expect(try stderr([]) == (2, "error: unknown table `no_such_table`; tables: \(tables)\n"))
        let (code, json) = try stderr(["--lang", "zh", "--log-format", "json"])
        #expect(code == 2)
        #expect(json.contains("\"message\":\"unknown table `no_such_table`; tables: "))
        #expect(!json.contains("未知"))
    }

    @Test func aFailedWriteToStandardOutputIsAnError() throws {
        let ws = try TemporaryWorkspace()
        _ = try ws.pipeline().run()
        for arguments in [["export", "--table", "fact_metric"], ["status"]] {
            let process = Process()
            process.executableURL = try Self.binary
            process.arguments = arguments + ["--workspace", ws.path]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1, "\(arguments)")
            #expect(message == "error: cannot write to standard output: No space left on device\n", "\(arguments)")
        }
    }
}
