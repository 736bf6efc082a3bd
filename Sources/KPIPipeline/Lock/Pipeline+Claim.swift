import KPISchema
import KPIStore
import KPIWorkspace

extension Pipeline {
    /// `pid 4242 on host-a (kpibridge run) since …` in Chinese: who holds the run lock.
    private static func holderZh(_ holder: RunHolder?) -> String {
        guard let holder else { return "占用者未知" }
        return "主机 \(holder.host) 上的 pid \(holder.pid)（kpibridge \(holder.command)），自 \(holder.since.iso8601) 起"
    }

    /// A job's hold on the store: the lease (freed when this value goes) and what taking it found.
    package struct Claim {
        let lease: any RunLease
        /// Set when runs that died mid-way were found and marked `abandoned`.
        let note: Bilingual?
    }

    /// Claims the store for `command` before anything is planned or written, so two cron hosts (or
    /// a manual run during the nightly one) never load the same inbox at once. Fails at once with
    /// exit code 3 naming the holder; runs whose process died are marked `abandoned` in `runs`.
    package func claim(_ command: String) throws(PipelineError) -> Claim {
        let lease: any RunLease
        do {
            lease = try store.acquireRunLock(.current(command: command, at: now()))
        } catch let busy as RunLockBusy {
            // The English is unchanged ("another run holds the store", which CI greps); a wrapper should read
            // exit code 3, which is the same in both languages.
            throw PipelineError(.busy, Bilingual("\(busy); nothing was done, run again once it has finished",
                                                 "另一个运行正占用存储：\(Self.holderZh(busy.holder))（锁 \(busy.lock)）；"
                                                 + "未做任何操作，请等它结束后再运行"))
        } catch {
            throw .failed(Bilingual("store \(storeURL): cannot take the run lock: \(error)", "存储 \(storeURL)：无法获取运行锁：\(error)"))
        }
        let abandoned = try storeCall { try store.abandonUnfinishedRuns(at: now()) }
        guard !abandoned.isEmpty || lease.takenOver != nil else { return Claim(lease: lease, note: nil) }
        let ids = abandoned.map { "#\($0)" }
        let who = lease.takenOver.map { Bilingual("the run lock of \($0) was left behind: that process ended without finishing",
                                                  "\($0) 留下了运行锁：那个进程没有正常结束") }
            ?? Bilingual("earlier runs ended without finishing", "之前的运行没有正常结束")
        let marked = ids.isEmpty ? .empty
            : Bilingual("; run \(ids.joined(separator: ", ")) marked abandoned in `runs`", "；运行 \(ids.joined(separator: "、")) 已在 `runs` 中记为「进程中止（已放弃）」")
        return Claim(lease: lease, note: who + marked
                     + Bilingual("; files it loaded completely are kept, the rest load now", "；已完整加载的文件保留，其余的现在加载"))
    }
}
