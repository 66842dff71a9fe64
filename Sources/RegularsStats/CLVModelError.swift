/// Why a probabilistic model could not be fitted.
public enum CLVModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No customers (or only zero weights) were given.
    case emptyInput
    /// The input arrays have different lengths.
    case mismatchedLengths
    /// A summary row is invalid: non-finite, negative, `recency > age`, or a non-positive weight.
    case invalidSummary(index: Int, reason: String)
    /// Nobody made a repeat purchase (or, for Gamma-Gamma, fewer than two customers have a repeat purchase with a
    /// positive mean value): the data cannot identify the model's parameters.
    case noRepeatCustomers(model: String)
    /// Every customer has age T = 0, so there is no observation time to learn a purchase rate from.
    case noObservationTime
    /// The optimiser did not reach a stationary point.
    case didNotConverge(model: String, iterations: Int, gradientNorm: Double)

    public var description: String {
        switch self {
        case .emptyInput: return "no customers to fit"
        case .mismatchedLengths: return "input arrays have different lengths"
        case .invalidSummary(let index, let reason): return "invalid customer summary at row \(index): \(reason)"
        case .noRepeatCustomers(let model):
            return "\(model): no repeat buyers in the data, so the model cannot be identified"
        case .noObservationTime: return "every customer has age 0: no observation time"
        case .didNotConverge(let model, let iterations, let gradientNorm):
            return "\(model): optimiser did not converge after \(iterations) iterations (|gradient| = \(gradientNorm))"
        }
    }
}
