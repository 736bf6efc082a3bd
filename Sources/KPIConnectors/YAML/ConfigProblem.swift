import KPISchema

/// A problem in one configuration file: the file as the user names it, and one plain sentence in both
/// languages (a decoder's own detail quoted inside stays as the decoder wrote it).
package struct ConfigProblem: Error, Sendable, Equatable, CustomStringConvertible {
    package var file: String
    package var sentence: Bilingual

    package init(file: String, sentence: Bilingual) {
        self.file = file
        self.sentence = sentence
    }

    /// The English sentence, without the file.
    package var message: String { sentence.en }

    package var description: String { "\(file): \(message)" }

    /// `file: sentence` in both languages.
    package var located: Bilingual { Bilingual("\(file): \(sentence.en)", "\(file)：\(sentence.zh)") }
}
