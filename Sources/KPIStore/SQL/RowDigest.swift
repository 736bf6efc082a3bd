/// 128 bits standing in for a row's values while a derived table is compared with a fresh computation.
///
/// A full refresh compares every stored row of a table with the recomputed one; holding the stored rows
/// themselves took 1.5 GB for a million-line store's reconciliation details. Two hashes of the values, each
/// seeded with its own salt, make a digest of 32 bytes per row with a key and its content; two different rows
/// share one with a probability near 2⁻¹²⁸. The hasher's seed changes from process to process: digests are
/// compared within one refresh, never stored.
struct RowDigest: Hashable {
    private let low: Int
    private let high: Int

    init(_ values: [TableValue]) {
        var first = Hasher(), second = Hasher()
        first.combine(0x6b70_6962)
        second.combine(0x7269_6467)
        first.combine(values)
        second.combine(values)
        low = first.finalize()
        high = second.finalize()
    }
}
