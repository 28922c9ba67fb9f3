import CitizenDispatch
import Foundation
import Hummingbird

extension Response {
    /// A 200 (or given status) `application/json` response of an `Encodable` value, in the
    /// answers' encoding (`AnswerEncoding`).
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        json(bytes: try AnswerEncoding.bytes(value), status: status)
    }

    /// A `/dossier` answer, written by `AnswerJSONWriter`: the same bytes as `json(_:status:)`, without
    /// the Codable container tree (the hot path of citizen reads).
    static func answer(_ answer: DossierAnswer) -> Response {
        var writer = AnswerJSONWriter()
        writer.write(answer)
        return json(bytes: writer.bytes, status: .ok)
    }

    /// A one-part answer, written by `AnswerJSONWriter` (see `answer(_: DossierAnswer)`).
    static func answer(_ answer: PartAnswer) -> Response {
        var writer = AnswerJSONWriter()
        writer.write(answer)
        return json(bytes: writer.bytes, status: .ok)
    }

    private static func json(bytes: some Sequence<UInt8>, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
