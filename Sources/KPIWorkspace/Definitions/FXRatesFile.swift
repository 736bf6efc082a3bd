import Foundation
import KPIConnectors
import KPISchema

/// Reads the fx table, a CSV with header `date,from,to,rate` (`2026-10-08,USD,CNY,7.1012`).
package enum FXRatesFile {
    package static func load(path: String, display: String, maxCarryDays: Int) throws(PipelineError) -> FXTable {
        var rates: [FXTable.Rate] = []
        guard FileManager.default.fileExists(atPath: path) else {
            throw .failed(Bilingual(
                "\(display): no such file; it should hold the fx rates (`date,from,to,rate`): create it, or correct `fx_rates:` in kpibridge.yaml",
                "\(display)：没有这个文件；它应存放汇率（`date,from,to,rate`）：请创建它，或改正 kpibridge.yaml 里的 `fx_rates:`"))
        }
        do {
            var scanner = DelimitedScanner(source: try FileByteSource(path: path), format: .csv)
            guard let header = try scanner.next() else {
                throw PipelineError.failed(Bilingual("\(display): empty fx table", "\(display)：汇率表是空的"))
            }
            let names = header.fields.map { HeaderName($0).normalized }
            guard names.prefix(4) == ["date", "from", "to", "rate"] else {
                throw PipelineError.failed(Bilingual("\(display):\(header.line): header must be `date,from,to,rate`, found `\(header.raw)`",
                                                     "\(display):\(header.line)：表头应为 `date,from,to,rate`，实际是 `\(header.raw)`"))
            }
            while let record = try scanner.next() {
                // `2026-08-25,USD,CNY,7,1316`: a decimal comma splits the rate; reading 7 would be a wrong number.
                if record.fields.count > header.fields.count {
                    let extra = record.fields[header.fields.count]
                    throw PipelineError.failed(Bilingual(
                        "\(display):\(record.line):\(header.fields.count + 1): `\(extra)` is a cell beyond the header's \(header.fields.count) columns "
                            + "(a decimal comma? write rates with a point, 7.1316, or quote the cell)",
                        "\(display):\(record.line):\(header.fields.count + 1)：`\(extra)` 超出了表头的 \(header.fields.count) 列"
                            + "（是不是用了小数逗号？汇率请用小数点，如 7.1316，或给单元格加引号）"))
                }
                let cells = (0..<4).map { record[cell: $0] }
                guard let date = CivilDate(iso: cells[0]) else {
                    throw PipelineError.failed(Bilingual("\(display):\(record.line):1: `\(cells[0])` is not a date; expected YYYY-MM-DD",
                                                         "\(display):\(record.line):1：`\(cells[0])` 不是日期；应为 YYYY-MM-DD"))
                }
                for (column, code) in [(2, cells[1]), (3, cells[2])]
                where !FXTable.isCurrencyCode(code) {
                    throw PipelineError.failed(Bilingual("\(display):\(record.line):\(column): `\(code)` is not a currency code; expected USD, CNY, …",
                                                         "\(display):\(record.line):\(column)：`\(code)` 不是币种代码；应如 USD、CNY、…"))
                }
                guard !cells[3].isEmpty else {
                    throw PipelineError.failed(Bilingual("\(display):\(record.line):4: the rate is missing",
                                                         "\(display):\(record.line):4：缺少汇率"))
                }
                guard let rate = Decimal(plain: cells[3]), rate > 0 else {
                    throw PipelineError.failed(Bilingual("\(display):\(record.line):4: `\(cells[3])` is not a positive rate",
                                                         "\(display):\(record.line):4：`\(cells[3])` 不是正数汇率"))
                }
                rates.append(FXTable.Rate(date: date, from: cells[1], to: cells[2], rate: rate, origin: "\(display):\(record.line)"))
            }
        } catch let error as PipelineError {
            throw error
        } catch let error as any SourceError {
            throw .failed(Bilingual("\(display): \(error)", "\(display)：\(error.sentence.zh)"))
        } catch {
            throw .failed(Bilingual("\(display): \(error)", "\(display)：\(error)"))
        }
        // A day given twice must agree: the table is not read in an order that could settle it.
        do {
            return try FXTable.combining([rates], maxCarryDays: maxCarryDays)
        } catch {
            throw .failed(error.sentence)
        }
    }
}
