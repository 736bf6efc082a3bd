import KPIStore

/// How the user reached the workspace and store, so a command a job prints can be pasted and run as
/// printed — from any folder, against the same store — instead of failing outside the workspace.
package struct Invocation: Sendable, Equatable {
    /// The workspace as given on the command line (`.` when not given).
    package var workspace: String
    /// `--store` as given, if it was; printed without a password (PGPASSWORD or ~/.pgpass supplies it).
    package var store: String?

    package init(workspace: String = ".", store: String? = nil) {
        self.workspace = workspace
        self.store = store
    }

    /// `kpibridge SUBCOMMAND [--workspace W] [--store S] ARGUMENTS…`, each word quoted for a POSIX shell.
    package func command(_ subcommand: String, _ arguments: String...) -> String {
        var words = ["kpibridge"] + subcommand.split(separator: " ").map(String.init)
        if workspace != "." { words += ["--workspace", workspace] }
        if let store { words += ["--store", StoreURL.withoutPassword(store)] }
        return (words.map(Self.shell) + arguments.map(Self.shell)).joined(separator: " ")
    }

    /// A word for a POSIX shell: single-quoted unless it is plainly safe.
    package static func shell(_ word: String) -> String {
        let safe = word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-=:+,@%".contains($0)) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
