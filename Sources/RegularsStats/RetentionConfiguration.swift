import Foundation

/// Settings for retention metrics.
public struct RetentionConfiguration: Sendable, Hashable, Codable {
    /// A customer is *active* at an instant t when they placed at least one counted order in [t − window, t).
    /// Default 365 days.
    public var activityWindow: TimeInterval
    /// Customer acquisition cost in base-currency minor units, for CLV : CAC. `nil` leaves the ratio out.
    public var customerAcquisitionCostMinor: Int64?

    public init(activityWindowDays: Int = 365, customerAcquisitionCostMinor: Int64? = nil) {
        self.activityWindow = TimeInterval(activityWindowDays) * 86_400
        self.customerAcquisitionCostMinor = customerAcquisitionCostMinor
    }
}
