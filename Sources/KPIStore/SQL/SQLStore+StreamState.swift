import KPISchema

extension SQLStore {
    package func streamStates() throws -> [StoredStreamState] {
        try read { session in
            try session.rows("SELECT stream, state, updated_at, run_id FROM stream_state ORDER BY stream", []).map { row in
                StoredStreamState(stream: try row.text(0), state: try row.text(1),
                                  updatedAt: Instant(iso8601: try row.text(2)) ?? Instant(secondsSinceEpoch: 0),
                                  runID: row[3] == .null ? nil : try row.int64(3))
            }
        }
    }

    package func saveStreamState(_ state: StoredStreamState) throws {
        try write { session in
            try session.execute("DELETE FROM stream_state WHERE stream = ?", [.text(state.stream)])
            try session.execute("INSERT INTO stream_state (stream, state, updated_at, run_id) VALUES (?, ?, ?, ?)",
                                [.text(state.stream), .text(state.state), .text(state.updatedAt.iso8601),
                                 state.runID.map(StoreValue.integer) ?? .null])
        }
    }

    package func deleteStreamState(_ stream: String) throws -> Bool {
        try write { session in
            try session.execute("DELETE FROM stream_state WHERE stream = ?", [.text(stream)]) > 0
        }
    }
}
