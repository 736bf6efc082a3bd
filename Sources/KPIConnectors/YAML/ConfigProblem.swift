/// A problem in one configuration file: the file as the user names it, and one plain sentence.
package struct ConfigProblem: Error, Sendable, Equatable, CustomStringConvertible {
    package var file: String
    package var message: String

    package init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    package var description: String { "\(file): \(message)" }
}
