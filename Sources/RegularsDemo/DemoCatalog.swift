/// The generated products plus the sampling tables shoppers use to pick from them. A class, so that passing it
/// through the simulation costs one reference count rather than one per stored array (noticeable in debug builds).
final class DemoCatalog: Sendable {
    let products: [DemoProduct]
    let categories: [DemoCategorySpec]
    /// Product indices of all categories concatenated; category `c` occupies `memberStart[c]..<memberStart[c + 1]`.
    let members: [Int]
    let memberStart: [Int]
    /// Alias tables of the members' popularity (aliases are category-local), concatenated in the same layout. Flat
    /// arrays keep the hot sampling path cheap in debug builds.
    let memberProbability: [Double]
    let memberAlias: [Int]
    /// Popularity of the categories, restricted to those that have products.
    let categoryTable: DemoWeightedTable
    /// Category index of each product.
    let categoryOfProduct: [Int]
    /// URL handle of each category's collection page.
    let categoryHandles: [String]
    /// Segment product properties of every variant, built once and shared by all events.
    let eventProperties: [[[String: String]]]

    /// Builds `count` products spread round-robin over the categories, with Zipf-like popularity inside each one.
    init(count: Int, seed: UInt64) {
        var random = DemoRandom(seed: seed, stream: .catalog)
        let categories = DemoCategorySpec.catalog
        var productsByCategory: [[Int]] = Array(repeating: [], count: categories.count)
        var products: [DemoProduct] = []
        products.reserveCapacity(count)
        var categoryOfProduct: [Int] = []
        let combinations: [[Int]] = categories.map { spec in
            var pairs = Array(0..<(spec.modifiers.count * spec.nouns.count))
            random.shuffle(&pairs)
            return pairs
        }
        var variantNumber = 0
        for productIndex in 0..<count {
            let categoryIndex = productIndex % categories.count
            let spec = categories[categoryIndex]
            let ordinal = productsByCategory[categoryIndex].count
            let pairs = combinations[categoryIndex]
            let pair = pairs[ordinal % pairs.count]
            var title = spec.modifiers[pair / spec.nouns.count] + " " + spec.nouns[pair % spec.nouns.count]
            if ordinal >= pairs.count { title += " No. " + String(ordinal / pairs.count + 1) }
            let productID = DemoFormat.padded(productIndex + 1, width: 4)
            let variants = Self.makeVariants(
                spec: spec, productID: productID, variantNumber: &variantNumber, random: &random)
            products.append(
                DemoProduct(
                    externalID: "demo-p-" + productID, title: title, handle: DemoFormat.slug(title),
                    category: spec.name, variants: variants))
            productsByCategory[categoryIndex].append(productIndex)
            categoryOfProduct.append(categoryIndex)
        }
        var memberStart = [0]
        var memberProbability: [Double] = []
        var memberAlias: [Int] = []
        for categoryMembers in productsByCategory {
            var ranks = Array(0..<categoryMembers.count)
            random.shuffle(&ranks)
            let popularity = DemoWeightedTable(weights: ranks.map { 1 / DemoMath.pow(Double($0 + 1), 0.85) })
            memberProbability += popularity.probability
            memberAlias += popularity.alias
            memberStart.append(memberStart[memberStart.count - 1] + categoryMembers.count)
        }
        self.members = productsByCategory.flatMap { $0 }
        self.memberStart = memberStart
        self.memberProbability = memberProbability
        self.memberAlias = memberAlias
        self.categoryTable = DemoWeightedTable(
            weights: categories.indices.map { productsByCategory[$0].isEmpty ? 0 : categories[$0].weight })
        self.eventProperties = products.map { product in
            product.variants.map { variant in
                [
                    "product_id": product.externalID, "sku": variant.sku, "name": product.title,
                    "variant": variant.title, "price": DemoFormat.decimal(minor: variant.priceMinor),
                    "category": product.category, "currency": DemoStoreGenerator.currency,
                ]
            }
        }
        self.products = products
        self.categoryOfProduct = categoryOfProduct
        self.categoryHandles = categories.map { DemoFormat.slug($0.name) }
        self.categories = categories
    }

    private static func makeVariants(
        spec: DemoCategorySpec, productID: String, variantNumber: inout Int, random: inout DemoRandom
    ) -> [DemoVariant] {
        let options = spec.optionSets[random.int(below: spec.optionSets.count)]
        let variantCount = min(options.count, 1 + random.index(weights: [0.35, 0.35, 0.3]))
        let chosen = Array(options.prefix(variantCount))
        let largestPercent = chosen.map(\.pricePercent).max() ?? 100
        // Keep every variant inside $5-$250.
        let upper = max(spec.minimumPrice, min(spec.maximumPrice, Int(25_000 / largestPercent)))
        let logLow = DemoMath.log(Double(spec.minimumPrice))
        let logHigh = DemoMath.log(Double(upper))
        let baseDollars = Int64(DemoMath.exp(logLow + (logHigh - logLow) * random.unit()))
        let ending = random.index(weights: [0.45, 0.4, 0.1, 0.05])  // .00, .99, .50, .95
        var variants: [DemoVariant] = []
        for (position, option) in chosen.enumerated() {
            variantNumber += 1
            let dollars = min(250, max(5, (baseDollars * option.pricePercent + 50) / 100))
            let cents: Int64
            switch ending {
            case 1: cents = dollars * 100 - 1
            case 2: cents = dollars >= 250 ? 25_000 : dollars * 100 + 50
            case 3: cents = dollars * 100 - 5
            default: cents = dollars * 100
            }
            let title = variantCount == 1 ? "Default Title" : option.title
            let suffix = variantCount == 1 ? "" : "-" + String(position + 1)
            variants.append(
                DemoVariant(
                    externalID: "demo-v-" + DemoFormat.padded(variantNumber, width: 5),
                    sku: "CS-" + spec.skuCode + "-" + productID + suffix, title: title,
                    priceMinor: max(500, cents)))
        }
        return variants
    }

    /// A product index from `category`, weighted by popularity.
    func product(in category: Int, using random: inout DemoRandom) -> Int {
        let start = memberStart[category]
        let count = memberStart[category + 1] - start
        if count == 0 { return random.int(below: products.count) }
        let scaled = random.unit() * Double(count)
        let slot = min(count - 1, Int(scaled))
        let chosen = scaled - Double(slot) < memberProbability[start + slot] ? slot : memberAlias[start + slot]
        return members[start + chosen]
    }

    /// A variant index of `product`: the first (smallest/default) option is the most popular.
    func variant(of product: Int, using random: inout DemoRandom) -> Int {
        let count = products[product].variants.count
        if count == 1 { return 0 }
        let roll = random.unit() * (count == 2 ? 0.85 : 1.0)
        return roll < 0.55 ? 0 : (roll < 0.85 || count == 2 ? 1 : 2)
    }
}
