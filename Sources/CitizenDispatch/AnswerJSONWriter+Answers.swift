import OCMWDomain

// The citizen answers, written with their keys in sorted byte order, as `JSONEncoder` with
// `.sortedKeys` writes them; optional values are left out when nil, like `encodeIfPresent`.

extension AnswerJSONWriter {
    package mutating func write(_ answer: DossierAnswer) {
        beginObject()
        key("complete")
        bool(answer.complete)
        key("ocmws")
        beginArray()
        for dossier in answer.ocmws {
            beginObject()
            key("complete")
            bool(dossier.complete)
            key("ocmw")
            write(dossier.ocmw)
            key("parts")
            write(dossier.parts)
            endObject()
        }
        endArray()
        write(years: answer.years)
        endObject()
    }

    private mutating func write(years: [Int]?) {
        guard let years else { return }
        key("years")
        array(years) { $0.int($1) }
    }

    package mutating func write(_ answer: PartAnswer) {
        beginObject()
        key("complete")
        bool(answer.complete)
        key("ocmws")
        beginArray()
        for entry in answer.ocmws { write(entry) }
        endArray()
        write(years: answer.years)
        endObject()
    }

    private mutating func write(_ entry: PartAnswer.Entry) {
        // The part's own key sorts among the fixed ones: `debts` before `ocmw`, `rights` after `reason`, …
        var pending = entry.value
        let part = entry.part.jsonName
        func writePart(before fixed: String?, _ writer: inout Self) {
            guard let value = pending else { return }
            if let fixed, !part.utf8.lexicographicallyPrecedes(fixed.utf8) { return }
            writer.key(part)
            writer.write(value)
            pending = nil
        }
        beginObject()
        writePart(before: "ocmw", &self)
        key("ocmw")
        write(entry.ocmw)
        writePart(before: "reason", &self)
        string("reason", ifPresent: entry.reason)
        writePart(before: "status", &self)
        key("status")
        string(entry.status.rawValue)
        writePart(before: nil, &self)
        endObject()
    }

    private mutating func write(_ parts: DossierAnswer.Parts) {
        beginObject()
        for (part, slot) in parts.results.sorted(by: { $0.part.jsonName.utf8.lexicographicallyPrecedes($1.part.jsonName.utf8) }) {
            key(part.jsonName)
            beginObject()
            if let data = slot.data {
                key("data")
                write(data)
            }
            string("reason", ifPresent: slot.reason)
            key("status")
            string(slot.status.rawValue)
            endObject()
        }
        endObject()
    }

    private mutating func write(_ ocmw: OCMWReference) {
        beginObject()
        key("id")
        string(ocmw.id)
        key("name")
        string(ocmw.name)
        endObject()
    }

    package mutating func write(_ value: PartValue) {
        switch value {
        case .ocmws(let dossiers): array(dossiers) { $0.write($1) }
        case .rights(let rights): write(rights)
        case .trajectories(let trajectories): array(trajectories) { $0.write($1) }
        case .payments(let payments): write(payments)
        case .debts(let debts): write(debts)
        case .requests(let requests): array(requests) { $0.write($1) }
        case .certificates(let certificates): array(certificates) { $0.write($1) }
        }
    }

    package mutating func array<Element>(_ elements: [Element], _ writeOne: (inout Self, Element) -> Void) {
        beginArray()
        for element in elements { writeOne(&self, element) }
        endArray()
    }
}
