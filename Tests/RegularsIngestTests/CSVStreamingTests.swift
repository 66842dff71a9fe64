import Foundation
import RegularsIngest
import Testing

@Suite struct CSVStreamingTests {
    /// Rows in the generated file: one million (≈ 36 MB) in optimised builds; 200,000 (≈ 7 MB) in debug builds,
    /// where a million rows take about 20–25 s on a 2-core machine (the CSV parser itself about 5 s of that).
    #if DEBUG
        static let rowCount = 200_000
    #else
        static let rowCount = 1_000_000
    #endif

    /// Resident set size of this process, from `/proc/self/statm` (Linux); `nil` elsewhere.
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Writes a generic-format file of `rows` single-line orders, every 1,000th with an unparseable total,
    /// a megabyte at a time.
    static func writeFile(rows: Int) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).csv")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = "customer_id,order_id,date,total,currency\n"
        for row in 0..<rows {
            let total = row % 1000 == 999 ? "n/a" : "\(row % 500).\(row % 90 + 10)"
            let day = row % 28 + 1
            buffer += "C\(row % 50_000),O\(row),2024-01-\(day < 10 ? "0" : "")\(day),\(total),USD\n"
            if buffer.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        try handle.write(contentsOf: Data(buffer.utf8))
        return url
    }

    @Test func aLargeFileStreamsInBoundedMemory() throws {
        let url = try Self.writeFile(rows: Self.rowCount)
        defer { try? FileManager.default.removeItem(at: url) }
        let fileSize = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let before = Self.residentBytes()
        var afterWarmUp: Int?
        var peak = before ?? 0
        var orders = 0
        var rejections = 0
        var lastOrderLine = 0
        let started = Date()

        try CSVOrderImport.run(handle, format: .generic(GenericCSVMapping()), options: Instant.options) { item in
            switch item {
            case .order(_, let line):
                orders += 1
                lastOrderLine = line
            case .rejection:
                rejections += 1
            }
            let seen = orders + rejections
            if seen % (Self.rowCount / 20) == 0, let now = Self.residentBytes() {
                if seen == Self.rowCount / 10 { afterWarmUp = now }
                peak = max(peak, now)
            }
        }

        let elapsed = Date().timeIntervalSince(started)
        #expect(orders == Self.rowCount - Self.rowCount / 1000)
        #expect(rejections == Self.rowCount / 1000)
        #expect(lastOrderLine == Self.rowCount)  // the last row (line rowCount + 1) is a rejected one
        // Resident memory belongs to the whole process, so it says something only when this test runs alone:
        // `.ci/run` runs it by itself with REGULARS_TEST_ISOLATED_MEMORY=1 before the full suite.
        let isolated = ProcessInfo.processInfo.environment["REGULARS_TEST_ISOLATED_MEMORY"] == "1"
        if isolated, let before, let afterWarmUp {
            // Allocator and runtime caches warm up over the first rows (a few MB, once); after that the resident
            // size must stay flat while the other 90% of the file streams through.
            #expect(peak - afterWarmUp < 2 << 20, "RSS grew by \(peak - afterWarmUp) bytes after warm-up")
            #expect(peak - before < 16 << 20, "RSS grew by \(peak - before) bytes reading a \(fileSize)-byte file")
            print(
                "streamed \(Self.rowCount) rows (\(fileSize) bytes) in \(elapsed) s; RSS +\(afterWarmUp - before) "
                    + "bytes warming up, +\(peak - afterWarmUp) bytes after")
        }
    }
}
