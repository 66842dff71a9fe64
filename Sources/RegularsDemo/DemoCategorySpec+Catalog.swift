extension DemoCategorySpec {
    private typealias O = DemoVariantOption

    /// The store's eight categories; their order is part of the output contract.
    static let catalog: [DemoCategorySpec] = [
        DemoCategorySpec(
            name: "Tea & Coffee", skuCode: "TEA", weight: 1.3, minimumPrice: 8, maximumPrice: 40,
            modifiers: ["Organic", "Single-Origin", "Reserve", "Daily", "Ceremonial", "Smoky", "Honeyed", "Mountain"],
            nouns: [
                "Jasmine Green Tea", "Earl Grey", "Sencha", "Oolong", "Chai Blend", "Coffee Beans", "Cold Brew Pack",
                "Matcha", "Rooibos", "Hojicha", "Espresso Roast", "Breakfast Tea",
            ],
            optionSets: [
                [
                    O(title: "50 g", pricePercent: 100), O(title: "100 g", pricePercent: 180),
                    O(title: "250 g", pricePercent: 380),
                ],
                [
                    O(title: "Loose Leaf", pricePercent: 100), O(title: "Tea Bags x20", pricePercent: 110),
                    O(title: "Gift Tin", pricePercent: 160),
                ],
            ],
            queries: ["green tea", "matcha", "coffee beans", "chai", "oolong", "tea gift", "decaf", "earl grey"]),
        DemoCategorySpec(
            name: "Kitchen", skuCode: "KIT", weight: 1.0, minimumPrice: 12, maximumPrice: 120,
            modifiers: ["Stoneware", "Walnut", "Enamel", "Copper", "Handmade", "Glazed", "Olive Wood", "Ceramic"],
            nouns: [
                "Mug Set", "Serving Bowl", "Pour-Over Kettle", "Cutting Board", "Teapot", "Salad Servers",
                "Butter Dish",
                "Espresso Cups", "Platter", "Spice Jars",
            ],
            optionSets: [
                [
                    O(title: "Natural", pricePercent: 100), O(title: "Charcoal", pricePercent: 100),
                    O(title: "Sage", pricePercent: 100),
                ],
                [
                    O(title: "Small", pricePercent: 100), O(title: "Medium", pricePercent: 135),
                    O(title: "Large", pricePercent: 170),
                ],
            ],
            queries: ["mug", "teapot", "cutting board", "kettle", "serving bowl", "ceramic", "gift for host"]),
        DemoCategorySpec(
            name: "Home Fragrance", skuCode: "FRG", weight: 1.2, minimumPrice: 14, maximumPrice: 68,
            modifiers: [
                "Lavender", "Fig & Cedar", "Sea Salt", "Amber", "Vetiver", "Orange Blossom", "Sandalwood", "Bergamot",
            ],
            nouns: [
                "Soy Candle", "Reed Diffuser", "Room Spray", "Incense Sticks", "Wax Melts", "Travel Candle",
                "Linen Mist",
            ],
            optionSets: [
                [
                    O(title: "Small", pricePercent: 100), O(title: "Medium", pricePercent: 150),
                    O(title: "Large", pricePercent: 210),
                ],
                [
                    O(title: "Single", pricePercent: 100), O(title: "Refill", pricePercent: 80),
                    O(title: "Duo", pricePercent: 185),
                ],
            ],
            queries: ["candle", "diffuser", "lavender", "room spray", "incense", "amber candle", "gift set"]),
        DemoCategorySpec(
            name: "Textiles", skuCode: "TXT", weight: 0.9, minimumPrice: 18, maximumPrice: 160,
            modifiers: ["Linen", "Cotton", "Wool", "Silk", "Cashmere", "Waffle", "Jacquard", "Washed"],
            nouns: [
                "Napkins", "Throw", "Pillow Cover", "Bath Towel", "Table Runner", "Scarf", "Robe", "Duvet Cover",
                "Tea Towels",
            ],
            optionSets: [
                [
                    O(title: "Standard", pricePercent: 100), O(title: "Large", pricePercent: 140),
                    O(title: "Oversized", pricePercent: 185),
                ],
                [
                    O(title: "Ivory", pricePercent: 100), O(title: "Indigo", pricePercent: 100),
                    O(title: "Terracotta", pricePercent: 100),
                ],
            ],
            queries: ["linen napkins", "throw blanket", "silk scarf", "towel", "robe", "cashmere", "table runner"]),
        DemoCategorySpec(
            name: "Skincare", skuCode: "SKN", weight: 1.1, minimumPrice: 10, maximumPrice: 85,
            modifiers: ["Rose", "Oat", "Neroli", "Calendula", "Argan", "Green Tea", "Shea", "Camellia"],
            nouns: [
                "Face Oil", "Hand Cream", "Body Wash", "Lip Balm", "Face Mask", "Serum", "Cleansing Balm",
                "Body Lotion",
            ],
            optionSets: [
                [
                    O(title: "30 ml", pricePercent: 100), O(title: "50 ml", pricePercent: 150),
                    O(title: "100 ml", pricePercent: 240),
                ]
            ],
            queries: ["hand cream", "face oil", "serum", "lip balm", "sensitive skin", "rose", "body lotion"]),
        DemoCategorySpec(
            name: "Stationery", skuCode: "STN", weight: 0.7, minimumPrice: 5, maximumPrice: 45,
            modifiers: [
                "Linen-Bound", "Recycled", "Letterpress", "Marbled", "Pocket", "Leather", "Botanical", "Gridded",
            ],
            nouns: ["Notebook", "Journal", "Card Set", "Planner", "Pen Set", "Sketchbook", "Washi Tape", "Bookmark"],
            optionSets: [
                [
                    O(title: "A6", pricePercent: 100), O(title: "A5", pricePercent: 130),
                    O(title: "A4", pricePercent: 165),
                ],
                [
                    O(title: "Lined", pricePercent: 100), O(title: "Dot Grid", pricePercent: 100),
                    O(title: "Blank", pricePercent: 100),
                ],
            ],
            queries: ["notebook", "planner 2026", "journal", "greeting cards", "pen", "dot grid"]),
        DemoCategorySpec(
            name: "Jewelry", skuCode: "JWL", weight: 0.8, minimumPrice: 25, maximumPrice: 180,
            modifiers: ["Silk Knot", "Pearl", "Hammered", "Twisted", "Crescent", "Minimal", "Filigree", "Jade"],
            nouns: ["Ring", "Hoop Earrings", "Pendant", "Bracelet", "Studs", "Anklet", "Cuff", "Necklace"],
            optionSets: [
                [
                    O(title: "Silver", pricePercent: 100), O(title: "Gold Vermeil", pricePercent: 140),
                    O(title: "Rose Gold", pricePercent: 140),
                ]
            ],
            queries: ["gold necklace", "earrings", "pearl", "bracelet", "ring", "jade pendant", "gift for her"]),
        DemoCategorySpec(
            name: "Bags & Accessories", skuCode: "BAG", weight: 0.6, minimumPrice: 20, maximumPrice: 220,
            modifiers: ["Canvas", "Leather", "Woven", "Quilted", "Waxed", "Suede", "Recycled Nylon", "Straw"],
            nouns: ["Tote", "Crossbody Bag", "Wallet", "Card Holder", "Weekender", "Pouch", "Backpack", "Belt"],
            optionSets: [
                [
                    O(title: "Black", pricePercent: 100), O(title: "Tan", pricePercent: 100),
                    O(title: "Olive", pricePercent: 100),
                ]
            ],
            queries: ["tote bag", "leather wallet", "crossbody", "weekender", "card holder", "backpack"]),
    ]
}
