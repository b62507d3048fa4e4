/// The names of a competition's faculties and departments, each stored once.
/// People and courses refer to a unit by its index here; a faculty and a
/// department never share an index unless they are spelled the same, and
/// the analyses only ever compare faculty with faculty and department with
/// department.
public struct UnitNames: Sendable, Hashable {
    public private(set) var names: [String] = []
    private var index: [String: Int32] = [:]

    public init() {}

    public var count: Int { names.count }

    public subscript(unit: Int32) -> String { names[Int(unit)] }

    /// The index of `name`, adding it when new.
    public mutating func intern(_ name: String) -> Int32 {
        if let known = index[name] { return known }
        let unit = Int32(names.count)
        names.append(name)
        index[name] = unit
        return unit
    }

    /// The index of `name`, or nil when no person or course names it.
    public func unit(named name: String) -> Int32? { index[name] }
}
