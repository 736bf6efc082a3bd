import KPIPipeline
import KPIPull
import KPISchema

extension StreamStateReport {
    package var text: String { text(language: .en) }

    package func text(language l: DisplayLanguage) -> String {
        guard !rows.isEmpty else {
            return l.pick("no streams: kpibridge.yaml has no `streams:` and the store has no stream state",
                          "没有数据流：kpibridge.yaml 没有 `streams:`，存储中也没有数据流状态")
        }
        return rows.map { row in
            var line = "\(row.stream) [\(row.api ?? l.pick("not in kpibridge.yaml", "不在 kpibridge.yaml 中"))]" + l.pick(": ", "：")
            guard let stored = row.stored else { return line + l.pick("nothing pulled yet (starts from `start:`)", "尚未拉取（从 `start:` 开始）") }
            let state = (try? StreamState(json: stored.state)).map { StreamOutcome.summary($0, l) }
                ?? l.pick("unreadable state \(stored.state)", "无法读取的状态 \(stored.state)")
            let at = stored.updatedAt.iso8601
            line += state + (stored.runID.map { l.pick(" · saved \(at) by run #\($0)", " · 运行 #\($0) 保存于 \(at)") }
                ?? l.pick(" · saved \(at) while pulling (a report id, before any load)", " · 拉取中途保存于 \(at)（报告编号，尚未加载）"))
            return line
        }.joined(separator: "\n")
    }
}
