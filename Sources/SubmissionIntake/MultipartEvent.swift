/// What the parser recognised in the bytes fed so far.
///
/// How a part's content is split over `partData` events depends on how the body was chunked;
/// the concatenated bytes, and every other event, do not.
public enum MultipartEvent: Sendable, Equatable {
    /// A part begins. `filename` is present for files; `declaredContentType` is only what the
    /// client claims and is never trusted for file types.
    case partStarted(name: String, filename: String?, declaredContentType: String?)
    /// Some of the current part's content.
    case partData([UInt8])
    /// The current part is complete.
    case partEnded
}
