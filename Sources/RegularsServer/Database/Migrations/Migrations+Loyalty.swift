extension Migration {
    /// The points ledger and everything that writes to it: accounts (derived totals, kept in the same transaction as
    /// the entries), immutable entries, rewards and redemptions, tier changes, referrals, affiliate commission
    /// entries, stored API responses for
    /// `Idempotency-Key` replays, and the outbound webhooks that carry discount codes to the store.
    static let loyalty = Migration(version: 4, name: "loyalty") { dialect in
        let id = dialect.primaryKey
        return [
            """
            CREATE TABLE loyalty_accounts (
                customer_id BIGINT PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
                balance BIGINT NOT NULL DEFAULT 0,
                pending BIGINT NOT NULL DEFAULT 0,
                debt BIGINT NOT NULL DEFAULT 0,
                earned BIGINT NOT NULL DEFAULT 0,
                entry_count BIGINT NOT NULL DEFAULT 0,
                next_maintenance_at BIGINT,
                tier_id TEXT,
                tier_status TEXT,
                referral_code TEXT NOT NULL UNIQUE,
                referred_by BIGINT,
                summary TEXT,
                updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX loyalty_accounts_due ON loyalty_accounts (next_maintenance_at)",
            """
            CREATE TABLE loyalty_entries (
                id \(id),
                customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                sequence BIGINT NOT NULL,
                operation_key TEXT NOT NULL,
                part INTEGER NOT NULL,
                kind TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'available', 'void')),
                points BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT,
                order_id TEXT,
                body TEXT NOT NULL,
                UNIQUE (customer_id, sequence),
                UNIQUE (customer_id, operation_key, part))
            """,
            "CREATE INDEX loyalty_entries_order ON loyalty_entries (order_id)",
            "CREATE INDEX loyalty_entries_created ON loyalty_entries (created_at)",
            """
            CREATE TABLE loyalty_rewards (
                id \(id),
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('amount_off', 'percent_off', 'free_shipping', 'free_product')),
                points_cost BIGINT NOT NULL CHECK (points_cost > 0),
                value_minor BIGINT,
                currency TEXT,
                percent_basis_points INTEGER,
                product_id TEXT,
                minimum_order_minor BIGINT,
                tier_ids TEXT NOT NULL DEFAULT '[]',
                stock BIGINT,
                issued BIGINT NOT NULL DEFAULT 0,
                starts_at BIGINT,
                ends_at BIGINT,
                active BOOLEAN NOT NULL DEFAULT TRUE,
                created_at BIGINT NOT NULL,
                CHECK (stock IS NULL OR issued <= stock))
            """,
            """
            CREATE TABLE loyalty_redemptions (
                id \(id),
                customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                reward_id BIGINT NOT NULL REFERENCES loyalty_rewards (id),
                points BIGINT NOT NULL,
                code TEXT NOT NULL UNIQUE,
                status TEXT NOT NULL CHECK (status IN ('held', 'issued', 'failed', 'used')),
                operation_key TEXT NOT NULL,
                failure TEXT,
                created_at BIGINT NOT NULL,
                issued_at BIGINT,
                used_at BIGINT,
                used_order_id BIGINT,
                UNIQUE (customer_id, operation_key))
            """,
            "CREATE INDEX loyalty_redemptions_customer ON loyalty_redemptions (customer_id, created_at)",
            """
            CREATE TABLE loyalty_tier_changes (
                id \(id),
                customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                changed_at BIGINT NOT NULL,
                from_tier TEXT NOT NULL,
                to_tier TEXT NOT NULL,
                direction TEXT NOT NULL,
                qualifying_value BIGINT NOT NULL)
            """,
            "CREATE INDEX loyalty_tier_changes_customer ON loyalty_tier_changes (customer_id, changed_at)",
            """
            CREATE TABLE loyalty_referrals (
                id \(id),
                advocate_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                friend_id BIGINT NOT NULL UNIQUE REFERENCES customers (id) ON DELETE CASCADE,
                status TEXT NOT NULL CHECK (status IN ('signed_up', 'held', 'rejected', 'rewarded')),
                reasons TEXT NOT NULL DEFAULT '[]',
                order_id BIGINT,
                created_at BIGINT NOT NULL,
                decided_at BIGINT)
            """,
            "CREATE INDEX loyalty_referrals_advocate ON loyalty_referrals (advocate_id, status)",
            """
            CREATE TABLE loyalty_referral_activity (
                id \(id),
                advocate_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('shared', 'visit')),
                occurred_at BIGINT NOT NULL)
            """,
            "CREATE INDEX loyalty_referral_activity_advocate ON loyalty_referral_activity (advocate_id, kind)",
            """
            CREATE TABLE affiliate_entries (
                id \(id),
                advocate_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('accrual', 'payout')),
                amount_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                reference TEXT NOT NULL,
                actor TEXT,
                created_at BIGINT NOT NULL,
                UNIQUE (advocate_id, reference))
            """,
            "CREATE INDEX affiliate_entries_advocate ON affiliate_entries (advocate_id, id)",
            """
            CREATE TABLE idempotent_requests (
                idempotency_key TEXT PRIMARY KEY,
                fingerprint TEXT NOT NULL,
                status INTEGER NOT NULL,
                body TEXT NOT NULL,
                created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE outbound_webhooks (
                id \(id),
                message_id TEXT NOT NULL UNIQUE,
                event_type TEXT NOT NULL,
                payload TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                created_at BIGINT NOT NULL,
                delivered_at BIGINT)
            """,
        ]
    }
}
