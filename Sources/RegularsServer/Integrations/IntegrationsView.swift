/// The Integrations page: one card per source, every figure formatted, and a secret or key revealed once.
struct IntegrationsView: Encodable {
    var revealed: Revealed?
    var sources: [Source]

    struct Revealed: Encodable {
        var label: String
        var value: String
    }

    struct Source: Encodable {
        var id: String
        var name: String
        var status: String
        var statusClass: String
        var secretState: String?
        var canRotate: Bool
        var endpoints: [String]
        var facts: [LabelledValue]
        var rejections: [Rejection]
        var isSegment: Bool
        var writeKeys: [WriteKey]
    }

    struct Rejection: Encodable {
        var at: String
        var topic: String
        var field: String
        var reason: String
    }

    struct WriteKey: Encodable {
        var prefix: String
        var name: String
        var created: String
        var active: Bool
    }
}
