/// The v1 wire structs read from a scanned body (see `WireReadable`), each field in the
/// order its struct declares it.

extension V1Debts.Body: WireReadable {
    init(wire: WireFields) throws {
        rijksregisternummer = try wire.string("rijksregisternummer")
        referentie = try wire.optionalString("referentie")
        contactpersoon = try wire.optional("contactpersoon", V1Trajectories.Contact.self)
        schulden = try wire.array("schulden", of: V1Debts.Item.self)
    }
}

extension V1Debts.Item: WireReadable {
    init(wire: WireFields) throws {
        rijksregisternummer = try wire.optionalString("rijksregisternummer")
        omschrijving = try wire.optionalString("omschrijving")
        periode = try wire.optionalString("periode")
        beslissingsdatum = try wire.optionalString("beslissingsdatum")
        agendapunt = try wire.optionalString("agendapunt")
        oorspronkelijkBedrag = try wire.optionalString("oorspronkelijkBedrag")
        openstaandSaldo = try wire.optionalString("openstaandSaldo")
    }
}

extension V1Dossiers.Body: WireReadable {
    init(wire: WireFields) throws {
        rijksregisternummer = try wire.string("rijksregisternummer")
        dossiers = try wire.array("dossiers", of: V1Dossiers.Item.self)
    }
}

extension V1Dossiers.Item: WireReadable {
    init(wire: WireFields) throws {
        rijksregisternummer = try wire.optionalString("rijksregisternummer")
        hoedanigheid = try wire.optionalString("hoedanigheid")
        vanaf = try wire.optionalString("vanaf")
        tot = try wire.optionalString("tot")
    }
}

extension V1Payments.Body: WireReadable {
    init(wire: WireFields) throws {
        rijksregisternummer = try wire.string("rijksregisternummer")
        betalingen = try wire.array("betalingen", of: V1Payments.Item.self)
    }
}

extension V1Payments.Item: WireReadable {
    init(wire: WireFields) throws {
        rijksregisternummer = try wire.optionalString("rijksregisternummer")
        steun = try wire.optionalString("steun")
        bedrag = try wire.optionalString("bedrag")
        periode = try wire.optionalString("periode")
        betaaldatum = try wire.optionalString("betaaldatum")
        betaalcode = try wire.optionalString("betaalcode")
        betaalstatus = try wire.optionalString("betaalstatus")
        automatisch = try wire.optionalString("automatisch")
        betaaldAan = try wire.optionalString("betaaldAan")
        betaaldVia = try wire.optionalString("betaaldVia")
    }
}

extension V1Requests.Body: WireReadable {
    init(wire: WireFields) throws {
        rijksregisternummer = try wire.string("rijksregisternummer")
        aanvragen = try wire.array("aanvragen", of: V1Requests.Item.self)
    }
}

extension V1Requests.Item: WireReadable {
    init(wire: WireFields) throws {
        rijksregisternummer = try wire.optionalString("rijksregisternummer")
        dossiernummer = try wire.optionalString("dossiernummer")
        soortCode = try wire.optionalString("soortCode")
        soort = try wire.optionalString("soort")
        indieningsdatum = try wire.optionalString("indieningsdatum")
        status = try wire.optionalString("status")
        beslissingsdatum = try wire.optionalString("beslissingsdatum")
        beslissingVerwacht = try wire.optionalString("beslissingVerwacht")
        dossierbeheerder = try wire.optional("dossierbeheerder", V1Trajectories.Contact.self)
    }
}

extension V1Rights.Body: WireReadable {
    init(wire: WireFields) throws {
        rijksregisternummer = try wire.string("rijksregisternummer")
        rechten = try wire.array("rechten", of: V1Rights.Item.self)
    }
}

extension V1Rights.Item: WireReadable {
    init(wire: WireFields) throws {
        rijksregisternummer = try wire.optionalString("rijksregisternummer")
        code = try wire.optionalString("code")
        omschrijving = try wire.optionalString("omschrijving")
        beslissing = try wire.optionalString("beslissing")
        vanaf = try wire.optionalString("vanaf")
        tot = try wire.optionalString("tot")
        maandbedrag = try wire.optionalString("maandbedrag")
        voorwaardelijk = try wire.optionalString("voorwaardelijk")
    }
}

extension V1Trajectories.Body: WireReadable {
    init(wire: WireFields) throws {
        rijksregisternummer = try wire.string("rijksregisternummer")
        trajecten = try wire.array("trajecten", of: V1Trajectories.Item.self)
    }
}

extension V1Trajectories.Item: WireReadable {
    init(wire: WireFields) throws {
        rijksregisternummer = try wire.optionalString("rijksregisternummer")
        code = try wire.optionalString("code")
        omschrijving = try wire.optionalString("omschrijving")
        vanaf = try wire.optionalString("vanaf")
        tot = try wire.optionalString("tot")
        contactpersonen = try wire.optionalArray("contactpersonen", of: V1Trajectories.Contact.self)
    }
}

extension V1Trajectories.Contact: WireReadable {
    init(wire: WireFields) throws {
        naam = try wire.optionalString("naam")
        functie = try wire.optionalString("functie")
        telefoon = try wire.optionalString("telefoon")
        email = try wire.optionalString("email")
        kantoor = try wire.optionalString("kantoor")
        straatEnNummer = try wire.optionalString("straatEnNummer")
        postcode = try wire.optionalString("postcode")
        gemeente = try wire.optionalString("gemeente")
    }
}
