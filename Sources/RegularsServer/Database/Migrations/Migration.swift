/// One numbered schema step. Steps are applied in order, once, and recorded in `schema_migrations`.
struct Migration: Sendable {
    let version: Int
    let name: String
    let statements: @Sendable (SQLDialectKind) -> [String]
}
