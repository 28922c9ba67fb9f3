import Testing

@testable import SubmissionIntake

@Suite struct FileSnifferTests {
    @Test(arguments: [
        (Array("%PDF-1.4\n".utf8), DocumentType.pdf),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], .jpeg),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], .png),
    ])
    func acceptsByMagicBytesWhateverTheChunking(bytes: [UInt8], type: DocumentType) {
        var whole = FileSniffer()
        whole.consume(bytes)
        var byByte = FileSniffer()
        for byte in bytes { byByte.consume([byte]) }
        #expect(whole.finish() == .accepted(type))
        #expect(byByte.finish() == .accepted(type))
    }

    @Test(arguments: [
        Array("GIF89a".utf8), Array("MZ\u{90}\0".utf8), Array("hello, this is text".utf8), [],
        Array("%PDF".utf8), [0x89, 0x50, 0x4E, 0x47], Array("%PDX-".utf8),
    ])
    func rejectsEverythingElse(bytes: [UInt8]) {
        var sniffer = FileSniffer()
        sniffer.consume(bytes)
        #expect(sniffer.finish() == .rejected)
    }

    @Test func rejectsAtTheFirstImpossibleByte() {
        var sniffer = FileSniffer()
        #expect(sniffer.consume(Array("G".utf8)) == .rejected)
    }

    @Test func errorNamesThePositionAndASanitisedName() {
        let error = IntakeError.unsupportedFile(position: 2, filename: "<script>\(String(repeating: "a", count: 100)).gif")
        #expect(error.kind == .unsupportedMediaType)
        #expect(error.message.hasPrefix("file 2 (\"_script_aaa"))
        #expect(!error.message.contains("<"))
        #expect(error.message.count < 130)
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func sha256MatchesTheFIPSVectors(message: String, digest: String) {
        var hash = DocumentHash()
        for byte in message.utf8 { hash.update([byte]) }
        #expect(hash.finalizeHex() == digest)
    }
}
