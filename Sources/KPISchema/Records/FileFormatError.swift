/// A file that cannot be read as its connector's format: a damaged workbook, truncated JSON,
/// malformed XML. The file fails; the rest of the run goes on.
package struct FileFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    package var file: String
    /// In both languages; a parser's or zlib's own detail quoted inside stays as it wrote it (English).
    package var message: Bilingual

    package init(file: String, message: Bilingual) {
        self.file = file
        self.message = message
    }

    package var description: String { "\(file): \(message.en)" }

    /// The whole sentence in both languages.
    package var sentence: Bilingual { Bilingual("\(file): \(message.en)", "\(file)：\(message.zh)") }
}
