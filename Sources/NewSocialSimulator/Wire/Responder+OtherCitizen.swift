extension Responder {
    /// The request's URI about another citizen this backend knows (the smallest other national
    /// number, so the choice is stable), for the `otherCitizen` fault: the answer then holds that
    /// citizen's records under their own number. Unchanged when the path names no citizen or the
    /// backend knows nobody else.
    func uriOfAnotherCitizen(_ uri: String) -> String {
        let (path, _) = Self.split(uri)
        guard let asked = Resource(path: path, dialect: dialect)?.insz,
            let other = records.keys.filter({ $0 != asked }).min()
        else { return uri }
        return uri.replacing(asked, with: other, maxReplacements: 1)
    }
}
