/// A view model as Mustache reads it fastest: nested dictionaries.
///
/// Mustache looks names up in a struct by reflection, building a `Mirror` of
/// the whole struct at every `{{name}}` — most of the rendering time on a
/// large report. This walks each struct once and hands Mustache
/// `[String: Any]`, which it reads by key. Semantics are unchanged: a nil
/// optional becomes a missing key, looked up in the enclosing objects as
/// before; arrays stay arrays, so sections and inverted sections behave alike.
enum TemplateData {
    static func convert(_ value: Any) -> Any? {
        switch value {
        case let s as String: return s
        case let b as Bool: return b
        case let i as Int: return i
        case let d as [String: String]: return d
        case let a as [Any]: return a.compactMap(convert)
        default:
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional?:
                return mirror.children.first.flatMap { convert($0.value) }
            case .struct?:
                var out: [String: Any] = [:]
                for child in mirror.children {
                    if let label = child.label, let v = convert(child.value) { out[label] = v }
                }
                return out
            default:
                return value
            }
        }
    }
}
