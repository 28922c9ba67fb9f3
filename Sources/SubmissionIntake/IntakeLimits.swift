/// Limits enforced while a submission streams in, so an oversized upload is refused at the first
/// byte too many instead of after it has been buffered.
public struct IntakeLimits: Sendable, Equatable {
    /// Most files (parts with a `filename`). Default 5.
    public var maxFiles: Int
    /// Most parts of any kind: the JSON part plus the files. Default 6.
    public var maxParts: Int
    /// Most bytes in one file. Default 10 MiB.
    public var maxFileBytes: Int
    /// Most bytes in the whole body, delimiters and headers included. Default 25 MiB.
    public var maxTotalBytes: Int
    /// Most bytes in one part's header block. Default 8 KiB.
    public var maxHeaderBytes: Int
    /// Most bytes in a part without a `filename` (the JSON part). Default 64 KiB.
    public var maxFieldBytes: Int
    /// Most characters (grapheme clusters) in the free text of a request for help. Default 4000.
    public var maxTextCharacters: Int

    /// The documented defaults.
    public static let `default` = IntakeLimits(
        maxFiles: 5, maxParts: 6, maxFileBytes: 10 << 20, maxTotalBytes: 25 << 20,
        maxHeaderBytes: 8 << 10, maxFieldBytes: 64 << 10, maxTextCharacters: 4000
    )

    public init(
        maxFiles: Int, maxParts: Int, maxFileBytes: Int, maxTotalBytes: Int, maxHeaderBytes: Int,
        maxFieldBytes: Int, maxTextCharacters: Int
    ) {
        self.maxFiles = maxFiles
        self.maxParts = maxParts
        self.maxFileBytes = maxFileBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxFieldBytes = maxFieldBytes
        self.maxTextCharacters = maxTextCharacters
    }
}
