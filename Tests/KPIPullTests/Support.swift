import Foundation
import Logging

let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

func fixtureData(_ name: String) throws -> Data {
    try Data(contentsOf: testsFolder.appendingPathComponent("Fixtures/" + name))
}

let quietLogger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
