import OCMWDomain

/// What a call to a New Social installation was for: the `part` label of its metrics and of the
/// status page's recent calls. A closed set, so a label can never be a free text.
package enum BackendCallPurpose: Hashable, Sendable {
    /// A part of a citizen's dossier.
    case part(DossierPart)
    /// A discovery probe: does this OCMW know the citizen?
    case probe
    /// A submission delivered from the outbox.
    case submission

    /// The label: the part's JSON name, `probe` or `submission`.
    package var label: String {
        switch self {
        case .part(let part): part.jsonName
        case .probe: "probe"
        case .submission: "submission"
        }
    }
}
