// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Regulars",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "regulars", targets: ["regulars"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.110.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.30.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.4.0"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-algorithms.git", from: "1.2.0"),
    ],
    targets: [
        .target(name: "RegularsCore"),
        .target(name: "RegularsStats"),
        .target(name: "RegularsDemo"),
        .target(name: "RegularsLoyalty", dependencies: ["RegularsCore"]),
        .target(name: "RegularsIngest", dependencies: ["RegularsCore"]),
        .target(
            name: "RegularsServer",
            dependencies: [
                "RegularsCore",
                "RegularsStats",
                "RegularsDemo",
                "RegularsIngest",
                "RegularsLoyalty",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Algorithms", package: "swift-algorithms"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "regulars",
            dependencies: [
                "RegularsServer",
                "RegularsCore",
                "RegularsStats",
                "RegularsIngest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RegularsCoreTests", dependencies: ["RegularsCore"]),
        .testTarget(name: "RegularsDemoTests", dependencies: ["RegularsDemo"]),
        .testTarget(name: "RegularsLoyaltyTests", dependencies: ["RegularsLoyalty"]),
        .testTarget(name: "RegularsIngestTests", dependencies: ["RegularsIngest"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RegularsStatsTests", dependencies: ["RegularsStats"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "RegularsServerTests",
            dependencies: [
                "RegularsServer",
                "RegularsLoyalty",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)
