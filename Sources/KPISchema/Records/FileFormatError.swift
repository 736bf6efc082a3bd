/// A file that cannot be read as its connector's format: a damaged workbook, truncated JSON,
/// malformed XML. The file fails; the rest of the run goes on.
package struct FileFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    package var file: String
    package var message: String

    package init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    package var description: String { "\(file): \(message)" }
}
