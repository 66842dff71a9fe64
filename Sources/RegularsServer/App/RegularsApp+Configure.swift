import Leaf
import LeafKit
import NIOHTTP1
import RegularsCore
import Vapor

/// Assembles the application: database and migrations, services, middleware, sessions, views and routes.
public enum RegularsApp {
    public static func configure(_ app: Application, configuration: AppConfiguration, database: Database) async throws {
        _ = MetricsRegistry.shared
        try await Migrator(database: database, migrations: Migration.all, logger: app.logger).migrate()
        let secretKey: String
        if let configured = configuration.secretKey {
            secretKey = configured
        } else {
            secretKey = try await SettingsStore(database: database).valueCreatingIfAbsent("secret_key") {
                SecretToken.make(byteCount: 32)
            }
        }
        app.regulars = RegularsServices(configuration: configuration, database: database, secretKey: secretKey)
        app.lifecycle.use(DatabaseLifecycle(database: database))

        app.http.server.configuration.hostname = configuration.hostname
        app.http.server.configuration.port = configuration.port
        app.http.server.configuration.requestDecompression = .enabled(limit: .size(8 * 1024 * 1024))
        app.http.server.configuration.responseCompression = .enabled
        app.routes.defaultMaxBodySize = "64kb"

        app.views.use(.leaf)
        // Views ship as package resources, which may sit under a hidden `.build` folder: allow that, but nothing
        // outside the views folder and no `..` escapes.
        app.leaf.sources = .singleSource(
            NIOLeafFiles(
                fileio: app.fileio, limits: [.onlyLeafExtensions, .requireExtensions],
                sandboxDirectory: ResourceDirectory.url.appendingPathComponent("Views").path + "/",
                viewDirectory: ResourceDirectory.url.appendingPathComponent("Views").path + "/"))
        _ = apiJSONCoders
        app.leaf.cache.isEnabled = app.environment.isRelease

        app.sessions.use { app in DatabaseSessionDriver(database: app.regulars.database) }
        app.sessions.configuration = SessionsConfiguration(cookieName: "regulars_session") { id in
            HTTPCookies.Value(
                string: id.string, maxAge: Int(DatabaseSessionDriver.lifetimeMilliseconds / 1000), path: "/",
                isSecure: configuration.secureCookies, isHTTPOnly: true, sameSite: .lax)
        }

        app.middleware = Middlewares()
        app.middleware.use(RequestLogMiddleware())
        app.middleware.use(ProblemMiddleware(renderPage: ErrorPage.render))
        app.middleware.use(
            StaticAssetsMiddleware(
                publicDirectory: ResourceDirectory.url.appendingPathComponent("Public").path + "/"),
            at: .beginning)
        app.middleware.use(SecurityHeadersMiddleware())

        try routes(app)
    }

    /// snake_case JSON for every API body; set once per process, since the configuration is global.
    private static let apiJSONCoders: Void = {
        ContentConfiguration.global.use(encoder: JSONEncoder.api, for: .json)
        ContentConfiguration.global.use(decoder: JSONDecoder.api, for: .json)
    }()

    static func routes(_ app: Application) throws {
        try app.register(collection: OperationsController())
        try app.register(collection: OpenAPIController())
        try app.register(collection: ShopifyWebhookController())
        try app.register(collection: SegmentController())
        try app.register(collection: WooCommerceWebhookController())
        try app.register(collection: ShopperRewardsController())
        let api = app.grouped("api").grouped(APIKeyMiddleware(scope: .admin))
        try api.register(collection: CustomersController())
        try api.register(collection: OrdersController())
        try api.register(collection: APIKeysController())
        try api.register(collection: AnalyticsController())
        try api.register(collection: LoyaltyController())
        try api.register(collection: IntegrationsController())
        let web = app.grouped(app.sessions.middleware, CSRFMiddleware())
        try web.register(collection: WebController())
        try web.register(collection: RewardsPageController())
    }
}

/// Closes the database pool when the application shuts down.
struct DatabaseLifecycle: LifecycleHandler {
    let database: Database

    func shutdownAsync(_ application: Application) async {
        do { try await database.shutdown() } catch { application.logger.report(error: error) }
    }
}
