import RegularsIngest
import Vapor

extension Problem {
    /// A payload the parser refused, as problem+json naming the field (the whole body when no field is at fault).
    init(_ error: IngestError, title: String) {
        self.init(
            status: HTTPResponseStatus(statusCode: error.httpStatus), title: title, detail: error.description,
            invalidParams: [.init(name: error.field.isEmpty ? "body" : error.field, reason: error.reason)])
    }
}
