import Foundation

/// Progress on stderr: a bar with the fraction done and a detail on a terminal (redrawn in place), a plain line per
/// report otherwise. `regulars import` reports rows and bytes of the file; `regulars analyze` reports its steps.
final class TerminalProgress: Sendable {
    let totalBytes: UInt64
    let terminal: Bool
    let label: String
    private let started = ContinuousClock.now

    init(totalBytes: UInt64 = 0, terminal: Bool, label: String = "import") {
        self.totalBytes = totalBytes
        self.terminal = terminal
        self.label = label
    }

    /// Progress through `file`, drawn as a bar when stderr is a terminal.
    convenience init(file: String) {
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? UInt64) ?? 0
        self.init(totalBytes: size, terminal: isatty(STDERR_FILENO) == 1)
    }

    /// Seconds since the progress began.
    var elapsedSeconds: Double {
        let elapsed = ContinuousClock.now - started
        return max(0.001, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Import progress: rows so far and how far into the file.
    func report(rows: Int, bytesRead: UInt64) {
        let seconds = elapsedSeconds
        let fraction = totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 0
        let rate = Double(rows) / seconds
        let eta = fraction > 0 ? seconds * (1 - fraction) / fraction : 0
        if terminal {
            show(
                fraction: fraction,
                detail: String(format: "%d rows  %.0f rows/s  ETA %.0fs", rows, rate, eta))
        } else {
            write(String(format: "%@: %d rows, %.1f%% of the file, %.0f rows/s\n", label, rows, fraction * 100, rate))
        }
    }

    /// Step `number` of `count` is starting: the bar shows the steps already done.
    func report(step number: Int, of count: Int, _ name: String) {
        let fraction = count > 0 ? Double(number - 1) / Double(count) : 0
        if terminal {
            show(fraction: fraction, detail: String(format: "[%d/%d] %@  %.1fs", number, count, name, elapsedSeconds))
        } else {
            write(String(format: "%@: [%d/%d] %@ (%.1fs)\n", label, number, count, name, elapsedSeconds))
        }
    }

    /// Draws the bar (terminal only): `fraction` done, then `detail`, clearing what the previous draw left.
    func show(fraction: Double, detail: String) {
        let width = 30
        let filled = Int(min(1, max(0, fraction)) * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        write(String(format: "\r\u{1B}[2K%@ %5.1f%%  %@", bar, fraction * 100, detail))
    }

    /// Completes the bar on a terminal and ends its line.
    func finish() {
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// Completes the bar (100 %) with a final detail.
    func finish(detail: String) {
        if terminal {
            show(fraction: 1, detail: detail)
            finish()
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
