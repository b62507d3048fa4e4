/// Everyone named in `people.csv`, as columns: a few bytes a person plus the
/// text of their id and name, with no object per row.
///
/// `table[i]` gives the whole `Person` (its strings made on demand); loops
/// over many people read the columns instead: `ids[i]`, `facultyUnit[i]`,
/// `departmentUnit[i]`, `roles(i)`. Faculties and departments are indices
/// into `units`, shared with the `CourseTable` of the same competition, so
/// "same department" is one integer comparison.
public struct PersonTable: RandomAccessCollection, Sendable {
    public private(set) var ids = TextColumn()
    public private(set) var fullNames = TextColumn()
    /// Index into `units` of each person's faculty.
    public private(set) var facultyUnit: [Int32] = []
    /// Index into `units` of each person's department.
    public private(set) var departmentUnit: [Int32] = []
    /// `Person.Roles` raw values, per person.
    public private(set) var roleBits: [UInt8] = []
    /// 0 = no, 1 = yes, 2 = not given.
    private var teaching: [UInt8] = []
    private var positions = TextColumn()
    private var degrees = TextColumn()
    /// Names of the faculties and departments the unit columns point into.
    public private(set) var units: UnitNames

    public init(units: UnitNames = UnitNames()) {
        self.units = units
    }

    /// A table of the given people, their units interned into `units`.
    public init(_ people: [Person], units: inout UnitNames) {
        self.init()
        for p in people { append(p, units: &units) }
        self.units = units
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { facultyUnit.count }

    /// The whole record of person `i`.
    public subscript(i: Int) -> Person {
        Person(id: ids[i], fullName: fullNames[i], faculty: units[facultyUnit[i]], department: units[departmentUnit[i]],
               roles: roles(i), teachingStaff: teaching[i] == 2 ? nil : teaching[i] == 1,
               position: positions.isEmpty(i) ? nil : positions[i], degree: degrees.isEmpty(i) ? nil : degrees[i])
    }

    @inlinable
    public func roles(_ i: Int) -> Person.Roles { Person.Roles(rawValue: roleBits[i]) }
    public func faculty(_ i: Int) -> String { units[facultyUnit[i]] }
    public func department(_ i: Int) -> String { units[departmentUnit[i]] }

    public mutating func append(_ p: Person, units: inout UnitNames) {
        let faculty = units.intern(p.faculty), department = units.intern(p.department)
        ids.append(p.id)
        fullNames.append(p.fullName)
        positions.append(p.position ?? "")
        degrees.append(p.degree ?? "")
        appendFixed(faculty: faculty, department: department, roles: p.roles, teachingStaff: p.teachingStaff)
        self.units = units
    }

    /// Appends a person straight from UTF-8 bytes (the bundle reader's path).
    /// An empty `position` or `degree` reads back as nil.
    public mutating func append(id: UnsafeRawBufferPointer, fullName: UnsafeRawBufferPointer, faculty: Int32, department: Int32,
                                roles: Person.Roles, teachingStaff: Bool?, position: UnsafeRawBufferPointer,
                                degree: UnsafeRawBufferPointer) {
        ids.append(utf8: id)
        fullNames.append(utf8: fullName)
        positions.append(utf8: position)
        degrees.append(utf8: degree)
        appendFixed(faculty: faculty, department: department, roles: roles, teachingStaff: teachingStaff)
    }

    private mutating func appendFixed(faculty: Int32, department: Int32, roles: Person.Roles, teachingStaff: Bool?) {
        facultyUnit.append(faculty)
        departmentUnit.append(department)
        roleBits.append(roles.rawValue)
        teaching.append(teachingStaff.map { $0 ? 1 : 0 } ?? 2)
    }

    /// Points the unit columns at `names` (which must extend the names they were interned with).
    public mutating func setUnits(_ names: UnitNames) { units = names }

    /// Renumbers the unit columns: unit `u` becomes `map[u]`, an index into
    /// `names` (a range of `people.csv` read apart, its units joined afterwards).
    public mutating func remapUnits(_ map: [Int32], to names: UnitNames) {
        for i in facultyUnit.indices {
            facultyUnit[i] = map[Int(facultyUnit[i])]
            departmentUnit[i] = map[Int(departmentUnit[i])]
        }
        units = names
    }

    /// Appends the people of `other`, column by column in bulk (a later
    /// range of `people.csv`, read apart). Its unit columns must already
    /// point into this table's units (see `remapUnits`).
    public mutating func append(contentsOf other: PersonTable) {
        ids.append(contentsOf: other.ids)
        fullNames.append(contentsOf: other.fullNames)
        facultyUnit.append(contentsOf: other.facultyUnit)
        departmentUnit.append(contentsOf: other.departmentUnit)
        roleBits.append(contentsOf: other.roleBits)
        teaching.append(contentsOf: other.teaching)
        positions.append(contentsOf: other.positions)
        degrees.append(contentsOf: other.degrees)
    }

    /// Makes room for `factor` times the people the table holds, column by
    /// column (`TextColumn.reserveCapacity(scaling:)`).
    public mutating func reserveCapacity(scaling factor: Double) {
        guard factor > 1 else { return }
        let rows = scaledCapacity(count, by: factor)
        ids.reserveCapacity(scaling: factor)
        fullNames.reserveCapacity(scaling: factor)
        positions.reserveCapacity(scaling: factor)
        degrees.reserveCapacity(scaling: factor)
        reserveFixedWidthColumns(rows: rows)
    }

    /// Makes room for the people of `others`, appended next, so that each
    /// column grows once.
    public mutating func reserveCapacity(appending others: [PersonTable]) {
        let rows = count + others.reduce(0) { $0 + $1.count }
        ids.reserveCapacity(appending: others.map(\.ids))
        fullNames.reserveCapacity(appending: others.map(\.fullNames))
        positions.reserveCapacity(appending: others.map { $0.positions })
        degrees.reserveCapacity(appending: others.map { $0.degrees })
        reserveFixedWidthColumns(rows: rows)
    }

    /// Makes room for `rows` people in every column of one value a person.
    private mutating func reserveFixedWidthColumns(rows: Int) {
        facultyUnit.reserveCapacity(rows)
        departmentUnit.reserveCapacity(rows)
        roleBits.reserveCapacity(rows)
        teaching.reserveCapacity(rows)
    }

    /// The people at the given rows, in that order, with the same units (a
    /// range of `people.csv` without the rows that repeat an earlier id).
    public func selecting(_ rows: [Int]) -> PersonTable {
        var out = PersonTable(units: units)
        out.ids = ids.gathered(rows)
        out.fullNames = fullNames.gathered(rows)
        out.facultyUnit = rows.map { facultyUnit[$0] }
        out.departmentUnit = rows.map { departmentUnit[$0] }
        out.roleBits = rows.map { roleBits[$0] }
        out.teaching = rows.map { teaching[$0] }
        out.positions = positions.gathered(rows)
        out.degrees = degrees.gathered(rows)
        return out
    }

    /// Bytes held by the columns (the memory figures of `jury validate --memory`).
    public var byteCount: Int {
        ids.byteCount + fullNames.byteCount + positions.byteCount + degrees.byteCount + 4 * 2 * count + 2 * count
    }
}
