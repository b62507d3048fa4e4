import JuryIO

/// Renders an `ArchiveListing` as `jury/archive/v1` JSON, CSV or a table.
/// `added_at` is printed only when asked, so that the same archive content
/// always gives the same bytes.
public enum ArchiveListOutput {
    public static let schema = "jury/archive/v1"

    public static func json(_ listing: ArchiveListing, addedAt: Bool = false) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.string("schema", schema)
        w.beginArray("competitions")
        for c in listing.competitions {
            let current = c.current.version
            // With its versions, a record a line each.
            w.beginObject(layout: .indented)
            w.string("id", c.id)
            w.string("title", current.title)
            w.int("year", current.year)
            w.string("semester", current.semester)
            w.int("current_version", current.number)
            w.beginArray("versions")
            for v in c.versions {
                w.beginObject()
                w.int("version", v.version.number)
                w.bool("current", v.version.isCurrent)
                w.string("digest", v.version.digest)
                w.int("year", v.version.year)
                w.int("courses", v.courses)
                w.int("sheets", v.sheets)
                w.int("files", v.files)
                w.int("bytes", v.bytes)
                if addedAt { w.string("added_at", v.version.addedAt) }
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.text
    }

    public static func csv(_ listing: ArchiveListing, addedAt: Bool = false) -> String {
        var out = CSVWriter.line(["id", "year", "title", "version", "current", "digest", "courses", "sheets", "files", "bytes"]
                                 + (addedAt ? ["added_at"] : []))
        for c in listing.competitions {
            for v in c.versions {
                out += CSVWriter.line([c.id, String(v.version.year), v.version.title, String(v.version.number),
                                       v.version.isCurrent ? "yes" : "no", v.version.digest, String(v.courses),
                                       String(v.sheets), String(v.files), String(v.bytes)]
                                      + (addedAt ? [v.version.addedAt] : []))
            }
        }
        return out
    }

    public static func table(_ listing: ArchiveListing, addedAt: Bool = false) -> String {
        guard !listing.competitions.isEmpty else { return "The archive holds no competition.\n" }
        var t = TextTable(headers: ["id", "year", "title", "versions", "current", "courses", "sheets", "digest"]
                          + (addedAt ? ["added at"] : []),
                          alignments: [.left, .right, .left, .right, .right, .right, .right, .left] + (addedAt ? [.left] : []))
        for c in listing.competitions {
            let v = c.current
            t.append([c.id, String(v.version.year), v.version.title, String(c.versions.count), String(v.version.number),
                      String(v.courses), String(v.sheets), String(v.version.digest.prefix(12))]
                     + (addedAt ? [v.version.addedAt] : []))
        }
        return t.render()
    }
}
