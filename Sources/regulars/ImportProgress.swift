import Foundation

/// Import progress on stderr: a bar with rows/s and ETA on a terminal, a plain line per report otherwise.
final class ImportProgress: Sendable {
    let totalBytes: UInt64
    let terminal: Bool
    private let started = ContinuousClock.now

    init(totalBytes: UInt64, terminal: Bool) {
        self.totalBytes = totalBytes
        self.terminal = terminal
    }

    /// Progress through `file`, drawn as a bar when stderr is a terminal.
    convenience init(file: String) {
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? UInt64) ?? 0
        self.init(totalBytes: size, terminal: isatty(STDERR_FILENO) == 1)
    }

    func report(rows: Int, bytesRead: UInt64) {
        let elapsed = ContinuousClock.now - started
        let seconds = max(0.001, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        let fraction = totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 0
        let rate = Double(rows) / seconds
        let eta = fraction > 0 ? seconds * (1 - fraction) / fraction : 0
        let line: String
        if terminal {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            line = String(
                format: "\r%@ %5.1f%%  %d rows  %.0f rows/s  ETA %.0fs ", bar, fraction * 100, rows, rate, eta)
        } else {
            line = String(format: "import: %d rows, %.1f%% of the file, %.0f rows/s\n", rows, fraction * 100, rate)
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
