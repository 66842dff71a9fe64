extension Migration {
    /// Refused webhook signatures and write keys, as a count per (source, reason) with the first and latest time
    /// and today's count (`day` is the start of the store day `day_count` counts): an attacker sending bad
    /// signatures moves counters and adds no row, and no body is kept. Independent of the earlier versions' tables.
    static let ingestRejectionCounts = Migration(version: 7, name: "ingest_rejection_counts") { _ in
        [
            """
            CREATE TABLE ingest_rejection_counts (
                source TEXT NOT NULL,
                reason TEXT NOT NULL,
                topic TEXT NOT NULL,
                field TEXT,
                status INTEGER NOT NULL,
                count BIGINT NOT NULL,
                day BIGINT NOT NULL,
                day_count BIGINT NOT NULL,
                first_seen_at BIGINT NOT NULL,
                last_seen_at BIGINT NOT NULL,
                PRIMARY KEY (source, reason))
            """
        ]
    }
}
