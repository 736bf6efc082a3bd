import Foundation
import KPIConnectors
import KPISchema
import Testing

/// Seeded mutation fuzzing of every connector's reader over its sample export, and of the value
/// parsers over random cells. A crash ends the test process (CI fails); a hang hits CI's limit. Each
/// execution must end in records and quarantined rows that name their file and a line inside it, or
/// in an error that names the file. `KPIBRIDGE_FUZZ_EXECUTIONS` sets the mutations per connector
/// (default 150, about 3,500 executions in all; `Reliability/run.sh --soak` uses 5,000), and
/// `KPIBRIDGE_FUZZ_TRACE=DIR` keeps each connector's current input in DIR, so a hang leaves it behind.
@Suite struct FuzzTests {
    static var executions: Int {
        ProcessInfo.processInfo.environment["KPIBRIDGE_FUZZ_EXECUTIONS"].flatMap(Int.init) ?? 150
    }

    /// SplitMix64: small, fast and the same on every machine, so a failing seed reproduces.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Bytes that mean something to a reader: delimiters, quotes, line ends, NUL, invalid UTF-8 and
    /// GB18030 lead bytes, XML and JSON syntax.
    static let interesting: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x22, 0x2C, 0x3C, 0x3E, 0x26, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A,
                                       0x81, 0xC3, 0xE4, 0xEF, 0xFE, 0xFF, 0x30, 0x2D, 0x2E, 0x65]

    /// `data` with one to four random edits: a flipped bit, an interesting byte, an inserted run, a
    /// deleted range, a duplicated range, or a cut.
    static func mutate(_ data: [UInt8], _ random: inout Generator) -> [UInt8] {
        var bytes = data
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            guard !bytes.isEmpty else { bytes = [interesting.randomElement(using: &random)!]; continue }
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: bytes[at] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
            case 1: bytes[at] = interesting.randomElement(using: &random)!
            case 2: bytes.insert(contentsOf: (0..<Int.random(in: 1...16, using: &random)).map { _ in
                        interesting.randomElement(using: &random)! }, at: at)
            case 3: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &random)))
            case 4: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + Int.random(in: 1...256, using: &random))],
                                 at: Int.random(in: 0...bytes.count, using: &random))
            default: bytes.removeSubrange(at...)
            }
        }
        return bytes
    }

    @Test(arguments: LibraryGoldenTests.cases) func mutatedExportsFailCleanlyOrQuarantine(_ c: LibraryGoldenTests.Case) throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: sampleInbox + "/" + c.file)))
        let catalog = try ConnectorCatalog(directories: [shippedConnectors])
        let connector = try catalog.connector(c.connector)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kpibridge-fuzz-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(URL(fileURLWithPath: c.file).lastPathComponent).path
        var random = Generator(state: UInt64(truncatingIfNeeded: c.connector.utf8.reduce(5381) { $0 &* 33 &+ Int($1) }))
        var outcomes = (loaded: 0, failed: 0, quarantined: 0)
        for execution in 0..<Self.executions {
            let bytes = Self.mutate(original, &random)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            if let trace = ProcessInfo.processInfo.environment["KPIBRIDGE_FUZZ_TRACE"] {
                // Keeps the input being read, so a hang or crash leaves it behind to reproduce.
                try Data(bytes).write(to: URL(fileURLWithPath: trace + "/" + c.connector))
            }
            let display = "fuzz-\(execution)-" + URL(fileURLWithPath: c.file).lastPathComponent
            let context = SourceContext(displayPath: display, fingerprint: try FileFingerprint.compute(path: path), runID: 1,
                                        shop: c.shop, platform: c.platform, timezone: c.timezone, currency: c.currency,
                                        period: c.period.flatMap(DateRange.init(parsing:)))
            // Line ends as the scanner counts them: LF, CRLF, and a lone CR (old Mac exports).
            let lines = 1 + bytes.indices.filter { bytes[$0] == 0x0A || (bytes[$0] == 0x0D && bytes.indices.contains($0 + 1)
                                                                          && bytes[$0 + 1] != 0x0A) }.count
            do {
                var reader = try connector.open(path: path, context: context)
                var sink = CollectingSink()
                let stats = try reader.read(into: &sink)
                outcomes.loaded += 1
                outcomes.quarantined += sink.quarantined.count
                #expect(stats.rowsQuarantined == sink.quarantined.count)
                for row in sink.quarantined {
                    #expect(row.file == display && row.reason.en.hasPrefix(display + ":") && (0...lines).contains(row.line),
                            "\(c.connector) execution \(execution): \(row.reason.en.prefix(200)) at line \(row.line) of \(lines)")
                }
            } catch {
                outcomes.failed += 1
                #expect("\(error)".contains(display), "\(c.connector) execution \(execution): \("\(error)".prefix(300))")
            }
        }
        print("fuzz \(c.connector): \(Self.executions) executions, \(outcomes.loaded) read (\(outcomes.quarantined) rows "
              + "quarantined), \(outcomes.failed) refused")
    }

    /// Random short strings of digits, signs, separators, letters and odd bytes into every value parser.
    @Test func valueParsersAnswerEveryCellWithAValueOrAReason() throws {
        let alphabet = Array("0123456789+-.,eE:/T Z$%()年月日\u{0}\u{FFFD}abc ") + ["２", "٣", "\u{200B}"]
        let parsers: [(String) throws -> Void] = [
            { _ = try IntegerCell().parse($0) },
            { _ = try DecimalCell().parse($0) },
            { _ = try DecimalCell(decimalComma: true).parse($0) },
            { _ = try DateTimeCell(patterns: [try DateTimePattern("yyyy-MM-dd HH:mm:ss")], zone: Zone("Asia/Shanghai")!).parse($0) },
            { _ = try DateTimeCell(patterns: [try DateTimePattern("yyyy-MM-dd'T'HH:mm:ssXXX")], zone: Zone("UTC")!).parse($0) },
            { _ = try DateTimeCell(patterns: [try DateTimePattern("MM/dd/yyyy h:mm a")], zone: Zone("America/Los_Angeles")!).parse($0) },
        ]
        var random = Generator(state: 20261202)
        var refused = 0
        let cells = Self.executions * 40
        for _ in 0..<cells {
            let cell = String((0..<Int.random(in: 0...24, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            for parse in parsers {
                do { try parse(cell) } catch let error as CellParseError {
                    refused += 1
                    #expect(!error.problem.en.isEmpty && !error.expected.en.isEmpty && !error.problem.zh.isEmpty && !error.expected.zh.isEmpty)
                }
            }
        }
        print("fuzz value parsers: \(cells * parsers.count) cells, \(refused) refused with a reason")
    }
}
