import KPISchema

extension SpecFileReader {
    /// What is wrong with a row's parts: the field and a sentence.
    struct PartProblem: Error {
        var field: Int
        var message: Bilingual
    }

    /// The row once per filled part of `unpivot`, with the part's name and value in the fields they fill.
    static func parts(of values: [FieldValue?], _ unpivot: CompiledSpec.CompiledUnpivot) -> Result<[[FieldValue?]], PartProblem> {
        var rows: [[FieldValue?]] = []
        for part in unpivot.parts {
            guard let value = values[part.value] else { continue }
            guard let name = part.nameField.flatMap({ values[$0] }) ?? part.label.map(FieldValue.text) else {
                return .failure(PartProblem(field: part.nameField!, message: Bilingual("empty, but the amount beside it needs its name",
                                                                                  "为空，但旁边的金额需要它给出名称")))
            }
            var row = values
            row[unpivot.name] = name
            row[unpivot.value] = value
            if let group = unpivot.group { row[group] = part.group.map(FieldValue.text) }
            rows.append(row)
        }
        return .success(rows)
    }
}
