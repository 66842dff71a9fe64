import Foundation
import Logging

/// Sets up logging once per process from `REGULARS_LOG_LEVEL` (default info) and `REGULARS_LOG_FORMAT` (json or
/// text, default json). Logs go to stderr, so a command's stdout carries only its result.
public enum RegularsLogging {
    public static func bootstrap(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ConfigurationError)
    {
        let levelText = environment["REGULARS_LOG_LEVEL"] ?? "info"
        guard let level = Logger.Level(rawValue: levelText.lowercased()) else {
            throw ConfigurationError(
                variable: "REGULARS_LOG_LEVEL",
                problem: "must be trace, debug, info, notice, warning, error or critical")
        }
        switch environment["REGULARS_LOG_FORMAT"] ?? "json" {
        case "json": LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
        case "text":
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        default: throw ConfigurationError(variable: "REGULARS_LOG_FORMAT", problem: "must be json or text")
        }
    }
}
