import KPISchema
import KPIStore
import KPIWorkspace

extension Pipeline {
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
            throw PipelineError(.busy, "\(busy); nothing was done, run again once it has finished")
        } catch {
            throw .failed("store \(storeURL): cannot take the run lock: \(error)")
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
