import OCMWCore

/// A part of a citizen's dossier at one OCMW, as the proxy fetches and reports it.
///
/// The raw value is the part's JSON name in our API. `isOffered(by:)` says which dialect offers
/// which part; `NewSocialPaths.path(for:insz:dialect:months:)` gives the path, `nil` exactly when
/// the part is not offered.
public enum DossierPart: String, Sendable, Hashable, Codable, CaseIterable {
    /// Does this OCMW know the citizen? (the dossier-summary probe)
    case ocmws
    /// Toegekende rechten.
    case rights
    /// Lopende trajecten and their contact persons.
    case trajectories
    /// Uitbetalingen of a month range.
    case payments
    /// Schulden bij het OCMW.
    case debts
    /// Aanvragen.
    case requests
    /// Attesten.
    case certificates

    /// The part's name in our JSON (e.g. `trajectories`).
    public var jsonName: String { rawValue }

    /// Whether a tenant speaking `dialect` can be asked for this part at all. When not, the
    /// proxy reports the part `notSupported` for that OCMW instead of calling it.
    public func isOffered(by dialect: Dialect) -> Bool {
        switch (self, dialect) {
        case (.certificates, .v1): false
        default: true
        }
    }
}
