import CCurl

extension EasyHandleSetup {
    /// How long curl keeps a parsed CA bundle in memory. Short, so a CA bundle replaced on disk
    /// (same path, rotated content) is picked up within a minute without a restart.
    static let caCacheTimeoutSeconds = 60

    /// Sets verification (always on) and the request's trust and client certificate. Loop thread only.
    static func configureTLS(_ handle: UnsafeMutableRawPointer, for transfer: Transfer, set: (CURLcode) -> Void) {
        set(ccurl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
        set(ccurl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
        set(ccurl_easy_setopt_long(handle, CURLOPT_CA_CACHE_TIMEOUT, caCacheTimeoutSeconds))
        set(ccurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, transfer.errorBuffer))
        guard let tls = transfer.request.tls else { return }
        if let caBundle = tls.caBundlePath {
            set(ccurl_easy_setopt_string(handle, CURLOPT_CAINFO, caBundle))
        }
        if let certificate = tls.clientCertificatePath {
            set(ccurl_easy_setopt_string(handle, CURLOPT_SSLCERT, certificate))
            set(ccurl_easy_setopt_string(handle, CURLOPT_SSLCERTTYPE, "PEM"))
        }
        if let key = tls.clientKeyPath {
            set(ccurl_easy_setopt_string(handle, CURLOPT_SSLKEY, key))
            set(ccurl_easy_setopt_string(handle, CURLOPT_SSLKEYTYPE, "PEM"))
        }
    }

    /// Which part of TLS a failed transfer blames, or `nil` when it is not a TLS failure.
    ///
    /// In TLS 1.3 the client finishes its side of the handshake before the server has checked
    /// the client certificate, so a server refusing it (none, or from an untrusted CA) shows up
    /// as an alert on the first read: a receive/send error whose explanation is a TLS alert.
    static func tlsFailure(for code: CURLcode, transfer: Transfer) -> TLSFailure? {
        switch code {
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR:
            let explanation = String(cString: transfer.errorBuffer)
            return explanation.contains("SSL") && explanation.contains(" alert ") ? .clientCertificateRejected : nil
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS:
            return .untrustedPeer
        case CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CRL_BADFILE:
            return .caBundleUnreadable
        case CURLE_SSL_CERTPROBLEM, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED:
            return .clientCertificateProblem
        case CURLE_SSL_CLIENTCERT:
            return .clientCertificateRejected
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CIPHER:
            return .handshakeFailed
        default:
            return nil
        }
    }

    /// A TLS failure as `connectFailed`, with curl's specific explanation from the error buffer
    /// ("SSL certificate problem: certificate has expired") rather than only the generic text of
    /// the code. The buffer is used for TLS codes only: those messages name files and
    /// certificates, never the request's URL path.
    static func tlsError(_ failure: TLSFailure, code: CURLcode, transfer: Transfer) -> CurlClientError {
        let generic = String(cString: curl_easy_strerror(code))
        let specific = String(cString: transfer.errorBuffer)
        let explanation = specific.isEmpty ? generic : specific
        let detail =
            switch failure {
            case .untrustedPeer: "backend certificate not trusted: \(explanation)"
            case .caBundleUnreadable:
                "cannot load CA bundle '\(transfer.request.tls?.caBundlePath ?? "system store")': \(explanation)"
            case .clientCertificateProblem:
                "cannot load client certificate '\(transfer.request.tls?.clientCertificatePath ?? "")': \(explanation)"
            case .clientCertificateRejected: "backend refused the client certificate (or its absence): \(explanation)"
            case .handshakeFailed: "TLS handshake failed: \(explanation)"
            }
        return CurlClientError(.connectFailed, detail: detail, tlsFailure: failure)
    }
}
