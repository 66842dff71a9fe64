import RegularsStats
import Vapor

extension RetentionMetrics: Content {}
extension CohortTable: Content {}
