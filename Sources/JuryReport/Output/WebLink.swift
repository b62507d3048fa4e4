/// Whether a link from the bundle may become an `<a href>`: only an absolute
/// `http:` or `https:` address with a host, and no white space or control
/// character anywhere (browsers drop tabs and newlines inside a scheme, so
/// `java\tscript:` would otherwise slip through). ASCII characters that a URL
/// must percent-encode (`"`, `<`, `>`, `\`, `^`, `` ` ``, `{`, `|`, `}`) make it
/// text too, so every `href` is a valid URL. Anything else — `javascript:`,
/// `data:`, a relative path — is printed as text. The address is still
/// HTML-escaped by the template.
enum WebLink {
    /// ASCII punctuation allowed in a URL (RFC 3986: unreserved, reserved and `%`).
    static let urlPunctuation = Set("-._~:/?#[]@!$&'()*+,;=%".unicodeScalars)

    static func isSafe(_ link: String) -> Bool {
        for u in link.unicodeScalars {
            if u.value <= 0x20 || u.value == 0x7F || u.properties.isWhitespace { return false }
            if u.isASCII && !(u.properties.isAlphabetic || ("0"..."9").contains(u) || urlPunctuation.contains(u)) { return false }
            switch u.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .privateUse, .surrogate: return false
            default: break
            }
        }
        let lower = link.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = lower.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = lower.dropFirst(7)
        } else {
            return false
        }
        // A host: something before the first `/`, `?` or `#`, not only `@` or `:`.
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.contains { $0 != "@" && $0 != ":" }
    }
}
