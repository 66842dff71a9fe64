import ArgumentParser
import Foundation
import RegularsCore
import RegularsServer

struct ServerOptions: ParsableArguments {
    @Option(help: "Address to listen on (overrides REGULARS_HOST).") var hostname: String?
    @Option(help: "Port to listen on (overrides REGULARS_PORT).") var port: Int?
}
