import CCurl

/// Write callback: hands the bytes to the transfer; returning less than offered makes curl abort
/// with CURLE_WRITE_ERROR, which is how the size cap stops a transfer mid-body.
private func writeCallback(
    data: UnsafeMutablePointer<CChar>?, size: Int, count: Int,
    userdata: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let userdata else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    switch transfer.receive(UnsafeRawBufferPointer(start: data, count: length)) {
    case .taken: return length
    case .pause: return ccurl_writefunc_pause()
    case .abort: return 0
    }
}

private func headerCallback(
    data: UnsafeMutablePointer<CChar>?, size: Int, count: Int,
    userdata: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let userdata else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
    return length
}

enum EasyHandleSetup {
    /// Sets every option of one transfer on a fresh (or reset) easy handle. Loop thread only.
    ///
    /// The transfer is passed unretained as callback userdata: the loop's `active` table holds
    /// the strong reference for as long as the handle is in the multi handle.
    static func configure(_ handle: UnsafeMutableRawPointer, for transfer: Transfer) -> CurlClientError? {
        let request = transfer.request
        var code = CURLE_OK
        func set(_ result: CURLcode) { if code == CURLE_OK { code = result } }

        set(ccurl_easy_setopt_string(handle, CURLOPT_URL, request.url))
        set(ccurl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        // Signals cannot be used for timeouts in a multi-threaded process.
        set(ccurl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        set(ccurl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, max(1, min(request.connectTimeoutMs, transfer.timeoutMs))))
        set(ccurl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, max(1, transfer.timeoutMs)))
        set(ccurl_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0))
        set(ccurl_easy_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1))
        set(ccurl_easy_setopt_long(handle, CURLOPT_TCP_NODELAY, 1))
        configureTLS(handle, for: transfer, set: set)

        let userdata = Unmanaged.passUnretained(transfer).toOpaque()
        set(ccurl_easy_setopt_write_function(handle, writeCallback))
        set(ccurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, userdata))
        set(ccurl_easy_setopt_header_function(handle, headerCallback))
        set(ccurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, userdata))

        switch request.method {
        case .get:
            set(ccurl_easy_setopt_long(handle, CURLOPT_HTTPGET, 1))
        case .post, .put, .delete:
            set(ccurl_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method.rawValue))
        }
        if let body = request.body {
            set(body.withUnsafeBytes { ccurl_easy_set_body_copy(handle, $0.baseAddress, $0.count) })
        }

        var list: UnsafeMutablePointer<curl_slist>?
        // Suppress curl's "Expect: 100-continue" round trip on bodies.
        list = curl_slist_append(list, "Expect:")
        for header in request.headers {
            list = curl_slist_append(list, "\(header.name): \(header.value)")
        }
        transfer.headerList = list
        set(ccurl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, list))

        guard code == CURLE_OK else {
            return CurlClientError(.invalidRequest, detail: String(cString: curl_easy_strerror(code)))
        }
        return nil
    }

    /// Maps a finished transfer's curl result to a response or a typed error. Loop thread only.
    static func result(of transfer: Transfer, code: CURLcode, handle: UnsafeMutableRawPointer) -> Result<HTTPResponse, CurlClientError> {
        guard code == CURLE_OK else {
            return .failure(error(for: code, transfer: transfer))
        }
        var status = 0
        var connects = 0
        var seconds = 0.0
        _ = ccurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        _ = ccurl_easy_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)
        _ = ccurl_easy_getinfo_double(handle, CURLINFO_TOTAL_TIME, &seconds)
        return .success(
            HTTPResponse(
                status: status, headers: transfer.headers, body: transfer.body,
                newConnections: connects, totalTimeMs: seconds * 1000))
    }

    private static func error(for code: CURLcode, transfer: Transfer) -> CurlClientError {
        if let failure = tlsFailure(for: code, transfer: transfer) {
            return tlsError(failure, code: code, transfer: transfer)
        }
        let detail = String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_WRITE_ERROR where transfer.exceededSizeLimit:
            return CurlClientError(.responseTooLarge, detail: "response exceeded \(transfer.request.maxResponseBytes) bytes")
        case CURLE_OPERATION_TIMEDOUT:
            return CurlClientError(.timedOut, detail: detail)
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return CurlClientError(.connectFailed, detail: detail)
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            return CurlClientError(.connectionLost, detail: detail)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return CurlClientError(.invalidRequest, detail: detail)
        default:
            return CurlClientError(.transport, detail: detail)
        }
    }
}
