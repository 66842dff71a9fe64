import ArgumentParser
import Foundation
import RegularsServer

struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Refresh retention analytics: fit the models and score every customer (one refresh at a time).",
        discussion: "Shows each step with a progress bar on a terminal, a plain line per step otherwise (on stderr).")

    func run() async throws {
        let progress = TerminalProgress(terminal: isatty(STDERR_FILENO) == 1, label: "analyze")
        let summary = try await RegularsRunner.analyze { number, count, name in
            progress.report(step: number, of: count, name)
        }
        progress.finish(detail: "done")
        print(summary)
    }
}
