import NIOSSL

/// Builds the NIOSSL server context of a simulated backend that serves HTTPS.
enum ServerTLS {
    /// Reads the certificate chain and key (and the client CA for mutual TLS) from disk.
    /// - Throws: NIOSSL's error when a file is missing or not PEM.
    static func makeContext(_ tls: SimulatedTLS) throws -> NIOSSLContext {
        let chain = try NIOSSLCertificate.fromPEMFile(tls.certificateChainPath).map(NIOSSLCertificateSource.certificate)
        let key = try NIOSSLPrivateKey(file: tls.privateKeyPath, format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        if let clientCA = tls.clientCAPath {
            // Clients are identified by certificate, not by host name; a missing certificate
            // fails the handshake (NIOSSL sets SSL_VERIFY_FAIL_IF_NO_PEER_CERT for servers).
            configuration.certificateVerification = .noHostnameVerification
            configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(clientCA))
            configuration.sendCANameList = true
        }
        return try NIOSSLContext(configuration: configuration)
    }
}
