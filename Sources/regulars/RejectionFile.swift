import ArgumentParser
import Foundation
import RegularsIngest
import Synchronization

/// `--rejections FILE`: every rejected row, written (tab-separated line, column, reason) as the import meets it
/// through a small buffer, so no rejection waits in memory for the end of the import.
final class RejectionFile: Sendable {
    private struct State {
        var handle: FileHandle
        var buffer: String
    }

    private let state: Mutex<State>

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data("line\tcolumn\treason\n".utf8)),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw ValidationError("cannot write the rejections file \(path)") }
        handle.seekToEndOfFile()
        state = Mutex(State(handle: handle, buffer: ""))
    }

    func write(_ rejection: CSVRejection) {
        state.withLock { state in
            state.buffer += "\(rejection.line)\t\(rejection.column ?? "")\t\(rejection.reason)\n"
            if state.buffer.utf8.count >= 64 * 1024 { Self.drain(&state) }
        }
    }

    func close() {
        state.withLock { state in
            Self.drain(&state)
            try? state.handle.close()
        }
    }

    private static func drain(_ state: inout State) {
        state.handle.write(Data(state.buffer.utf8))
        state.buffer = ""
    }
}
