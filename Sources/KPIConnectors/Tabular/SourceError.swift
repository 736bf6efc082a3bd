import KPISchema

/// An error that condemns one source file, not the run: the file is reported as failed and the
/// run's other files still load. Store failures are not `SourceError`s and stop the run.
/// Its ``BilingualError/sentence`` says what condemned the file: the run summary's reader picks a language.
package protocol SourceError: BilingualError, CustomStringConvertible {}

extension FileFormatError: SourceError {}

extension ConnectorSpecError: SourceError {
    package var sentence: Bilingual { Bilingual(description, "\(path)：连接器规格无效：\(problem.zh)") }
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
