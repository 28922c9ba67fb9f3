/// What one request of the traffic mix does, as Mijn Burgerprofiel would call it.
///
/// The raw values are the keys of a scenario's `mix` and the labels of the report.
public enum Endpoint: String, Codable, Sendable, CaseIterable, Comparable {
    /// `GET /v1/citizens/{insz}/dossier`: every part at every OCMW of the citizen.
    case dossier
    /// `GET /v1/citizens/{insz}/ocmws`.
    case ocmws
    /// `GET /v1/citizens/{insz}/rights`.
    case rights
    /// `GET /v1/citizens/{insz}/trajectories`.
    case trajectories
    /// `GET /v1/citizens/{insz}/payments`.
    case payments
    /// `GET /v1/citizens/{insz}/debts`.
    case debts
    /// `GET /v1/citizens/{insz}/requests`.
    case requests
    /// `GET /v1/citizens/{insz}/certificates`.
    case certificates
    /// `GET /v1/citizens/{insz}/certificates/{ocmw}/{id}/document`: an available certificate's PDF.
    case certificateDocument
    /// `POST /v1/citizens/{insz}/requests`: a request for help (multipart, no documents).
    case submitRequest
    /// `POST /v1/citizens/{insz}/certificates`: a certificate request (JSON).
    case submitCertificate

    /// Whether the answer is a citizen read whose JSON carries `complete`.
    public var answersWithCompleteness: Bool {
        switch self {
        case .certificateDocument, .submitRequest, .submitCertificate: false
        default: true
        }
    }

    public static func < (lhs: Endpoint, rhs: Endpoint) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
