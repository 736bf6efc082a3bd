import KPISchema

/// A stream that could not be pulled, and why, in both languages (an API's or the OS's own words quoted inside stay as written).
package struct PullError: BilingualError, Sendable, CustomStringConvertible {
    package var stream: String
    package var problem: Bilingual

    package init(stream: String, _ problem: Bilingual) {
        self.stream = stream
        self.problem = problem
    }

    /// The English problem, without the stream.
    package var message: String { problem.en }

    package var description: String { "stream \(stream): \(problem.en)" }

    /// `stream NAME: problem` in both languages.
    package var sentence: Bilingual { Bilingual(description, "数据流 \(stream)：\(problem.zh)") }
}
