/// An object's members, read by key: the first member with the key counts, as in JSONDecoder.
struct WireKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [WireJSON.Member]
    let path: WirePath
    let text: WireText

    var codingPath: [any CodingKey] { path.codingPath }
    var allKeys: [Key] { members.compactMap { text.string($0.key).flatMap(Key.init(stringValue:)) } }

    private func find(_ key: Key) -> WireJSON? {
        let name = key.stringValue
        for member in members where text.matches(member.key, name) { return member.value }
        return nil
    }

    /// The value under `key`; a missing key is `keyNotFound`.
    private func require(_ key: Key) throws -> WireJSON {
        guard let value = find(key) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return value
    }

    /// The value under `key` unless it is missing or `null`.
    private func present(_ key: Key) -> WireJSON? {
        guard let value = find(key) else { return nil }
        if case .null = value { return nil }
        return value
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try require(key) { return true }
        return false
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try WireScalars.string(try require(key), text, path.appending(key))
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try WireScalars.bool(try require(key), path.appending(key))
    }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try WireScalars.integer(Int.self, try require(key), text, path.appending(key))
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let value = present(key) else { return nil }
        return try WireScalars.string(value, text, path.appending(key))
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let value = present(key) else { return nil }
        return try WireScalars.bool(value, path.appending(key))
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let value = present(key) else { return nil }
        return try WireScalars.integer(Int.self, value, text, path.appending(key))
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try WireScalars.floatingPoint(Double.self, try require(key), text, path.appending(key))
    }

    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try WireScalars.floatingPoint(Float.self, try require(key), text, path.appending(key))
    }

    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(key) }

    private func integer<T: FixedWidthInteger>(_ key: Key) throws -> T {
        try WireScalars.integer(T.self, try require(key), text, path.appending(key))
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try T(from: WireValueDecoder(value: try require(key), path: path.appending(key), text: text))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = present(key) else { return nil }
        return try T(from: WireValueDecoder(value: value, path: path.appending(key), text: text))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try WireValueDecoder(value: try require(key), path: path.appending(key), text: text).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try WireValueDecoder(value: try require(key), path: path.appending(key), text: text).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        WireValueDecoder(
            value: find(Key(stringValue: "super")!) ?? .null, path: path.appending(WireCodingKey(stringValue: "super")!), text: text)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        WireValueDecoder(value: find(key) ?? .null, path: path.appending(key), text: text)
    }
}

/// An array's elements, read in order.
struct WireUnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [WireJSON]
    let path: WirePath
    let text: WireText
    private(set) var currentIndex = 0

    init(elements: [WireJSON], path: WirePath, text: WireText) {
        self.elements = elements
        self.path = path
        self.text = text
    }

    var codingPath: [any CodingKey] { path.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// The next element; past the end is `valueNotFound`, as in JSONDecoder.
    private mutating func next(_ type: Any.Type) throws -> (WireJSON, WirePath) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type, .init(codingPath: path.appending(index: currentIndex).codingPath, debugDescription: "Unkeyed container is at end."))
        }
        defer { currentIndex += 1 }
        return (elements[currentIndex], path.appending(index: currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else {
            _ = try next(Never.self)
            return false
        }
        if case .null = elements[currentIndex] {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode(_ type: String.Type) throws -> String {
        let (value, path) = try next(type)
        return try WireScalars.string(value, text, path)
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let (value, path) = try next(type)
        return try WireScalars.bool(value, path)
    }

    mutating func decode(_ type: Double.Type) throws -> Double {
        let (value, path) = try next(type)
        return try WireScalars.floatingPoint(Double.self, value, text, path)
    }

    mutating func decode(_ type: Float.Type) throws -> Float {
        let (value, path) = try next(type)
        return try WireScalars.floatingPoint(Float.self, value, text, path)
    }

    mutating func decode(_ type: Int.Type) throws -> Int { try integer() }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }

    private mutating func integer<T: FixedWidthInteger>() throws -> T {
        let (value, path) = try next(T.self)
        return try WireScalars.integer(T.self, value, text, path)
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, path) = try next(type)
        return try T(from: WireValueDecoder(value: value, path: path, text: text))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (value, path) = try next(type)
        return try WireValueDecoder(value: value, path: path, text: text).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, path) = try next([Any].self)
        return try WireValueDecoder(value: value, path: path, text: text).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, path) = try next(Any.self)
        return WireValueDecoder(value: value, path: path, text: text)
    }
}

/// A single value (`WireInteger` reads its number through one).
struct WireSingleValueContainer: SingleValueDecodingContainer {
    let value: WireJSON
    let path: WirePath
    let text: WireText

    var codingPath: [any CodingKey] { path.codingPath }

    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode(_ type: String.Type) throws -> String { try WireScalars.string(value, text, path) }
    func decode(_ type: Bool.Type) throws -> Bool { try WireScalars.bool(value, path) }
    func decode(_ type: Double.Type) throws -> Double { try WireScalars.floatingPoint(Double.self, value, text, path) }
    func decode(_ type: Float.Type) throws -> Float { try WireScalars.floatingPoint(Float.self, value, text, path) }
    func decode(_ type: Int.Type) throws -> Int { try WireScalars.integer(Int.self, value, text, path) }
    func decode(_ type: Int8.Type) throws -> Int8 { try WireScalars.integer(Int8.self, value, text, path) }
    func decode(_ type: Int16.Type) throws -> Int16 { try WireScalars.integer(Int16.self, value, text, path) }
    func decode(_ type: Int32.Type) throws -> Int32 { try WireScalars.integer(Int32.self, value, text, path) }
    func decode(_ type: Int64.Type) throws -> Int64 { try WireScalars.integer(Int64.self, value, text, path) }
    func decode(_ type: UInt.Type) throws -> UInt { try WireScalars.integer(UInt.self, value, text, path) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try WireScalars.integer(UInt8.self, value, text, path) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try WireScalars.integer(UInt16.self, value, text, path) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try WireScalars.integer(UInt32.self, value, text, path) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try WireScalars.integer(UInt64.self, value, text, path) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: WireValueDecoder(value: value, path: path, text: text)) }
}
