import OCMWCore

import struct Foundation.Data

/// Turns New Social response bodies into the shared dossier model, per dialect.
///
/// Pure functions: bytes and the INSZ asked for in, model out. Each rejects a body about another
/// citizen (`inszMismatch`) before reading any record from it. To support a new part, add one
/// normaliser per dialect under `Dialects/` and one entry point here.
public enum NewSocialDecoder {
    /// Decodes the answer to "does this OCMW know the citizen?" (`NewSocialPaths.citizen`).
    /// - Parameters:
    ///   - data: The response body.
    ///   - dialect: The tenant's New Social dialect.
    ///   - insz: The citizen the request was for.
    /// - Returns: The citizen's dossiers at this OCMW, in the order listed.
    /// - Throws: `NormalisationError` when the body is not a valid answer for this citizen.
    public static func decodeDossiers(_ data: Data, dialect: Dialect, insz: INSZ) throws(NormalisationError) -> [DossierSummary] {
        switch dialect {
        case .v1: try V1Dossiers.normalise(data, insz: insz)
        case .v2: try V2Dossiers.normalise(data, insz: insz)
        }
    }

    /// Decodes the citizen's debts (`NewSocialPaths.debts`), paid-off ones included; use
    /// `DebtOverview.shownToCitizen(includePaid:)` for what the citizen sees.
    /// - Parameters:
    ///   - data: The response body.
    ///   - dialect: The tenant's New Social dialect.
    ///   - insz: The citizen the request was for.
    /// - Throws: `NormalisationError` when the body is not a valid answer for this citizen,
    ///   an amount is malformed or negative, or a balance exceeds its original amount.
    public static func decodeDebts(_ data: Data, dialect: Dialect, insz: INSZ) throws(NormalisationError) -> DebtOverview {
        switch dialect {
        case .v1: try V1Debts.normalise(data, insz: insz)
        case .v2: try V2Debts.normalise(data, insz: insz)
        }
    }

    /// Decodes the citizen's payments of a month range (`NewSocialPaths.payments`); group them
    /// with `PaymentsOverview(_:)`.
    /// - Parameters:
    ///   - data: The response body.
    ///   - dialect: The tenant's New Social dialect.
    ///   - insz: The citizen the request was for.
    /// - Throws: `NormalisationError` when the body is not a valid answer for this citizen, or an
    ///   amount or status field is malformed. Status codes outside New Social's table are not an
    ///   error: such a payment comes out with status `unknown`.
    public static func decodePayments(_ data: Data, dialect: Dialect, insz: INSZ) throws(NormalisationError) -> [Payment] {
        switch dialect {
        case .v1: try V1Payments.normalise(data, insz: insz)
        case .v2: try V2Payments.normalise(data, insz: insz)
        }
    }
}

extension NewSocialDecoder {
    /// `decodeDossiers(_:dialect:insz:)` for a body received as bytes.
    public static func decodeDossiers(_ bytes: [UInt8], dialect: Dialect, insz: INSZ) throws(NormalisationError) -> [DossierSummary] {
        try decodeDossiers(Data(bytes), dialect: dialect, insz: insz)
    }

    /// `decodeDebts(_:dialect:insz:)` for a body received as bytes.
    public static func decodeDebts(_ bytes: [UInt8], dialect: Dialect, insz: INSZ) throws(NormalisationError) -> DebtOverview {
        try decodeDebts(Data(bytes), dialect: dialect, insz: insz)
    }

    /// `decodePayments(_:dialect:insz:)` for a body received as bytes.
    public static func decodePayments(_ bytes: [UInt8], dialect: Dialect, insz: INSZ) throws(NormalisationError) -> [Payment] {
        try decodePayments(Data(bytes), dialect: dialect, insz: insz)
    }
}
