/// Segment's e-commerce spec v2 event names, and the normalisation of what senders actually send.
public enum SegmentEventName: Sendable {
    public static let productsSearched = "Products Searched"
    public static let productListViewed = "Product List Viewed"
    public static let productListFiltered = "Product List Filtered"
    public static let promotionViewed = "Promotion Viewed"
    public static let promotionClicked = "Promotion Clicked"
    public static let productClicked = "Product Clicked"
    public static let productViewed = "Product Viewed"
    public static let productAdded = "Product Added"
    public static let productRemoved = "Product Removed"
    public static let cartViewed = "Cart Viewed"
    public static let checkoutStarted = "Checkout Started"
    public static let checkoutStepViewed = "Checkout Step Viewed"
    public static let checkoutStepCompleted = "Checkout Step Completed"
    public static let paymentInfoEntered = "Payment Info Entered"
    public static let orderUpdated = "Order Updated"
    public static let orderCompleted = "Order Completed"
    public static let orderRefunded = "Order Refunded"
    public static let orderCancelled = "Order Cancelled"
    public static let couponEntered = "Coupon Entered"
    public static let couponApplied = "Coupon Applied"
    public static let couponDenied = "Coupon Denied"
    public static let couponRemoved = "Coupon Removed"
    public static let productAddedToWishlist = "Product Added to Wishlist"
    public static let productRemovedFromWishlist = "Product Removed from Wishlist"
    public static let wishlistProductAddedToCart = "Wishlist Product Added to Cart"
    public static let productShared = "Product Shared"
    public static let cartShared = "Cart Shared"
    public static let productReviewed = "Product Reviewed"

    /// Every v2 name.
    public static let all: [String] = [
        productsSearched, productListViewed, productListFiltered, promotionViewed, promotionClicked, productClicked,
        productViewed, productAdded, productRemoved, cartViewed, checkoutStarted, checkoutStepViewed,
        checkoutStepCompleted, paymentInfoEntered, orderUpdated, orderCompleted, orderRefunded, orderCancelled,
        couponEntered, couponApplied, couponDenied, couponRemoved, productAddedToWishlist,
        productRemovedFromWishlist, wishlistProductAddedToCart, productShared, cartShared, productReviewed,
    ]

    /// The v1 names the spec still accepts, and their v2 equivalents.
    public static let v1Aliases: [String: String] = [
        "Viewed Product": productViewed,
        "Added Product": productAdded,
        "Removed Product": productRemoved,
        "Clicked Product": productClicked,
        "Viewed Product Category": productListViewed,
        "Completed Order": orderCompleted,
    ]

    static let byKey: [String: String] = {
        var table: [String: String] = [:]
        for name in all { table[key(name)] = name }
        for (alias, name) in v1Aliases { table[key(alias)] = name }
        return table
    }()

    /// The canonical v2 name for a v2 name or v1 alias written in any case, with spaces, underscores or hyphens
    /// (`order_completed`, `ORDER COMPLETED`, `Completed Order` → `Order Completed`); other names unchanged.
    public static func canonical(_ name: String) -> String {
        byKey[key(name)] ?? name
    }

    static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: " ")
    }
}
