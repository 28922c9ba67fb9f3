/// Word lists for synthetic Flemish citizens and their dossiers.
enum Names {
    static let first = [
        "Jan", "Pieter", "Luc", "Marc", "Dirk", "Koen", "Bart", "Tom", "Wim", "Geert", "Jens", "Thomas", "Lars",
        "Arne", "Wout", "Stijn", "Sander", "Noah", "Lucas", "Liam", "Mohamed", "Yusuf", "Maria", "An", "Els",
        "Katrien", "Sofie", "Sarah", "Lotte", "Emma", "Marie", "Hanne", "Lien", "Nele", "Ine", "Femke", "Fatima",
        "Louise", "Julie", "Elise", "Ann", "Griet", "Hilde", "Rita", "Godelieve", "Jozef", "Frans", "Roger",
    ]
    static let last = [
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet",
        "Dubois", "Hermans", "Aerts", "Michiels", "Van den Broeck", "Vermeulen", "De Clercq", "Pauwels",
        "Van de Velde", "Verstraete", "Declercq", "Desmet", "De Wilde", "Coppens", "Lambrechts", "Martens",
        "Vandenberghe", "De Backer", "Verhoeven", "Van Damme", "Segers", "Smets", "Claeys", "Stevens", "Vervoort",
        "De Meyer", "Vanhoutte", "Bogaert", "Cools", "Vandamme", "Van Acker", "Maenhout", "El Amrani", "Yilmaz",
    ]
    static let debts = [
        "Leefloon", "Huurwaarborg", "Verhuur", "Prothese", "Karwei", "Energiefactuur", "Maaltijden",
        "Voorschot", "Speelpleinwerking", "Thuiszorg", "Ziekenhuisfactuur", "Verplooiingsvergoeding",
        "Aanvullende financiële hulp", "Stookoliepremie", "Kinderopvang",
    ]
    /// Deductions paid to third parties: label, possible payees (none: the OCMW itself), probability per month.
    static let deductions: [(String, [String], Double)] = [
        ("inhouding energiekosten", ["Engie", "Luminus", "TotalEnergies", "Fluvius", "Eneco"], 0.3),
        ("inhouding huishuur", ["Sociaal Verhuurkantoor", "Woonhaven", "De Ark", "Volkshaard"], 0.2),
        ("inhouding schuld OCMW", [], 0.15),
        ("medische kosten", ["AZ Jan Palfijn", "UZ Gent", "AZ Sint-Jan", "Imelda", "UZ Leuven"], 0.1),
    ]
}
