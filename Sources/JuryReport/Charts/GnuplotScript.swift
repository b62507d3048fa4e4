import JuryIO

/// Text that goes into a gnuplot script, made safe.
///
/// Every string — our labels and the bundle's ids alike — enters the script
/// only through `quote`, as a single-quoted gnuplot string. Inside single
/// quotes gnuplot expands nothing (no backquote commands, no `@` macros, no
/// backslash escapes) and `''` is the only escape, for a quote. A newline
/// would end the command, so control and separator characters become
/// spaces. With the terminal set `noenhanced`, `^ _ { } @ &` print as
/// themselves, and the SVG terminal escapes `<` and `&` in the output.
/// Numbers go into inline data blocks in plain decimal form.
enum GnuplotScript {
    /// A single-quoted gnuplot string literal holding `text` on one line.
    static func quote(_ text: String) -> String {
        var out = "'"
        for u in text.unicodeScalars {
            switch u.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse:
                out += " "
            default:
                if u == "'" { out += "''" } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "'"
    }

    /// A tic or key label: at most `maxLength` characters (an ellipsis marks
    /// a cut), quoted.
    static func label(_ text: String, maxLength: Int = 24) -> String {
        guard text.count > maxLength else { return quote(text) }
        return quote(String(text.prefix(maxLength - 1)) + "…")
    }

    /// A number for a data block or a range: shortest round-trip decimal, never rounded.
    static func number(_ x: Double) -> String {
        JSONWriter.formatNumber(x)
    }

    /// `set xtics (...)` placing `labels[i]` at x = i + 1.
    static func tics(_ axis: String, _ labels: [String], options: String = "") -> String {
        let list = labels.enumerated().map { "\(label($0.element)) \($0.offset + 1)" }.joined(separator: ", ")
        return "set \(axis) \(options) (\(list))\n"
    }

    /// An inline data block `$name` with one row per line.
    static func dataBlock(_ name: String, _ rows: [[Double]]) -> String {
        var out = "$\(name) << EOD\n"
        for row in rows { out += row.map(number).joined(separator: " ") + "\n" }
        return out + "EOD\n"
    }
}
