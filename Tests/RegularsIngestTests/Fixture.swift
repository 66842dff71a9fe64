import Foundation
import RegularsIngest
import Testing

/// Loads files shipped in `Fixtures/` (see `Fixtures/PROVENANCE.md`).
enum Fixture {
    static func url(_ path: String) -> URL {
        let name = (path as NSString).lastPathComponent
        let directory = "Fixtures/" + (path as NSString).deletingLastPathComponent
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        guard let url = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: directory) else {
            fatalError("missing fixture \(path)")
        }
        return url
    }

    static func bytes(_ path: String) -> [UInt8] {
        guard let data = try? Data(contentsOf: url(path)) else { fatalError("unreadable fixture \(path)") }
        return [UInt8](data)
    }

    static func text(_ path: String) -> String {
        String(decoding: bytes(path), as: UTF8.self)
    }

    /// The fixture's text with `replacements` applied, each of which must match (so a stale patch fails loudly).
    static func patched(_ path: String, _ replacements: [(String, String)]) -> [UInt8] {
        var text = text(path)
        for (old, new) in replacements {
            if !text.contains(old) { Issue.record("fixture \(path) does not contain \(old)") }
            text = text.replacingOccurrences(of: old, with: new)
        }
        return Array(text.utf8)
    }
}

/// Instants used across the tests.
enum Instant {
    /// `2024-06-01T00:00:00Z`, a "now" after every fixture's dates.
    static let testNow = utc("2024-06-01T00:00:00Z")

    static func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = formatter.date(from: text) else { fatalError("bad test date \(text)") }
        return date
    }

    static let options = IngestOptions(now: testNow)
}

/// Runs `body` and returns the ``IngestError`` it throws, or `nil` when it succeeds.
func ingestError<T>(_ body: () throws(IngestError) -> T) -> IngestError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}
