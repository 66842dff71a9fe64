import Foundation

/// An opaque pagination cursor: the last id a page returned, base64url-encoded so clients do not build their own.
enum Cursor {
    static func encode(afterID id: Int64) -> String {
        Data("id:\(id)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) throws(Problem) -> Int64 {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8),
            plain.hasPrefix("id:"), let id = Int64(plain.dropFirst(3))
        else { throw Problem.invalidField("cursor", "is not a cursor this API returned") }
        return id
    }
}
