import OCMWCore
import OCMWDomain

import class Foundation.JSONEncoder

/// The citizen every fixture is about. A body about anyone else is refused before its records
/// are read, so seeds must name this INSZ for the fuzzer to reach the record rules.
let fuzzCitizen: INSZ = {
    do {
        return try INSZ(parsing: "85073003328", currentYear: 2025)
    } catch {
        fatalError("the fixture INSZ does not parse")
    }
}()

/// The parts in the order of the selector byte (`scripts/fuzz` seeds with the same order).
enum FuzzedPart: UInt8, CaseIterable {
    case dossiers, debts, payments, rights, trajectories, requests, certificates
}

/// Feeds one input to one normaliser of `dialect`: the first byte (modulo the number of parts)
/// picks the part, the rest is the response body.
///
/// A normaliser may only return a model or throw `NormalisationError`. What it returns is then
/// put through what the proxy does with it (the citizen's view, grouping, JSON encoding): a
/// model that decodes but cannot be answered is a finding too.
func fuzzDialect(_ dialect: Dialect, _ input: UnsafeBufferPointer<UInt8>) {
    guard let selector = input.first else { return }
    let part = FuzzedPart.allCases[Int(selector) % FuzzedPart.allCases.count]
    let body = Array(input.dropFirst())
    let insz = fuzzCitizen
    do {
        switch part {
        case .dossiers:
            try encodes(NewSocialDecoder.decodeDossiers(body, dialect: dialect, insz: insz))
        case .debts:
            let overview = try NewSocialDecoder.decodeDebts(body, dialect: dialect, insz: insz)
            let shown = overview.shownToCitizen(includePaid: false)
            precondition(shown.totals == overview.totals, "hiding paid-off debts changed the totals")
            encodes(shown)
        case .payments:
            encodes(PaymentsOverview(try NewSocialDecoder.decodePayments(body, dialect: dialect, insz: insz)))
        case .rights:
            encodes(RightsOverview(try NewSocialDecoder.decodeRights(body, dialect: dialect, insz: insz)))
        case .trajectories:
            try encodes(NewSocialDecoder.decodeTrajectories(body, dialect: dialect, insz: insz))
        case .requests:
            try encodes(NewSocialDecoder.decodeRequests(body, dialect: dialect, insz: insz))
        case .certificates:
            try encodes(NewSocialDecoder.decodeCertificates(body, dialect: dialect, insz: insz))
        }
    } catch {
        _ = "\(error)"
    }
}

/// Encodes a decoded model as the proxy's answer would; failing to is a finding.
private func encodes(_ value: some Encodable) {
    do {
        _ = try JSONEncoder().encode(value)
    } catch {
        preconditionFailure("a decoded model does not encode: \(error)")
    }
}
