/// Two profiles compared side by side; `a` is the reference whose currency deltas are expressed in.
package struct ProfilePair: Sendable, Hashable, CustomStringConvertible {
    package var a: String
    package var b: String

    package init(_ a: String, _ b: String) {
        self.a = a
        self.b = b
    }

    package var description: String { "\(a),\(b)" }
}
