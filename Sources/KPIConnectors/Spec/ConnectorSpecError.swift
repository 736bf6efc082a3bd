import KPISchema

/// A connector spec that cannot be used, with the file and what to fix.
package struct ConnectorSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    package var path: String
    /// What is wrong, in both languages (a connector author may read either).
    package var problem: Bilingual

    package init(path: String, problem: Bilingual) {
        self.path = path
        self.problem = problem
    }

    /// The English problem, without the file.
    package var message: String { problem.en }

    package var description: String { "\(path): invalid connector spec: \(problem.en)" }
}
