import Foundation
import SQLKit
import Vapor

/// Keeps web sessions in the `sessions` table, so every instance behind a load balancer shares them.
struct DatabaseSessionDriver: SessionDriver {
    let database: Database
    static let lifetimeMilliseconds: Int64 = 7 * 24 * 3600 * 1000

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        request.eventLoop.makeFutureWithTask {
            let id = SessionID(string: SecretToken.make())
            try await store(id, data)
            return id
        }
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        request.eventLoop.makeFutureWithTask {
            let text = try await database.read { sql in
                try await sql.raw(
                    """
                    SELECT data FROM sessions WHERE id = \(bind: SecretToken.sha256Hex(sessionID.string))
                    AND expires_at > \(bind: Instant.now.milliseconds)
                    """
                ).first(decodingColumn: "data", as: String.self)
            }
            return text.flatMap { JSONText.decode(SessionData.self, from: $0) }
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID>
    {
        request.eventLoop.makeFutureWithTask {
            try await store(sessionID, data)
            return sessionID
        }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        request.eventLoop.makeFutureWithTask {
            try await database.write { sql in
                try await sql.raw("DELETE FROM sessions WHERE id = \(bind: SecretToken.sha256Hex(sessionID.string))")
                    .run()
            }
        }
    }

    /// Stores the session under a digest of its id, so a leaked table does not hand out live cookies.
    private func store(_ id: SessionID, _ data: SessionData) async throws {
        let now = Instant.now.milliseconds
        try await database.write { sql in
            try await sql.raw(
                """
                INSERT INTO sessions (id, data, expires_at)
                VALUES (\(bind: SecretToken.sha256Hex(id.string)), \(bind: JSONText.encode(data)), \(bind: now + Self.lifetimeMilliseconds))
                ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at
                """
            ).run()
            try await sql.raw("DELETE FROM sessions WHERE expires_at < \(bind: now)").run()
        }
    }
}
