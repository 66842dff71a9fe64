import Vapor

/// One page of a cursor-paginated list: `has_more` tells whether `next_cursor` leads anywhere.
struct Page<Item: Content>: Content {
    var items: [Item]
    var hasMore: Bool
    var nextCursor: String?
}
