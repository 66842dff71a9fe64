/// A name in its native script, its traditional-character form (equal to `native` outside Chinese) and an ASCII
/// romanisation (pinyin for Chinese) used for email addresses.
struct DemoNameEntry: Sendable {
    var native: String
    var traditional: String
    var latin: String

    init(_ native: String, _ latin: String) {
        self.native = native
        self.traditional = native
        self.latin = latin
    }

    init(_ simplified: String, _ traditional: String, _ latin: String) {
        self.native = simplified
        self.traditional = traditional
        self.latin = latin
    }

    /// English names are their own romanisation.
    init(english name: String) {
        self.native = name
        self.traditional = name
        self.latin = String(
            decoding: name.utf8.compactMap { byte -> UInt8? in
                if byte >= 65 && byte <= 90 { return byte + 32 }
                return byte >= 97 && byte <= 122 ? byte : nil
            }, as: UTF8.self)
    }
}
