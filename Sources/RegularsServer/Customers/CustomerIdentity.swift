import RegularsCore

/// One identifier of a customer in one source system.
struct CustomerIdentity: Hashable, Sendable {
    var source: IdentitySource
    var externalID: String
}
