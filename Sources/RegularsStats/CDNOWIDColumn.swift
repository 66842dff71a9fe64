/// Which column of a 5-column CDNOW line holds the customer id to use.
public enum CDNOWIDColumn: Sendable, Hashable {
    /// The first column (`customer_id`).
    case first
    /// The second column (the sequential id of the 1/10 sample, 1…2357, which the CDNOW summary CSV uses).
    case second
}
