/// A person named in `people.csv`: an author, expert, voter or member of the
/// Competition Commission.
public struct Person: Sendable, Hashable, Codable {
    public var id: String
    public var fullName: String
    public var faculty: String
    public var department: String
    public var roles: Roles
    /// Whether the person is teaching staff (8.1); nil when the bundle does not say.
    public var teachingStaff: Bool?
    public var position: String?
    public var degree: String?

    public init(id: String, fullName: String, faculty: String, department: String, roles: Roles,
                teachingStaff: Bool? = nil, position: String? = nil, degree: String? = nil) {
        self.id = id
        self.fullName = fullName
        self.faculty = faculty
        self.department = department
        self.roles = roles
        self.teachingStaff = teachingStaff
        self.position = position
        self.degree = degree
    }

    /// The roles a person holds in the competition, as listed in `people.csv`.
    public struct Roles: OptionSet, Sendable, Hashable, Codable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let author = Roles(rawValue: 1 << 0)
        public static let expert = Roles(rawValue: 1 << 1)
        public static let voter = Roles(rawValue: 1 << 2)
        public static let chair = Roles(rawValue: 1 << 3)
        public static let member = Roles(rawValue: 1 << 4)
        public static let secretary = Roles(rawValue: 1 << 5)

        /// Role names in the order they are printed.
        public static let named: [(name: String, role: Roles)] = [
            ("author", .author), ("expert", .expert), ("voter", .voter),
            ("chair", .chair), ("member", .member), ("secretary", .secretary),
        ]

        public init?(name: String) {
            guard let match = Roles.named.first(where: { $0.name == name }) else { return nil }
            self = match.role
        }

        public var names: [String] { Roles.named.filter { contains($0.role) }.map(\.name) }
    }
}
