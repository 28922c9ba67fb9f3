/// One object of a scanned document, read by key name: the first member with the name counts, as
/// in JSONDecoder.
struct WireObject {
    let members: [WireJSON.Member]
    let path: WirePath
    let text: WireText

    /// The object at `path`: `null` is "not found", another kind a type mismatch, and a key that
    /// is not valid breaks the document, as JSONDecoder reads every key of an object it opens.
    init(_ value: WireJSON, path: WirePath, text: WireText) throws {
        switch value {
        case .object(let members):
            for member in members where !text.isValid(member.key) {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "A key is not valid JSON."))
            }
            self.members = members
        case .null:
            throw DecodingError.valueNotFound(
                [String: Any].self,
                .init(codingPath: path.codingPath, debugDescription: "Cannot get keyed decoding container -- found null value instead"))
        default: throw WireScalars.mismatch([String: Any].self, value, path.codingPath)
        }
        self.path = path
        self.text = text
    }

    func find(_ name: String) -> WireJSON? {
        for member in members where text.matches(member.key, name) { return member.value }
        return nil
    }

    /// The value under `key`; a missing key is `keyNotFound`.
    func require(_ key: some CodingKey) throws -> WireJSON {
        guard let value = find(key.stringValue) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: path.codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return value
    }

    /// The value under `name` unless it is missing or `null`.
    func present(_ name: String) -> WireJSON? {
        guard let value = find(name) else { return nil }
        if case .null = value { return nil }
        return value
    }
}

/// A wire struct read straight from a scanned object, without `Decodable`'s containers (a box
/// per container, a dynamic call per field, generic metadata looked up at run time): they cost
/// more than scanning the JSON. Each reader reads its fields in declaration order, so that the
/// first wrong field is the one `JSONDecoder` reported; `WireJSONDecoderTests` holds them to it.
protocol WireReadable {
    init(wire: WireFields) throws
}

/// The fields of one object, for a `WireReadable`'s initialiser.
struct WireFields {
    let object: WireObject

    private func key(_ name: String) -> WireCodingKey { WireCodingKey(stringValue: name)! }

    func string(_ name: String) throws -> String {
        try WireScalars.string(try object.require(key(name)), object.text, object.path.appending(key(name)))
    }

    func optionalString(_ name: String) throws -> String? {
        guard let value = object.present(name) else { return nil }
        return try WireScalars.string(value, object.text, object.path.appending(key(name)))
    }

    func optionalBool(_ name: String) throws -> Bool? {
        guard let value = object.present(name) else { return nil }
        return try WireScalars.bool(value, object.path.appending(key(name)))
    }

    func optionalInteger(_ name: String) throws -> WireInteger? {
        guard let value = object.present(name) else { return nil }
        return WireInteger(value: try WireScalars.integer(value, object.text, object.path.appending(key(name))))
    }

    func optional<T: WireReadable>(_ name: String, _ type: T.Type) throws -> T? {
        guard let value = object.present(name) else { return nil }
        return try T(wire: WireFields(object: WireObject(value, path: object.path.appending(key(name)), text: object.text)))
    }

    func array<T: WireReadable>(_ name: String, of type: T.Type) throws -> [T] {
        try elements(try object.require(key(name)), at: object.path.appending(key(name)))
    }

    func optionalArray<T: WireReadable>(_ name: String, of type: T.Type) throws -> [T]? {
        guard let value = object.present(name) else { return nil }
        return try elements(value, at: object.path.appending(key(name)))
    }

    private func elements<T: WireReadable>(_ value: WireJSON, at path: WirePath) throws -> [T] {
        switch value {
        case .array(let elements):
            var items: [T] = []
            items.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                items.append(try T(wire: WireFields(object: WireObject(element, path: path.appending(index: index), text: object.text))))
            }
            return items
        case .null:
            throw DecodingError.valueNotFound(
                [Any].self,
                .init(codingPath: path.codingPath, debugDescription: "Cannot get unkeyed decoding container -- found null value instead"))
        default: throw WireScalars.mismatch([Any].self, value, path.codingPath)
        }
    }
}
