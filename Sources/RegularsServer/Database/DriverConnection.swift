@preconcurrency import PostgresKit
import SQLiteKit

/// The driver connection under a pooled SQLKit connection, for the few bulk paths that bind a million values
/// directly: SQLKit's `Encodable` binds cost more there than the database's own work.
enum DriverConnection: Sendable {
    case sqlite(SQLiteConnection)
    case postgres(PostgresConnection)
}
