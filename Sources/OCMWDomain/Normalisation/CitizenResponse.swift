import OCMWCore

import struct Foundation.Data

/// A wire record that may name the citizen it belongs to.
protocol CitizenRecord {
    /// The INSZ the record says it is about, when it says so.
    var reportedINSZ: String? { get }
}

/// A dialect's response body: the citizen it is about and the records it lists for them, each
/// with the key it is written under (errors name the key, never the value).
protocol CitizenResponse: Decodable, WireReadable {
    associatedtype Record: CitizenRecord
    var citizen: (insz: String, field: String) { get }
    var records: (items: [Record], field: String) { get }
}

extension CitizenResponse {
    /// Decodes a body, checks that it and each of its records are about `insz`, then normalises
    /// the records in order, each with its JSON path (`debts[2]`) for the errors it reports.
    ///
    /// - Parameters:
    ///   - data: The raw response body.
    ///   - insz: The citizen that was asked for.
    ///   - normaliseRecord: One record and its path to the model value.
    /// - Returns: The decoded body (for fields besides the records) and the normalised records.
    /// - Throws: `NormalisationError`: the first problem found, the citizen check first.
    static func normalise<Output>(
        _ data: Data, about insz: INSZ,
        each normaliseRecord: (Record, _ field: String) throws(NormalisationError) -> Output
    ) throws(NormalisationError) -> (body: Self, records: [Output]) {
        let body = try WireDecoding.decode(Self.self, from: data)
        let (citizen, records) = (body.citizen, body.records)
        try RecordRules.requireSameCitizen(
            body: citizen.insz, field: citizen.field,
            records: records.items, recordsField: records.field, as: insz)
        var output: [Output] = []
        output.reserveCapacity(records.items.count)
        for (index, item) in records.items.enumerated() {
            output.append(try normaliseRecord(item, "\(records.field)[\(index)]"))
        }
        return (body, output)
    }
}
