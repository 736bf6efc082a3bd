/// The warehouse a run writes to. SQLite is the embedded default; PostgreSQL implements the same contract
/// (both through ``SQLStore``, which writes each operation once).
///
/// The contract is split by concern — ``RunLedger``, ``RecordStore``, ``FactStore``, ``ScoreStore``,
/// ``TableScanning``, ``StreamStateStore`` — so a job or a reader states which part it needs. Every method is
/// one transaction, so a killed run leaves each file either wholly loaded (with its ledger row) or not at all.
package protocol WarehouseStore: RunLedger, RecordStore, FactStore, ScoreStore, TableScanning, StreamStateStore {}
