/// A connector spec that cannot be used, with the file and what to fix.
public struct ConnectorSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): invalid connector spec: \(message)" }
}
