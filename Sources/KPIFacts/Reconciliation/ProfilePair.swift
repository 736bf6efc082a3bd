/// Two profiles compared side by side; `a` is the reference whose currency deltas are expressed in.
public struct ProfilePair: Sendable, Hashable, CustomStringConvertible {
    public var a: String
    public var b: String

    public init(_ a: String, _ b: String) {
        self.a = a
        self.b = b
    }

    public var description: String { "\(a),\(b)" }
}
