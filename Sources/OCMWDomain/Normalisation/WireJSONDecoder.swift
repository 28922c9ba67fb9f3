/// Reads the dialects' wire structs from a `WireJSON` document through their `WireReadable`
/// readers, throwing the `DecodingError`s `JSONDecoder` threw for their `Decodable` conformances,
/// with the same coding paths (`WireDecoding` turns them into `NormalisationError`s).
///
/// Why not `JSONDecoder`: it cost about 14 % of the proxy's CPU per one-part answer (a keyed
/// container's dictionary per object, a coding-path node per value, generic look-ups), and
/// `Decodable` itself about 7 % more over a faster scanner. Here an object's members are searched
/// in place (New Social's objects have a dozen keys), and a coding path is only written out when
/// an error needs it.
enum WireJSONDecoder {
    static func read<Value: WireReadable>(_ type: Value.Type, from bytes: UnsafeRawBufferPointer) throws -> Value {
        let text = WireText(bytes: bytes)
        return try Value(wire: WireFields(object: try WireObject(try document(bytes), path: .root, text: text)))
    }

    private static func document(_ bytes: UnsafeRawBufferPointer) throws -> WireJSON {
        do {
            return try WireJSON.parse(bytes)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The given data was not valid JSON."))
        }
    }
}

/// Where a value sits in the document, kept as a chain and turned into `[CodingKey]` only when
/// an error needs it.
indirect enum WirePath: Sendable {
    case root
    case key(WireCodingKey, parent: WirePath)

    func appending(_ key: some CodingKey) -> WirePath { .key(WireCodingKey(key), parent: self) }
    func appending(index: Int) -> WirePath { .key(WireCodingKey(index: index), parent: self) }

    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = self
        while case .key(let key, let parent) = node {
            keys.append(key)
            node = parent
        }
        return keys.reversed()
    }
}

/// A coding key of a path: an object's key or an array's index.
struct WireCodingKey: CodingKey, Sendable {
    let stringValue: String
    let intValue: Int?

    init(_ key: some CodingKey) {
        stringValue = key.stringValue
        intValue = key.intValue
    }

    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }

    init?(stringValue: String) { (self.stringValue, intValue) = (stringValue, nil) }
    init?(intValue: Int) { self.init(index: intValue) }
}

/// Scalars out of values, with JSONDecoder's errors.
enum WireScalars {
    static func mismatch(_ type: Any.Type, _ value: WireJSON, _ codingPath: [any CodingKey]) -> DecodingError {
        DecodingError.typeMismatch(
            type, .init(codingPath: codingPath, debugDescription: "Expected to decode \(type) but found \(value.kind) instead."))
    }

    static func string(_ value: WireJSON, _ text: WireText, _ path: @autoclosure () -> WirePath) throws -> String {
        guard case .string(let string) = value else { throw failure(String.self, value, path().codingPath) }
        // JSONDecoder reports a broken string (escape, UTF-8) as a broken document, without a path.
        guard let decoded = text.string(string) else { throw corrupted([]) }
        return decoded
    }

    static func bool(_ value: WireJSON, _ path: @autoclosure () -> WirePath) throws -> Bool {
        guard case .bool(let flag) = value else { throw failure(Bool.self, value, path().codingPath) }
        return flag
    }

    static func integer(_ value: WireJSON, _ text: WireText, _ path: @autoclosure () -> WirePath) throws -> Int {
        guard case .number(let range) = value else { throw failure(Int.self, value, path().codingPath) }
        guard let integer = text.integer(range) else { throw corrupted(path().codingPath) }
        return integer
    }

    /// A string or number read at `codingPath` that is not valid: its escapes, its UTF-8, its form
    /// or its size.
    private static func corrupted(_ codingPath: [any CodingKey]) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "The value is not valid JSON or does not fit."))
    }

    /// `null` where a value is required is "not found", anything else of the wrong kind a mismatch.
    private static func failure(_ type: Any.Type, _ value: WireJSON, _ codingPath: [any CodingKey]) -> DecodingError {
        if case .null = value {
            return DecodingError.valueNotFound(
                type, .init(codingPath: codingPath, debugDescription: "Expected \(type) value but found null instead."))
        }
        return mismatch(type, value, codingPath)
    }
}
