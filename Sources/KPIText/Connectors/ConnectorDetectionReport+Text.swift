import KPIConnectors
import KPIPipeline
import KPISchema

extension ConnectorDetectionReport {
    package var text: String { text(language: .en) }

    package func text(language l: DisplayLanguage) -> String {
        var lines: [String] = []
        switch choice {
        case .success(let best):
            lines.append(l.pick("\(file): \(best.connector) fits (\(best.matched) of \(best.fieldCount) fields found)",
                                "\(file)：\(best.connector) 符合（\(best.fieldCount) 个字段中找到 \(best.matched) 个）"))
        case .failure(let error): lines.append(error.sentence(l))
        }
        if ranked.isEmpty { lines.append(l.pick("  no connector found any of its columns", "  没有连接器认出它的任何一列")) }
        for (rank, detection) in ranked.prefix(10).enumerated() {
            var line = l.pick("  \(rank + 1). \(detection.connector): \(detection.matched)/\(detection.fieldCount) fields",
                              "  \(rank + 1). \(detection.connector)：\(detection.matched)/\(detection.fieldCount) 个字段")
            if detection.fits {
                line += l.pick(", all needed columns", "，所需的列都在")
            } else if detection.missing.isEmpty {
                line += l.pick(", too few of its columns to be sure (needs more than half, or one only it knows)",
                               "，认出的列太少，无法确定（需要超过一半，或有一列只有它认识）")
            } else {
                let missing = detection.missing.map { "`\($0)`" }
                line += l.pick(", missing " + missing.joined(separator: ", "), "，缺少 " + missing.joined(separator: "、"))
            }
            if detection.headerLine > 0 { line += l.pick(", header on line \(detection.headerLine)", "，表头在第 \(detection.headerLine) 行") }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
