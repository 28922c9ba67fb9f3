import OCMWCore

/// A submission endpoint of docs/newsocial-api.md ("Submissions"), recognised from method and path.
struct SubmissionRoute: Equatable {
    enum Kind: String, Equatable {
        /// A request for help: v2 `{c}/requests`, v1 `{c}/aanvragen`.
        case helpRequest
        /// A certificate request: v2 `{c}/certificate-requests` only.
        case certificateRequest
    }

    let kind: Kind
    /// The citizen's number as written in the path (not validated yet).
    let insz: Substring

    /// `nil` unless this is a `POST` to a submission path of the dialect. Anything else (v1
    /// certificate requests included) is left to the read `Responder`, which answers 404 or 405.
    init?(method: String, path: Substring, dialect: Dialect) {
        guard method == "POST" else { return nil }
        let segments = path.split(separator: "/")
        let prefix: [Substring] = dialect == .v2 ? ["api", "v2", "citizens"] : ["nsapi", "v1", "dossiers"]
        guard segments.count == 5, Array(segments.prefix(3)) == prefix else { return nil }
        switch (dialect, segments[4]) {
        case (.v2, "requests"), (.v1, "aanvragen"): kind = .helpRequest
        case (.v2, "certificate-requests"): kind = .certificateRequest
        default: return nil
        }
        insz = segments[3]
    }
}
