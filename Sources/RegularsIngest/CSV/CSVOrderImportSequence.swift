/// Orders and rejections of a CSV file as an `AsyncSequence` (see ``CSVImportSequence``).
public typealias CSVOrderImportSequence = CSVImportSequence<CSVOrderImporter>
