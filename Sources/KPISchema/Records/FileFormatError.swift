/// A file that cannot be read as its connector's format: a damaged workbook, truncated JSON,
/// malformed XML. The file fails; the rest of the run goes on.
public struct FileFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
