/// The Dashboard page, every figure formatted and every chart already rendered as SVG.
struct DashboardView: Encodable {
    var periodText: String
    var tiles: [Tile]
    var heatmap: String
    var retentionCurve: String
    var clvDistribution: String
    var segments: [Segment]
    var model: [LabelledValue]
    var modelNote: String
    var holdoutChart: String
    var holdoutNote: String
    var atRisk: [Customer]
    var hasScores: Bool
    var lastRefresh: String

    struct Tile: Encodable {
        var label: String
        var value: String
        var change: String
        var direction: String
    }

    struct Segment: Encodable {
        var name: String
        var href: String
        var customers: Int
        var share: String
    }

    struct Customer: Encodable {
        var href: String
        var name: String
        var revenue: String
        var pAlive: String
        var drop: String
        var value: String
    }
}
