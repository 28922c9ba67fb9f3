import OCMWCore

import struct Foundation.Data

extension NewSocialDecoder {
    /// Decodes every decision on the citizen's rights (`DossierPart.rights`), whatever its
    /// outcome; `RightsOverview(_:)` or `grantedRights` keep what the citizen sees.
    /// - Parameters:
    ///   - data: The response body.
    ///   - dialect: The tenant's New Social dialect.
    ///   - insz: The citizen the request was for.
    /// - Throws: `NormalisationError` when the body is not a valid answer for this citizen. A
    ///   decision status outside the contract is not an error: it comes out `unknown`.
    public static func decodeRights(_ data: Data, dialect: Dialect, insz: INSZ) throws(NormalisationError) -> [RightDecision] {
        switch dialect {
        case .v1: try V1Rights.normalise(data, insz: insz)
        case .v2: try V2Rights.normalise(data, insz: insz)
        }
    }

    /// Decodes the citizen's trajectories and their contact persons (`DossierPart.trajectories`).
    /// - Throws: `NormalisationError` when the body is not a valid answer for this citizen, or an
    ///   office address is incomplete.
    public static func decodeTrajectories(_ data: Data, dialect: Dialect, insz: INSZ) throws(NormalisationError) -> [Trajectory] {
        switch dialect {
        case .v1: try V1Trajectories.normalise(data, insz: insz)
        case .v2: try V2Trajectories.normalise(data, insz: insz)
        }
    }

    /// Decodes the citizen's requests for help (`DossierPart.requests`), each with the steps
    /// it goes through.
    /// - Throws: `NormalisationError` when the body is not a valid answer for this citizen. A
    ///   request status outside the contract is not an error: it comes out `unknown`.
    public static func decodeRequests(_ data: Data, dialect: Dialect, insz: INSZ) throws(NormalisationError) -> [HelpRequest] {
        switch dialect {
        case .v1: try V1Requests.normalise(data, insz: insz)
        case .v2: try V2Requests.normalise(data, insz: insz)
        }
    }

    /// Decodes the citizen's certificates (`DossierPart.certificates`).
    /// - Throws: `NormalisationError.partNotOffered` for v1, which has no certificates API (the
    ///   proxy should not have asked: `NewSocialPaths.path` is `nil` there); otherwise when the
    ///   body is not a valid answer for this citizen. A status outside the contract comes out
    ///   `unknown`.
    public static func decodeCertificates(_ data: Data, dialect: Dialect, insz: INSZ) throws(NormalisationError) -> [Certificate] {
        switch dialect {
        case .v1: throw NormalisationError(.partNotOffered)
        case .v2: try V2Certificates.normalise(data, insz: insz)
        }
    }

    /// Checks the body of a certificate download (`NewSocialPaths.certificateDocument`) and
    /// returns it unchanged.
    /// - Throws: `NormalisationError.notPDF` when the body is not a PDF, `partNotOffered` for v1.
    public static func decodeCertificateDocument(_ bytes: [UInt8], dialect: Dialect) throws(NormalisationError) -> [UInt8] {
        switch dialect {
        case .v1: throw NormalisationError(.partNotOffered)
        case .v2: try V2Certificates.document(bytes)
        }
    }
}

extension NewSocialDecoder {
    /// `decodeRights(_:dialect:insz:)` for a body received as bytes.
    public static func decodeRights(_ bytes: [UInt8], dialect: Dialect, insz: INSZ) throws(NormalisationError) -> [RightDecision] {
        try decodeRights(Data(bytes), dialect: dialect, insz: insz)
    }

    /// `decodeTrajectories(_:dialect:insz:)` for a body received as bytes.
    public static func decodeTrajectories(_ bytes: [UInt8], dialect: Dialect, insz: INSZ) throws(NormalisationError) -> [Trajectory] {
        try decodeTrajectories(Data(bytes), dialect: dialect, insz: insz)
    }

    /// `decodeRequests(_:dialect:insz:)` for a body received as bytes.
    public static func decodeRequests(_ bytes: [UInt8], dialect: Dialect, insz: INSZ) throws(NormalisationError) -> [HelpRequest] {
        try decodeRequests(Data(bytes), dialect: dialect, insz: insz)
    }

    /// `decodeCertificates(_:dialect:insz:)` for a body received as bytes.
    public static func decodeCertificates(_ bytes: [UInt8], dialect: Dialect, insz: INSZ) throws(NormalisationError) -> [Certificate] {
        try decodeCertificates(Data(bytes), dialect: dialect, insz: insz)
    }
}
