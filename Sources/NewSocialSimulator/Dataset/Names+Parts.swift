/// Word lists for the synthetic rights, trajectories, requests and certificates. Codes and
/// labels match the catalogue of tenants.json.
extension Names {
    /// Categories of help ("codetabel"): code and label.
    static let categories: [String: String] = [
        "LL": "Leefloon", "AFH": "Aanvullende financiële hulp", "BB": "Budgetbegeleiding", "SB": "Schuldbemiddeling",
        "HV": "Hulp bij huisvesting", "MK": "Medische kosten", "AH": "Administratieve hulp",
    ]

    /// The codes a request for help may carry: the code table and `andere`, the category every
    /// OCMW takes for a need its table does not name (described in the request's text).
    static let submittableCategories: Set<String> = Set(categories.keys).union(["andere"])

    /// The right a dossier capacity rests on: code, label, whether it has a monthly amount,
    /// whether it is conditional.
    static let rightOfCapacity: [String: (String, String, Bool, Bool)] = [
        "LL": ("LL", "Leefloon", false, true),
        "AFH": ("AFH", "Aanvullende financiële hulp", true, true),
        "BB": ("BB", "Budgetbeheer", false, false),
        "SB": ("SB", "Schuldbemiddeling", false, false),
        "HV": ("HV", "Huurtoelage", true, true),
        "MK": ("MK", "Medische kaart", false, true),
        "AH": ("AH", "Administratieve ondersteuning", false, false),
    ]

    /// Other decisions a citizen may get, of any outcome.
    static let otherRights: [(String, String)] = [
        ("SP", "Stookoliepremie"), ("IP", "Installatiepremie"), ("AFH", "Aanvullende financiële hulp"),
        ("MK", "Tussenkomst medische kosten"), ("HW", "Huurwaarborg"),
    ]

    /// The trajectory a dossier capacity comes with: label and the role of its contact person.
    static let trajectoryOfCapacity: [String: (String, String)] = [
        "LL": ("Leefloon en budgetbeheer", "maatschappelijk werker"),
        "AFH": ("Financiële hulp", "maatschappelijk werker"),
        "BB": ("Budgetbegeleiding", "budgetbegeleider"),
        "SB": ("Schuldbemiddeling", "dossierbeheerder schulden"),
        "HV": ("Woonbegeleiding", "woonbegeleider"),
        "MK": ("Medische kosten", "maatschappelijk werker"),
        "AH": ("Administratieve hulp", "administratief medewerker"),
    ]

    /// Trajectories besides the dossier's own: code, label, role.
    static let extraTrajectories: [(String, String, String, Double)] = [
        ("ACT", "Activering", "activeringsbegeleider", 0.3),
        ("PSY", "Psychologische begeleiding", "psycholoog", 0.15),
        ("WB", "Woonbegeleiding", "woonbegeleider", 0.1),
    ]

    /// Certificate types: code and label.
    static let certificateTypes: [(String, String)] = [
        ("ATT-LL", "Attest leefloon"), ("ATT-STEUN", "Attest ontvangen steun"), ("ATT-GEEN", "Attest geen steun"),
    ]

    static let streets = [
        "Stationsstraat", "Kerkstraat", "Dorpsstraat", "Marktplein", "Nieuwstraat", "Molenstraat", "Schoolstraat",
        "Kapelstraat", "Stadhuisplein", "Sint-Jansstraat", "Leopoldlaan", "Brugstraat",
    ]

    /// Postal codes of the tenants of tenants.json; other tenants get a synthetic one.
    static let postalCodes: [String: String] = [
        "gent": "9000", "bonheiden": "2820", "leuven": "3000", "brugge": "8000", "mechelen": "2800", "oostende": "8400",
    ]
}
