/// File names and HTML anchors made from bundle ids.
///
/// An id is any non-empty string (`../../etc/passwd`, `КУРС-1`, `a/b`), so
/// it never becomes a path as written. The stem keeps ASCII letters, digits,
/// `-` and `_` (at most 48 of them); any other character becomes `_`. When
/// anything was changed, the stem gets `-` and the 8-hex-digit FNV-1a hash of
/// the id, so `a/b` and `a_b` still differ. Stems that would still clash —
/// equal ignoring case, for case-insensitive file systems — get `-2`, `-3`, …
/// in the order of the ids. The result never contains `/`, `\`, `.` or
/// whitespace, so it cannot climb out of its folder or hide a file.
enum SafeFileName {
    static let maxStemLength = 48

    /// The stem of one id, before clashes are resolved.
    static func stem(_ id: String) -> String {
        var out = ""
        var changed = false
        for u in id.unicodeScalars {
            if out.unicodeScalars.count == maxStemLength {
                changed = true
                break
            }
            if u.isASCII, u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "-" || u == "_" {
                out.unicodeScalars.append(u)
            } else {
                out += "_"
                changed = true
            }
        }
        if out.isEmpty { changed = true; out = "id" }
        return changed ? out + "-" + hash(id) : out
    }

    /// Unique stems for a list of ids, in their order.
    static func assign(_ ids: [String]) -> [String] {
        var used = Set<String>()
        var out: [String] = []
        out.reserveCapacity(ids.count)
        for id in ids {
            let base = stem(id)
            var candidate = base
            var n = 2
            while used.contains(candidate.lowercased()) {
                candidate = base + "-" + String(n)
                n += 1
            }
            used.insert(candidate.lowercased())
            out.append(candidate)
        }
        return out
    }

    /// FNV-1a (32 bit) of the id's UTF-8 bytes, as 8 lower-case hex digits.
    static func hash(_ id: String) -> String {
        var h: UInt32 = 0x811c_9dc5
        for b in id.utf8 {
            h ^= UInt32(b)
            h = h &* 0x0100_0193
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
