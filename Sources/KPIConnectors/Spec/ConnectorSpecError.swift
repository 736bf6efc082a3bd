/// A connector spec that cannot be used, with the file and what to fix.
package struct ConnectorSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    package var path: String
    package var message: String

    package init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    package var description: String { "\(path): invalid connector spec: \(message)" }
}
