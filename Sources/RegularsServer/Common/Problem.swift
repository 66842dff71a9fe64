import Vapor

/// An RFC 9457 problem detail: every API error leaves the server in this shape, as `application/problem+json`.
public struct Problem: Error, Content, Sendable, Equatable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String?
    public var instance: String?
    /// The fields at fault, when the request's content is to blame (`invalid_params`, as in RFC 9457 §3's example).
    public var invalidParams: [InvalidParam]?

    public struct InvalidParam: Content, Sendable, Equatable {
        public var name: String
        public var reason: String
    }

    public init(
        status: HTTPResponseStatus, title: String? = nil, detail: String? = nil, invalidParams: [InvalidParam]? = nil,
        type: String = "about:blank"
    ) {
        self.type = type
        self.title = title ?? status.reasonPhrase
        self.status = Int(status.code)
        self.detail = detail
        self.invalidParams = invalidParams
    }

    /// 400 naming the one field that is wrong.
    public static func invalidField(_ name: String, _ reason: String) -> Problem {
        Problem(
            status: .badRequest, title: "Invalid request", detail: "\(name): \(reason)",
            invalidParams: [InvalidParam(name: name, reason: reason)])
    }

    public static func notFound(_ what: String) -> Problem {
        Problem(status: .notFound, detail: "\(what) was not found")
    }

    public static let mediaType = HTTPMediaType(type: "application", subType: "problem+json")
}
