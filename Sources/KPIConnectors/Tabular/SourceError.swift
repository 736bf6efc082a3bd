import KPISchema

/// An error that condemns one source file, not the run: the file is reported as failed and the
/// run's other files still load. Store failures are not `SourceError`s and stop the run.
package protocol SourceError: Error, CustomStringConvertible {
    /// What condemned the file, in both languages: the run summary's reader picks one.
    var sentence: Bilingual { get }
}

extension Bilingual {
    /// A thrown error's sentence: a source error's own two languages, any other error's description (a
    /// store's, a library's) as it is written.
    package init(describing error: any Error) {
        self = (error as? any SourceError)?.sentence ?? Bilingual(untranslated: "\(error)")
    }
}

extension FileFormatError: SourceError {}

/// English in both languages for now: connector spec messages are written in many places (spec
/// validation) and still in English only.
extension ConnectorSpecError: SourceError {
    package var sentence: Bilingual { Bilingual(untranslated: description) }
}

extension MissingColumnsError: SourceError {}

extension SourceFileError: SourceError {
    package var sentence: Bilingual {
        switch self {
        case let .unreadable(path, reason): Bilingual(description, "\(path)：无法读取文件：\(reason)")
        case let .undecodable(path, encoding): Bilingual(description, "\(path)：无法按 \(encoding) 解码")
        }
    }
}

extension DelimitedScanError: SourceError {
    package var sentence: Bilingual {
        Bilingual(description, (file.isEmpty ? "" : "\(file)：") + "第 \(line) 行第 \(column) 列：\(message.zh)")
    }
}
