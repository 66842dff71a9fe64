/// A configuration value that cannot be used; its description is the one line printed at start.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public let variable: String
    public let problem: String

    public var description: String { "\(variable): \(problem)" }
}
