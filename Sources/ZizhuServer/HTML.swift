import Foundation

/// Escapes text for HTML element content and attribute values (quotes included).
func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(character)
        }
    }
    return out
}

/// Percent-encodes a query value (or an RFC 5987 file name): everything but ASCII letters, digits and `-._~`.
/// (`CharacterSet.alphanumerics` would let 汉字 through unencoded: they are Unicode letters.)
func escapeQuery(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: unreservedInURL) ?? ""
}

private let unreservedInURL = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
