/// The v2 wire structs read from a scanned body (see `WireReadable`), each field in the
/// order its struct declares it.

extension V2Certificates.Body: WireReadable {
    init(wire: WireFields) throws {
        insz = try wire.string("insz")
        certificates = try wire.array("certificates", of: V2Certificates.Item.self)
    }
}

extension V2Certificates.Item: WireReadable {
    init(wire: WireFields) throws {
        insz = try wire.optionalString("insz")
        id = try wire.optionalString("id")
        typeCode = try wire.optionalString("typeCode")
        typeLabel = try wire.optionalString("typeLabel")
        status = try wire.optionalString("status")
        requestedDate = try wire.optionalString("requestedDate")
        issuedDate = try wire.optionalString("issuedDate")
    }
}

extension V2Debts.Body: WireReadable {
    init(wire: WireFields) throws {
        insz = try wire.string("insz")
        reference = try wire.optionalString("reference")
        contact = try wire.optional("contact", V2Trajectories.Contact.self)
        debts = try wire.array("debts", of: V2Debts.Item.self)
    }
}

extension V2Debts.Item: WireReadable {
    init(wire: WireFields) throws {
        insz = try wire.optionalString("insz")
        description = try wire.optionalString("description")
        periodStart = try wire.optionalString("periodStart")
        periodEnd = try wire.optionalString("periodEnd")
        decisionDate = try wire.optionalString("decisionDate")
        decisionPoint = try wire.optionalString("decisionPoint")
        originalCents = try wire.optionalInteger("originalCents")
        outstandingCents = try wire.optionalInteger("outstandingCents")
    }
}

extension V2Dossiers.Body: WireReadable {
    init(wire: WireFields) throws {
        insz = try wire.string("insz")
        dossiers = try wire.array("dossiers", of: V2Dossiers.Item.self)
    }
}

extension V2Dossiers.Item: WireReadable {
    init(wire: WireFields) throws {
        insz = try wire.optionalString("insz")
        capacity = try wire.optionalString("capacity")
        since = try wire.optionalString("since")
        until = try wire.optionalString("until")
    }
}

extension V2Payments.Body: WireReadable {
    init(wire: WireFields) throws {
        insz = try wire.string("insz")
        payments = try wire.array("payments", of: V2Payments.Item.self)
    }
}

extension V2Payments.Item: WireReadable {
    init(wire: WireFields) throws {
        insz = try wire.optionalString("insz")
        label = try wire.optionalString("label")
        amountCents = try wire.optionalInteger("amountCents")
        periodStart = try wire.optionalString("periodStart")
        periodEnd = try wire.optionalString("periodEnd")
        paymentDate = try wire.optionalString("paymentDate")
        statusCode = try wire.optionalInteger("statusCode")
        status = try wire.optionalInteger("status")
        automatic = try wire.optionalBool("automatic")
        paidTo = try wire.optionalString("paidTo")
        paidVia = try wire.optionalString("paidVia")
    }
}

extension V2Requests.Body: WireReadable {
    init(wire: WireFields) throws {
        insz = try wire.string("insz")
        requests = try wire.array("requests", of: V2Requests.Item.self)
    }
}

extension V2Requests.Item: WireReadable {
    init(wire: WireFields) throws {
        insz = try wire.optionalString("insz")
        dossierNumber = try wire.optionalString("dossierNumber")
        kindCode = try wire.optionalString("kindCode")
        kindLabel = try wire.optionalString("kindLabel")
        submittedDate = try wire.optionalString("submittedDate")
        status = try wire.optionalString("status")
        decisionDate = try wire.optionalString("decisionDate")
        decisionExpected = try wire.optionalBool("decisionExpected")
        caseWorker = try wire.optional("caseWorker", V2Trajectories.Contact.self)
    }
}

extension V2Rights.Body: WireReadable {
    init(wire: WireFields) throws {
        insz = try wire.string("insz")
        rights = try wire.array("rights", of: V2Rights.Item.self)
    }
}

extension V2Rights.Item: WireReadable {
    init(wire: WireFields) throws {
        insz = try wire.optionalString("insz")
        code = try wire.optionalString("code")
        label = try wire.optionalString("label")
        decisionStatus = try wire.optionalString("decisionStatus")
        since = try wire.optionalString("since")
        until = try wire.optionalString("until")
        monthlyAmountCents = try wire.optionalInteger("monthlyAmountCents")
        conditional = try wire.optionalBool("conditional")
    }
}

extension V2Trajectories.Body: WireReadable {
    init(wire: WireFields) throws {
        insz = try wire.string("insz")
        trajectories = try wire.array("trajectories", of: V2Trajectories.Item.self)
    }
}

extension V2Trajectories.Item: WireReadable {
    init(wire: WireFields) throws {
        insz = try wire.optionalString("insz")
        code = try wire.optionalString("code")
        label = try wire.optionalString("label")
        since = try wire.optionalString("since")
        until = try wire.optionalString("until")
        contacts = try wire.optionalArray("contacts", of: V2Trajectories.Contact.self)
    }
}

extension V2Trajectories.Contact: WireReadable {
    init(wire: WireFields) throws {
        name = try wire.optionalString("name")
        role = try wire.optionalString("role")
        phone = try wire.optionalString("phone")
        email = try wire.optionalString("email")
        office = try wire.optional("office", V2Trajectories.Office.self)
    }
}

extension V2Trajectories.Office: WireReadable {
    init(wire: WireFields) throws {
        name = try wire.optionalString("name")
        streetAndNumber = try wire.optionalString("streetAndNumber")
        postalCode = try wire.optionalString("postalCode")
        municipality = try wire.optionalString("municipality")
    }
}
