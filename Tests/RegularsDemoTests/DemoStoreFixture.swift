import Foundation
import RegularsDemo

/// Stores shared by the tests; generated once per process.
enum DemoStoreFixture {
    static let end = DemoStoreGenerator.defaultEnd
    static let standard = DemoStoreGenerator().generate()
}
