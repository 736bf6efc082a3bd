// swift-tools-version: 6.0

// Schema at the centre; connectors, pull, store (SQLite, PostgreSQL), facts, scoring and report around it;
// workspace (configuration) and pipeline (the jobs) on top; the text people read and the thin CLI above them.
// docs/architecture.md draws the graph and says where new code goes.
import PackageDescription

let package = Package(
    name: "kpibridge",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kpibridge", targets: ["kpibridge"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // Normalized records, money, instants, definition profiles and periods: no I/O.
        .target(name: "KPISchema"),
        // Exact zlib inflation for zip parts (XLSX) and gzip documents (SP-API reports); zlib comes through
        // ZIPFoundation's system-library module on Linux.
        .target(
            name: "KPICompression",
            dependencies: ["KPISchema", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Byte-level CSV/TSV scanning, XLSX/JSON/XML readers, text decoding, value parsers and
        // declarative YAML connector specs.
        .target(
            name: "KPIConnectors",
            dependencies: [
                "KPISchema", "KPICompression",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Pulls API streams (Shopify, TikTok Shop, SP-API reports) into files the connectors read:
        // one HTTP client with retries, credentials and redaction, per-stream state.
        .target(
            name: "KPIPull",
            dependencies: [
                "KPISchema", "KPICompression",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Pushes short texts to chat webhooks (飞书, 钉钉, 企业微信, Slack), signed where the platform signs,
        // through KPIPull's HTTP client.
        .target(
            name: "KPINotify",
            dependencies: ["KPIPull", .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log")]
        ),
        // What tests need to pull from a real local HTTP server (samples/api-demo/mock_api.py).
        .target(name: "KPIPullTesting", dependencies: ["KPIPull", .product(name: "Logging", package: "swift-log")]),
        // The warehouse: SQLite through GRDB, migrations, load ledger, upserts, quarantine, fact tables.
        .target(
            name: "KPIStore",
            dependencies: [
                "KPISchema", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the row writer a load spends its time in (SQLiteRowWriter).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The same warehouse on PostgreSQL through postgres-nio, for teams and several cron hosts.
        .target(
            name: "KPIStorePostgres",
            dependencies: [
                "KPISchema", "KPIStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // What tests need to run the same cases on SQLite and PostgreSQL (a fresh schema per test).
        .target(name: "KPIStoreTesting", dependencies: ["KPIStore", "KPIStorePostgres"]),
        // Metric formulas (README "Metrics") evaluated per profile, grain and scope.
        .target(name: "KPIFacts", dependencies: ["KPISchema"]),
        // Scorecards: targets, curves, veto, grades, pacing and provider tiers over metric facts.
        .target(name: "KPIScoring", dependencies: ["KPISchema", "KPIFacts"]),
        // The manager's report: one self-contained HTML file (Mustache templates, SVG charts drawn here).
        .target(
            name: "KPIReport",
            dependencies: ["KPISchema", "KPIFacts", .product(name: "Mustache", package: "swift-mustache")],
            resources: [
                .embedInCode("Templates/report.mustache"), .embedInCode("Templates/scorecard.mustache"),
                .embedInCode("Templates/chart.mustache"), .embedInCode("Templates/style.mustache"),
                .embedInCode("Templates/waterfall.mustache"),
            ]
        ),
        // Reads and checks a workspace's files (kpibridge.yaml, definitions, fx rates, scorecards, schedules,
        // stream settings, the shipped connector folders) into values; never sees the store.
        .target(
            name: "KPIWorkspace",
            dependencies: [
                "KPISchema", "KPIConnectors", "KPIPull", "KPINotify", "KPIFacts", "KPIScoring",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The jobs the CLI calls (run, import, export, score, report, prune, pull, schedules), over a
        // workspace and a store.
        .target(
            name: "KPIPipeline",
            dependencies: [
                "KPISchema", "KPIConnectors", "KPIPull", "KPINotify", "KPIStore", "KPIStorePostgres", "KPIFacts", "KPIScoring",
                "KPIReport", "KPIWorkspace",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Everything a person reads on a terminal or in a log: run summaries, listings, explanations,
        // reconciliations, schedules as crontab/systemd, the text and JSON log formats.
        .target(
            name: "KPIText",
            dependencies: [
                "KPISchema", "KPIConnectors", "KPIPull", "KPINotify", "KPIStore", "KPIFacts", "KPIScoring", "KPIWorkspace",
                "KPIPipeline", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "kpibridge",
            dependencies: [
                "KPIPipeline", "KPIText", "KPIWorkspace", "KPISchema", "KPIFacts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "KPISchemaTests", dependencies: ["KPISchema"]),
        .testTarget(name: "KPIConnectorsTests", dependencies: ["KPIConnectors", .product(name: "ZIPFoundation", package: "ZIPFoundation")], exclude: ["Goldens"], resources: [.copy("Fixtures")]),
        .testTarget(name: "KPIPullTests", dependencies: ["KPIPull", "KPIPullTesting", "KPICompression", "KPIConnectors", "KPISchema", .product(name: "Logging", package: "swift-log")], exclude: ["Fixtures"]),
        .testTarget(name: "KPIStoreTests", dependencies: ["KPIStore", "KPIStorePostgres", "KPIStoreTesting"]),
        .testTarget(name: "KPIFactsTests", dependencies: ["KPIFacts"]),
        .testTarget(name: "KPIScoringTests", dependencies: ["KPIScoring"]),
        .testTarget(name: "KPIReportTests", dependencies: ["KPIReport"]),
        .testTarget(name: "KPIPipelineTests", dependencies: ["KPIPipeline", "KPIConnectors", "KPIFacts", "KPIText", "KPIWorkspace", "KPIStoreTesting", "KPIPullTesting", "KPIPull", "KPINotify", .product(name: "Logging", package: "swift-log")], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
