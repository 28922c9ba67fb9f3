import OCMWCore

@testable import SubmissionIntake

enum Fixtures {
    static let boundary = "----intake7MA4YWxk"

    static let gent = Tenant(
        id: TenantID("gent")!, kbo: KBONumber("0212.214.125")!, name: "OCMW Gent", postalCodes: ["9000", "9050"],
        backend: Backend(baseURL: "http://127.0.0.1:9101", dialect: .v2, credentials: .environment(name: "K")),
        limits: .builtIn, categoriesOfHelp: [CodeLabel(code: "LL", label: "Leefloon"), CodeLabel(code: "BUD", label: "Budget")],
        certificateTypes: [CodeLabel(code: "ATT-LL", label: "Attest leefloon")], state: .active)

    static func tenants(_ id: TenantID) -> Tenant? { id == gent.id ? gent : nil }

    static let form = HelpRequestForm(
        ocmw: "gent",
        applicant: .init(
            lastName: "Vandenbrande", firstName: "Jacqueline",
            domicile: .init(street: "Koning Albertlaan 82", postalCode: "9000", municipality: "Gent"),
            email: "jacqueline.vandenbrande@example.be", phone: "0479/58 74 26"),
        categories: ["BUD"], text: "Ik ben werkloos.")

    /// A multipart body with the given parts: (name, filename, content).
    static func body(_ parts: [(String, String?, [UInt8])], boundary: String = boundary) -> [UInt8] {
        var out: [UInt8] = Array("preamble\r\n".utf8)
        for (name, filename, content) in parts {
            var header = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\""
            if let filename { header += "; filename=\"\(filename)\"\r\nContent-Type: application/pdf" }
            out += Array((header + "\r\n\r\n").utf8) + content + Array("\r\n".utf8)
        }
        return out + Array("--\(boundary)--\r\nepilogue".utf8)
    }

    static let pdf: [UInt8] = Array("%PDF-1.7\n".utf8) + Array(repeating: 0x41, count: 300) + Array("\r\n--\r\n-".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]

    /// Runs a body through a parser in the given chunk sizes; consecutive data is merged.
    static func parse(_ body: [UInt8], chunkSizes: [Int], limits: IntakeLimits = .default) throws(IntakeError) -> [MultipartEvent] {
        var parser = MultipartParser(boundary: boundary, limits: limits)
        var events: [MultipartEvent] = []
        var offset = 0
        var sizes = chunkSizes.makeIterator()
        while offset < body.count {
            let size = max(1, sizes.next() ?? body.count)
            let end = min(body.count, offset + size)
            events += try parser.feed(body[offset..<end])
            offset = end
        }
        try parser.finish()
        return merged(events)
    }

    static func merged(_ events: [MultipartEvent]) -> [MultipartEvent] {
        var result: [MultipartEvent] = []
        for event in events {
            if case .partData(let more) = event, case .partData(let previous)? = result.last {
                result[result.count - 1] = .partData(previous + more)
            } else {
                result.append(event)
            }
        }
        return result
    }

    /// Feeds byte by byte; returns the index of the byte whose feed threw, and the error.
    static func failingByte(_ body: [UInt8], limits: IntakeLimits) -> (Int, IntakeError)? {
        var parser = MultipartParser(boundary: boundary, limits: limits)
        for index in body.indices {
            do { _ = try parser.feed(body[index...index]) } catch { return (index, error) }
        }
        return nil
    }
}
