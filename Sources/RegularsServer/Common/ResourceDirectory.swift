import Foundation

/// Where the server's bundled resources (views, locales, static assets) are on disk.
enum ResourceDirectory {
    static let url: URL = {
        if let override = ProcessInfo.processInfo.environment["REGULARS_RESOURCES"] {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        return Bundle.module.url(forResource: "Resources", withExtension: nil)
            ?? Bundle.module.bundleURL.appendingPathComponent("Resources", isDirectory: true)
    }()
}
