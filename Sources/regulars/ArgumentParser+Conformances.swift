import ArgumentParser
import Foundation
import RegularsCore
import RegularsServer

extension APIKeyScope: ExpressibleByArgument {}
extension SupportedLocale: ExpressibleByArgument {}
