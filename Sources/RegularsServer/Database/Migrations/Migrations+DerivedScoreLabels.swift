extension Migration {
    /// `customer_scores` keeps the numbers and no longer the words derived from them: the churn band follows from
    /// P(alive) (`ChurnRisk`), the RFM segment from the three scores (`RFMSegment`), the model from the refresh run
    /// (`analytics_runs.model`), and readers derive them. A refresh rewrites every row; the words were over a third of
    /// each row's bytes, and a copy that could disagree with what it was derived from.
    static let derivedScoreLabels = Migration(version: 9, name: "derived_score_labels") { _ in
        ["model", "churn_risk", "rfm_segment"].map { "ALTER TABLE customer_scores DROP COLUMN \($0)" }
    }
}
