/// The seven city systems survivors pass through (CONTEXT.md), plus
/// `cross_system` for metrics that span them. Fixed by SPEC.
public enum CitySystem: String, Sendable, Hashable, CaseIterable, Comparable {
    case immigration, youth, labor, health, housing, economic, justice
    case crossSystem = "cross_system"

    /// The seven systems a commitment may name (not `cross_system`).
    public static let seven: [CitySystem] = [.immigration, .youth, .labor, .health, .housing, .economic, .justice]

    public var label: String {
        switch self {
        case .immigration: "Immigration"
        case .youth: "Children and youth services"
        case .labor: "Labor enforcement and civil rights"
        case .health: "Health care"
        case .housing: "Housing"
        case .economic: "Economic empowerment"
        case .justice: "Criminal justice and legal"
        case .crossSystem: "Across systems"
        }
    }

    /// Position in SPEC's order, which is also the order pages list systems in.
    public var order: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }

    public static func < (a: CitySystem, b: CitySystem) -> Bool { a.order < b.order }
}
