extension Migration {
    /// Every schema step, in order. Append new steps; never edit one that has shipped.
    static let all: [Migration] = [
        foundation, analytics, ingest, loyalty, integrations, analyticsRollups, ingestRejectionCounts, compactScores,
        derivedScoreLabels,
    ]

    /// Customers and identities, consent, products, orders, refunds, checkouts, events, keys, admins and sessions.
    /// Instants are BIGINT milliseconds since the epoch (UTC); money is BIGINT minor units beside its currency code.
    static let foundation = Migration(version: 1, name: "foundation") { dialect in
        let id = dialect.primaryKey
        return [
            """
            CREATE TABLE settings (
                key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE customers (
                id \(id),
                email TEXT,
                phone TEXT,
                first_name TEXT,
                last_name TEXT,
                birth_month INTEGER,
                birth_day INTEGER,
                birth_year INTEGER,
                locale TEXT,
                time_zone TEXT,
                tags TEXT NOT NULL DEFAULT '[]',
                search_text TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                redacted_at BIGINT,
                order_count INTEGER NOT NULL DEFAULT 0,
                first_order_at BIGINT,
                last_order_at BIGINT,
                net_revenue_minor BIGINT NOT NULL DEFAULT 0,
                refunded_minor BIGINT NOT NULL DEFAULT 0)
            """,
            "CREATE UNIQUE INDEX customers_email ON customers (email)",
            "CREATE INDEX customers_phone ON customers (phone)",
            """
            CREATE TABLE customer_identities (
                id \(id),
                customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                source TEXT NOT NULL,
                external_id TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                UNIQUE (source, external_id))
            """,
            "CREATE INDEX customer_identities_customer ON customer_identities (customer_id)",
            """
            CREATE TABLE customer_consents (
                id \(id),
                customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'whatsapp')),
                granted BOOLEAN NOT NULL,
                occurred_at BIGINT NOT NULL,
                source TEXT NOT NULL)
            """,
            "CREATE INDEX customer_consents_customer ON customer_consents (customer_id, channel, occurred_at)",
            """
            CREATE TABLE products (
                id \(id),
                source TEXT NOT NULL,
                external_id TEXT NOT NULL,
                title TEXT NOT NULL,
                category TEXT,
                created_at BIGINT NOT NULL,
                UNIQUE (source, external_id))
            """,
            """
            CREATE TABLE product_variants (
                id \(id),
                product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
                external_id TEXT NOT NULL,
                sku TEXT,
                title TEXT NOT NULL,
                price_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                UNIQUE (product_id, external_id))
            """,
            "CREATE INDEX product_variants_sku ON product_variants (sku)",
            """
            CREATE TABLE orders (
                id \(id),
                source TEXT NOT NULL,
                external_id TEXT NOT NULL,
                number TEXT,
                customer_id BIGINT REFERENCES customers (id),
                email TEXT,
                placed_at BIGINT NOT NULL,
                currency TEXT NOT NULL,
                subtotal_minor BIGINT NOT NULL,
                discount_minor BIGINT NOT NULL,
                shipping_minor BIGINT NOT NULL,
                tax_minor BIGINT NOT NULL,
                total_minor BIGINT NOT NULL,
                base_currency TEXT NOT NULL,
                base_subtotal_minor BIGINT NOT NULL,
                base_discount_minor BIGINT NOT NULL,
                base_shipping_minor BIGINT NOT NULL,
                base_tax_minor BIGINT NOT NULL,
                base_total_minor BIGINT NOT NULL,
                financial_status TEXT NOT NULL,
                fulfillment_status TEXT NOT NULL,
                cancelled_at BIGINT,
                discount_codes TEXT NOT NULL DEFAULT '[]',
                landing_site TEXT,
                referring_site TEXT,
                source_updated_at BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                CHECK (total_minor >= 0 AND base_total_minor >= 0),
                UNIQUE (source, external_id))
            """,
            "CREATE INDEX orders_customer ON orders (customer_id, placed_at)",
            "CREATE INDEX orders_placed ON orders (placed_at)",
            """
            CREATE TABLE order_lines (
                id \(id),
                order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                product_id BIGINT REFERENCES products (id),
                variant_id BIGINT REFERENCES product_variants (id),
                external_id TEXT,
                sku TEXT,
                title TEXT NOT NULL,
                quantity INTEGER NOT NULL CHECK (quantity > 0),
                unit_price_minor BIGINT NOT NULL CHECK (unit_price_minor >= 0),
                discount_minor BIGINT NOT NULL,
                total_minor BIGINT NOT NULL,
                UNIQUE (order_id, position))
            """,
            """
            CREATE TABLE refunds (
                id \(id),
                order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
                source TEXT NOT NULL,
                external_id TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                currency TEXT NOT NULL,
                amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
                base_amount_minor BIGINT NOT NULL CHECK (base_amount_minor >= 0),
                reason TEXT,
                UNIQUE (source, external_id))
            """,
            "CREATE INDEX refunds_order ON refunds (order_id)",
            """
            CREATE TABLE refund_lines (
                id \(id),
                refund_id BIGINT NOT NULL REFERENCES refunds (id) ON DELETE CASCADE,
                order_line_id BIGINT NOT NULL REFERENCES order_lines (id) ON DELETE CASCADE,
                quantity INTEGER NOT NULL CHECK (quantity > 0),
                amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0))
            """,
            """
            CREATE TABLE checkouts (
                id \(id),
                source TEXT NOT NULL,
                token TEXT NOT NULL,
                customer_id BIGINT REFERENCES customers (id),
                email TEXT,
                currency TEXT NOT NULL,
                value_minor BIGINT NOT NULL,
                recovery_url TEXT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                completed_at BIGINT,
                UNIQUE (source, token))
            """,
            "CREATE INDEX checkouts_open ON checkouts (completed_at, updated_at)",
            """
            CREATE TABLE events (
                id \(id),
                message_id TEXT NOT NULL UNIQUE,
                type TEXT NOT NULL,
                customer_id BIGINT REFERENCES customers (id),
                anonymous_id TEXT,
                properties TEXT NOT NULL DEFAULT '{}',
                occurred_at BIGINT NOT NULL,
                received_at BIGINT NOT NULL,
                source TEXT NOT NULL)
            """,
            "CREATE INDEX events_customer ON events (customer_id, occurred_at)",
            "CREATE INDEX events_anonymous ON events (anonymous_id)",
            """
            CREATE TABLE api_keys (
                id \(id),
                prefix TEXT NOT NULL UNIQUE,
                key_hash TEXT NOT NULL,
                scope TEXT NOT NULL CHECK (scope IN ('ingest', 'admin')),
                name TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                last_used_at BIGINT,
                revoked_at BIGINT)
            """,
            """
            CREATE TABLE admin_users (
                id \(id),
                email TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                locale TEXT,
                created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE sessions (
                id TEXT PRIMARY KEY,
                data TEXT NOT NULL,
                expires_at BIGINT NOT NULL)
            """,
            "CREATE INDEX sessions_expiry ON sessions (expires_at)",
        ]
    }

    /// Aggregates the lifetime-value models need, the scores a refresh writes, and the refresh runs themselves
    /// (a partial unique index lets only one run be `running` across every instance).
    static let analytics = Migration(version: 2, name: "analytics") { dialect in
        let id = dialect.primaryKey
        return [
            "ALTER TABLE customers ADD COLUMN order_days INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE customers ADD COLUMN first_order_net_minor BIGINT NOT NULL DEFAULT 0",
            """
            CREATE TABLE customer_scores (
                customer_id BIGINT PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
                run_id BIGINT NOT NULL,
                model TEXT NOT NULL,
                p_alive DOUBLE PRECISION,
                expected_orders_90d DOUBLE PRECISION,
                predicted_clv_12m_minor BIGINT,
                churn_risk TEXT,
                rfm_recency INTEGER NOT NULL,
                rfm_frequency INTEGER NOT NULL,
                rfm_monetary INTEGER NOT NULL,
                rfm_segment TEXT NOT NULL,
                next_order_at BIGINT)
            """,
            "CREATE INDEX customer_scores_segment ON customer_scores (rfm_segment)",
            """
            CREATE TABLE analytics_runs (
                id \(id),
                status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
                triggered_by TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                heartbeat_at BIGINT NOT NULL,
                finished_at BIGINT,
                customers INTEGER,
                model TEXT,
                report TEXT,
                error TEXT)
            """,
            "CREATE UNIQUE INDEX analytics_runs_one_running ON analytics_runs (status) WHERE status = 'running'",
        ]
    }

    /// Webhook deliveries already processed (so a retried delivery changes nothing) and rejected ones (with why).
    static let ingest = Migration(version: 3, name: "ingest") { dialect in
        let id = dialect.primaryKey
        return [
            """
            CREATE TABLE webhook_deliveries (
                id \(id),
                source TEXT NOT NULL,
                delivery_id TEXT NOT NULL,
                topic TEXT NOT NULL,
                received_at BIGINT NOT NULL,
                UNIQUE (source, delivery_id))
            """,
            """
            CREATE TABLE ingest_rejections (
                id \(id),
                source TEXT NOT NULL,
                topic TEXT NOT NULL,
                delivery_id TEXT,
                status INTEGER NOT NULL,
                field TEXT,
                reason TEXT NOT NULL,
                received_at BIGINT NOT NULL)
            """,
            "CREATE INDEX ingest_rejections_recent ON ingest_rejections (source, received_at)",
        ]
    }

    /// What the Integrations page counts per source and day: deliveries and Segment events by receive time.
    /// (Webhook secrets set at runtime live in `settings`.) Independent of version 4.
    static let integrations = Migration(version: 5, name: "integrations") { _ in
        [
            "CREATE INDEX webhook_deliveries_recent ON webhook_deliveries (source, received_at)",
            "CREATE INDEX events_source_received ON events (source, received_at)",
        ]
    }

    /// What the analytics refresh reads instead of the orders: each customer's counted orders and net revenue per
    /// (UTC) calendar month, and their sum per (acquisition month, activity month) — the cohort matrix — both kept in
    /// step at ingest by `AnalyticsRollups` and backfilled here from the orders already stored. `p_alive_previous` keeps
    /// the previous refresh's P(alive) so the Dashboard can show whose dropped; `holdout` keeps a run's
    /// predicted-vs-actual check.
    static let analyticsRollups = Migration(version: 6, name: "analytics_rollups") { dialect in
        [
            """
            CREATE TABLE customer_months (
                customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                month INTEGER NOT NULL,
                orders INTEGER NOT NULL,
                net_minor BIGINT NOT NULL,
                PRIMARY KEY (customer_id, month))
            """,
            """
            CREATE TABLE cohort_months (
                cohort_month INTEGER NOT NULL,
                month INTEGER NOT NULL,
                customers BIGINT NOT NULL,
                orders BIGINT NOT NULL,
                net_minor BIGINT NOT NULL,
                repeat_customers BIGINT NOT NULL,
                repeat_net_minor BIGINT NOT NULL,
                PRIMARY KEY (cohort_month, month))
            """,
            "ALTER TABLE customer_scores ADD COLUMN p_alive_previous DOUBLE PRECISION",
            "ALTER TABLE analytics_runs ADD COLUMN rollups TEXT",
        ] + AnalyticsRollups.rebuildStatements(dialect)
    }
}
