import CurlClient
import Foundation
import OCMWCore

extension TLSOptions {
    /// The curl TLS options of a tenant's backend: its CA bundle and client certificate, or
    /// `nil` (system trust store, no client certificate) when `backend.tls` is absent.
    public init?(backend: Backend) {
        guard let tls = backend.tls else { return nil }
        self.init(
            caBundlePath: tls.caBundlePath, clientCertificatePath: tls.clientCertificate?.certificatePath,
            clientKeyPath: tls.clientCertificate?.keyPath)
    }
}

extension BackendTLS {
    /// Problems with the files `backend.tls` names on this machine (missing, unreadable, not PEM),
    /// for `ocmw-proxy tenants check`; validation does not read them. Contents are never echoed.
    public func fileProblems() -> [(field: String, message: String)] {
        paths.compactMap { field, path in
            guard FileManager.default.isReadableFile(atPath: path),
                let data = FileManager.default.contents(atPath: path)
            else {
                return ("backend.tls.\(field)", "\(path) does not exist or is not readable")
            }
            guard String(decoding: data, as: UTF8.self).contains("-----BEGIN ") else {
                return ("backend.tls.\(field)", "\(path) is not a PEM file")
            }
            return nil
        }
    }
}
