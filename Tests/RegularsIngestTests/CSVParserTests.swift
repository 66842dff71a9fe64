import Foundation
import RegularsIngest
import Testing

@Suite struct CSVParserTests {
    @Test func quotedFieldsKeepDelimitersDoubledQuotesAndNewlines() {
        let text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\r\nline\",x,\"\"\r\nlast,row,end"

        let records = CSVReader.records(in: text)

        #expect(
            records == [
                CSVRecord(fields: ["a", "b,c", "say \"hi\""], line: 1),
                CSVRecord(fields: ["multi\r\nline", "x", ""], line: 2),
                CSVRecord(fields: ["last", "row", "end"], line: 4),
            ])
    }

    @Test func physicalLineNumbersCountEveryLineEnding() {
        let text = "h1,h2\n\n1,\"two\nlines\"\r3,three\r\n\n4,four\n"

        let records = CSVReader.records(in: text)

        #expect(records.map(\.line) == [1, 3, 5, 7])
        #expect(records.map(\.fields) == [["h1", "h2"], ["1", "two\nlines"], ["3", "three"], ["4", "four"]])
    }

    @Test func byteOrderMarkIsSkippedAndEmptyTrailingFieldsKept() {
        let text = "\u{FEFF}name,total,\nx,1,\n"

        let records = CSVReader.records(in: text)

        #expect(records.map(\.fields) == [["name", "total", ""], ["x", "1", ""]])
    }

    @Test func syntaxProblemsAreFlaggedOnTheRecord() {
        let text = "ok,1\n\"bad\"x,2\nfine,3\n\"never closed,4\n"

        let records = CSVReader.records(in: text)

        #expect(records.map(\.problem) == [nil, "text after a closing quote", nil, "unterminated quoted field"])
        #expect(records[1].fields == ["badx", "2"])
        #expect(records[3].line == 4)
    }

    @Test func bareQuotesInsideUnquotedFieldsAreLiteral() {
        let records = CSVReader.records(in: "5\" screen,ok\n")

        #expect(records == [CSVRecord(fields: ["5\" screen", "ok"], line: 1)])
    }

    @Test func invalidUTF8IsFlagged() {
        var parser = CSVParser()
        var records: [CSVRecord] = []

        parser.parse([0x61, 0x2C, 0xFF, 0x0A]) { records.append($0) }
        parser.finish { records.append($0) }

        #expect(records.first?.problem == "field 2 is not valid UTF-8")
    }

    @Test func oversizedRecordsAreTruncatedAndFlagged() {
        var parser = CSVParser(maximumRecordBytes: 16)
        var records: [CSVRecord] = []
        let text = "\"" + String(repeating: "z", count: 100) + "\nstill inside the quote\n"

        parser.parse(Array(text.utf8)) { records.append($0) }
        parser.finish { records.append($0) }

        #expect(records.count == 1)
        #expect(records[0].fields[0].utf8.count <= 16)
        #expect(records[0].problem == "record longer than 16 bytes")
    }

    @Test func chunkBoundariesDoNotChangeTheResult() {
        let text = "\u{FEFF}a,\"b\r\nc\",\"d\"\"e\"\r\n1,2,3\r\n\"x\",y,z"
        let whole = CSVReader.records(in: text)
        var parser = CSVParser()
        var byteByByte: [CSVRecord] = []

        for byte in Array(text.utf8) { parser.parse([byte]) { byteByByte.append($0) } }
        parser.finish { byteByByte.append($0) }

        #expect(whole.count == 3)
        #expect(byteByByte == whole)
    }

    @Test func readsFromAFileHandleInChunks() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        try Data("a,b\n\"1\n2\",3\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var records: [CSVRecord] = []

        try CSVReader.forEachRecord(in: handle, chunkSize: 3) { records.append($0) }

        #expect(records == [CSVRecord(fields: ["a", "b"], line: 1), CSVRecord(fields: ["1\n2", "3"], line: 2)])
    }
}
