/// The v1 dialect's Dutch status codes.
enum V1Codes {
    static let decision: [String: DecisionStatus] = [
        "TOEGEKEND": .granted, "GEWEIGERD": .refused, "IN_BEHANDELING": .pending, "INGETROKKEN": .revoked,
    ]

    static let request: [String: RequestStatus] = [
        "INGEDIEND": .submitted, "IN_BEHANDELING": .inProgress, "BESLIST": .decided, "AFGESLOTEN": .closed,
    ]
}
