import KPISchema
import KPIWorkspace

/// `kpibridge definitions show` and `diff`: every concept and the variant each profile version picks.
package struct DefinitionsReport: Sendable {
    package let file: DefinitionsFile
    package var language: DisplayLanguage?

    package init(file: DefinitionsFile, language: DisplayLanguage? = nil) {
        self.file = file
        self.language = language
    }

    /// The phrase in the chosen language; English when none was chosen (the machine-name output).
    private func say(_ en: String, _ zh: String) -> String { (language ?? .en).pick(en, zh) }

    private func concept(_ c: Concept) -> String {
        language.map { "\(DisplayNames.concept(c.rawValue, $0)) (\(c.rawValue))" } ?? c.rawValue
    }

    private func variant(_ profile: DefinitionProfile, _ c: Concept) -> String {
        let raw = profile.variant(c)
        var text = language.map { DisplayNames.variant(raw, $0) } ?? raw
        if c == .responseTime, case .businessHours(let calendar) = profile.responseTime { text += (language == .zh ? "：" : ": ") + calendar.summary(language ?? .en) }
        return text
    }

    /// Each version of `profile` (or of every profile): its dates and every concept's variant.
    package func show(profile: String? = nil) throws(PipelineError) -> String {
        let names = try selected(profile)
        var lines: [String] = []
        for name in names {
            let versions = file.definitions.versions(of: name)
            for (index, version) in versions.enumerated() {
                let until = index + 1 < versions.count
                    ? versions[index + 1].effectiveFrom.map { say(" until \($0.adding(days: -1))", " 至 \($0.adding(days: -1))") } ?? "" : ""
                let from = version.effectiveFrom.map { say("from \($0)", "自 \($0)") } ?? say("from the beginning", "自始")
                let description = version.description(in: language ?? .en)
                lines.append("\(version.label)  \(from)\(until)" + (description.map { " — \($0)" } ?? ""))
                let width = Concept.allCases.map { concept($0).count }.max()!
                for c in Concept.allCases {
                    let changed = index > 0 && versions[index - 1].variant(c) != version.variant(c)
                    lines.append("  \(concept(c).padding(toLength: width, withPad: " ", startingAt: 0))  \(variant(version, c))"
                                 + (changed ? say("   (changed in v\(version.version))", "   （v\(version.version) 起变更）") : ""))
                }
                lines.append("")
            }
        }
        if profile == nil, !file.pairs.isEmpty {
            let pairs = file.pairs.map { "\($0.a) vs \($0.b)" }.joined(separator: ", ")
            let grains = file.detailGrains.sorted().map { grain in language.map { DisplayNames.grain(grain.rawValue, $0) } ?? grain.rawValue }
            lines.append(say("reconciled pairs: \(pairs); details kept for ", "对账的口径组合：\(pairs)；逐条记录保存粒度：")
                         + grains.joined(separator: say(", ", "、")))
        }
        return lines.joined(separator: "\n")
    }

    /// The concepts on which two profiles' versions in force on `date` (default: their latest) differ.
    package func diff(_ a: String, _ b: String, on date: CivilDate? = nil) throws(PipelineError) -> String {
        _ = try selected(a)
        _ = try selected(b)
        func pick(_ name: String) -> DefinitionProfile {
            date.flatMap { file.definitions.dated(name, on: $0) } ?? file.definitions.versions(of: name).last!
        }
        let va = pick(a), vb = pick(b)
        let differing = va.differences(from: vb)
        var lines = ["\(va.label) vs \(vb.label)" + (date.map { say(" on \($0)", "（\($0)）") } ?? "") + say(": ", "：")
                     + (differing.isEmpty ? say("no differences", "没有分歧")
                        : say("\(differing.count) of \(Concept.allCases.count) concepts differ",
                              "\(Concept.allCases.count) 个概念中 \(differing.count) 个不同"))]
        let width = differing.map { concept($0).count }.max() ?? 0
        let left = differing.map { variant(va, $0).count }.max() ?? 0
        for c in differing {
            lines.append("  \(concept(c).padding(toLength: width, withPad: " ", startingAt: 0))  "
                         + "\(variant(va, c).padding(toLength: left, withPad: " ", startingAt: 0))  |  \(variant(vb, c))")
        }
        return lines.joined(separator: "\n")
    }

    private func selected(_ profile: String?) throws(PipelineError) -> [String] {
        guard let profile else { return file.definitions.names }
        guard !file.definitions.versions(of: profile).isEmpty else {
            let names = file.definitions.names.joined(separator: ", ")
            throw .usage(Bilingual("no profile `\(profile)`; profiles: \(names)", "没有口径 `\(profile)`；已有口径：\(names)"))
        }
        return [profile]
    }
}
