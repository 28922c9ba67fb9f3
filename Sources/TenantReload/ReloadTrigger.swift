/// What made the proxy reload tenants.json.
public enum ReloadTrigger: String, Sendable, Encodable {
    /// The file changed (the watcher saw a new modification time, size or inode).
    case file
    /// SIGHUP.
    case signal
    /// `POST /admin/tenants/reload`.
    case admin
}

/// How the last reload ended.
public enum ReloadResult: String, Sendable, Encodable {
    /// The new file was valid and is in force.
    case ok
    /// The file had problems; the last good snapshot stays.
    case rejected
}
