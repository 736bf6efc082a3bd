import KPISchema

/// People a dated roster leaves out though nothing says they left, for `validate`'s warnings.
///
/// A roster is the whole team as of its day, so a person it does not list owns nothing from then on. That
/// is right for someone who left and silently wrong for a roster file that holds only part of the team (one
/// office's sheet): their records would count for nobody. Neither can be told from the files, so it is said.
enum RosterGaps {
    static func warnings(_ roster: Roster) -> [Bilingual] {
        var out: [Bilingual] = []
        let tenures = roster.tenures
        for (index, tenure) in tenures.enumerated() {
            guard let through = tenure.through else { continue }
            let person = tenure.employee, resumes = through.adding(days: 1)
            // Listed again by the next roster, or gone by their own leave date: nothing to say.
            if index + 1 < tenures.count, tenures[index + 1].employee.id == person.id, tenures[index + 1].from == resumes { continue }
            if let left = person.leftOn, left <= through { continue }
            let next = tenures.first { $0.from == resumes }?.employee.lineage?.file ?? resumes.description
            let row = person.lineage.map { "\($0.file):\($0.line)" } ?? "roster"
            out.append(Bilingual(
                "\(row): \(person.id) (\(person.name)) is not on the roster of \(resumes) (\(next)) and has no leave date: "
                    + "nothing is credited to them from \(resumes). If they left, give their leave date (离职日期); if that "
                    + "roster is only part of the team, list everyone in it",
                "\(row)：\(person.id)（\(person.name)）不在 \(resumes) 的花名册（\(next)）中，也没有离职日期：从 \(resumes) 起"
                    + "不再有任何记录计入此人。如已离职，请填写离职日期；如那份花名册只含部分成员，请把全部成员都列进去"))
        }
        return out
    }
}
