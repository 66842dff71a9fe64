import Vapor

/// One analytics refresh: who started it, when, and how it ended.
struct AnalyticsRun: Content, Sendable {
    var id: Int64
    var status: String
    var triggeredBy: String
    var startedAt: Int64
    var finishedAt: Int64?
    var customers: Int?
    var model: String?
    var error: String?
}
