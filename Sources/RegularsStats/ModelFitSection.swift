/// One model's part of a `CLVFitReport`: parameters, their standard errors (`null` when the Hessian was not
/// positive definite) and the maximised log-likelihood.
public struct ModelFitSection<Parameters: Codable & Sendable & Hashable>: Sendable, Hashable, Codable {
    public var params: Parameters
    public var stdErrors: Parameters?
    public var logLikelihood: Double

    enum CodingKeys: String, CodingKey {
        case params
        case stdErrors = "std_errors"
        case logLikelihood = "log_likelihood"
    }

    public init(params: Parameters, stdErrors: Parameters?, logLikelihood: Double) {
        self.params = params
        self.stdErrors = stdErrors
        self.logLikelihood = logLikelihood
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(params, forKey: .params)
        try container.encode(stdErrors, forKey: .stdErrors)  // explicit null when absent
        try container.encode(logLikelihood, forKey: .logLikelihood)
    }
}
