/// The citizen page (demo mode, `GET /demo/citizens/{insz}`), in Dutch, shaped like the
/// wireframes of Bijlage 4. No script: the paid-off debts toggle is a checkbox and CSS.
package enum CitizenPageTemplate {
    /// Shown for every part at every OCMW that did not answer.
    private static let partState = """
        {{#state.unavailable}}<p class="unavailable" data-part-status="{{state.status}}">⚠ {{state.message}}</p>{{/state.unavailable}}
        {{#state.notOffered}}<p class="note" data-part-status="notSupported">{{state.message}}</p>{{/state.notOffered}}
        """

    package static let page = """
        <!doctype html>
        <html lang="nl">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Sociale dienst — uw dossier (demo)</title><style>{{{css}}}</style></head>
        <body>
        <main>
        <p class="note">Uw gegevens bij de overheid · Welzijn en zorg · demo van ocmw-proxy voor burger {{insz}}</p>
        <h1>Sociale dienst</h1>
        {{^complete}}<p class="unavailable" id="incomplete" role="status">Niet alle gegevens zijn nu beschikbaar. Wat ontbreekt, staat hieronder per OCMW aangegeven.</p>{{/complete}}
        <section id="overview" aria-labelledby="overview-title"><h2 id="overview-title">Uw OCMW</h2>
        {{#overview}}<p class="overview" data-part-status="{{state.status}}">{{#state.unavailable}}⚠ {{/state.unavailable}}{{text}}</p>{{/overview}}
        {{^hasOCMWs}}<p>U hebt geen lopend dossier bij een OCMW.</p>{{/hasOCMWs}}
        </section>

        <section id="rights" aria-labelledby="rights-title"><h2 id="rights-title">Toegekende rechten</h2>
        {{#rights}}<div class="ocmw" data-ocmw="{{ocmwID}}"><h3>{{ocmwName}}</h3>\(partState)
        {{#state.available}}{{#granted}}<p><strong>{{label}}</strong><br>Periode {{period}}{{#conditional}}*{{/conditional}}{{#hasAmount}}<br>Bedrag {{amount}}{{/hasAmount}}</p>{{/granted}}
        {{#isEmpty}}<p>Geen toegekende rechten.</p>{{/isEmpty}}
        {{#hasConditional}}<p class="note">*Op voorwaarde dat u blijft voldoen aan de toekenningsvoorwaarden.</p>{{/hasConditional}}{{/state.available}}
        </div>{{/rights}}
        </section>

        <section id="trajectories" aria-labelledby="trajectories-title"><h2 id="trajectories-title">Lopende trajecten en contactpersonen</h2>
        {{#trajectories}}<div class="ocmw" data-ocmw="{{ocmwID}}"><h3>{{ocmwName}}</h3>\(partState)
        {{#state.available}}{{#trajectories}}<h4>{{label}} <span class="note">({{period}})</span></h4>
        {{#contacts}}<div class="contact"><p><strong>{{name}}</strong>{{#hasRole}}<br>{{role}}{{/hasRole}}</p>
        <dl class="facts">{{#hasPhone}}<dt>telefoon</dt><dd>{{phone}}</dd>{{/hasPhone}}{{#hasEmail}}<dt>mail</dt><dd><a href="mailto:{{email}}">{{email}}</a></dd>{{/hasEmail}}{{#hasOffice}}<dt>adres</dt><dd>{{#officeLines}}{{.}}<br>{{/officeLines}}</dd>{{/hasOffice}}</dl></div>{{/contacts}}
        {{/trajectories}}{{#isEmpty}}<p>Geen lopende trajecten.</p>{{/isEmpty}}{{/state.available}}
        </div>{{/trajectories}}
        </section>

        <section id="payments" aria-labelledby="payments-title"><h2 id="payments-title">Uitbetalingen</h2>
        {{#payments}}<div class="ocmw" data-ocmw="{{ocmwID}}"><h3>{{ocmwName}}</h3>\(partState)
        {{#state.available}}<p>Betalingen {{months}}</p>
        {{#hasPaidToYou}}<table class="paid-to-you"><caption>Betaald aan u</caption><thead><tr><th scope="col">Steun</th><th scope="col" class="num">Bedrag</th><th scope="col">Periode</th><th scope="col">Datum betaling</th><th scope="col">Betaald via</th></tr></thead>
        <tbody>{{#paidToYou}}<tr><th scope="row">{{label}}</th><td class="num">{{amount}}</td><td>{{period}}</td><td>{{date}}</td><td>{{counterpart}}</td></tr>{{/paidToYou}}</tbody></table>{{/hasPaidToYou}}
        {{#hasPaidForYou}}<table class="paid-for-you"><caption>Betaald voor u</caption><thead><tr><th scope="col">Steun</th><th scope="col" class="num">Bedrag</th><th scope="col">Periode</th><th scope="col">Datum betaling</th><th scope="col">Betaald aan</th></tr></thead>
        <tbody>{{#paidForYou}}<tr><th scope="row">{{label}}</th><td class="num">{{amount}}</td><td>{{period}}</td><td>{{date}}</td><td>{{counterpart}}</td></tr>{{/paidForYou}}</tbody></table>{{/hasPaidForYou}}
        {{#hasNotPaid}}<table class="not-paid"><caption>Niet betaald</caption><thead><tr><th scope="col">Steun</th><th scope="col" class="num">Bedrag</th><th scope="col">Periode</th><th scope="col">Status betaling</th></tr></thead>
        <tbody>{{#notPaid}}<tr><th scope="row">{{label}}</th><td class="num">{{amount}}</td><td>{{period}}</td><td>{{status}}</td></tr>{{/notPaid}}</tbody></table>{{/hasNotPaid}}
        {{#hasUnknownStatus}}<table class="unknown-status"><caption>Status onbekend</caption><thead><tr><th scope="col">Steun</th><th scope="col" class="num">Bedrag</th><th scope="col">Periode</th></tr></thead>
        <tbody>{{#unknownStatus}}<tr><th scope="row">{{label}}</th><td class="num">{{amount}}</td><td>{{period}}</td></tr>{{/unknownStatus}}</tbody></table>{{/hasUnknownStatus}}
        {{#isEmpty}}<p>Geen betalingen in deze periode.</p>{{/isEmpty}}{{/state.available}}
        </div>{{/payments}}
        </section>

        <section id="debts" aria-labelledby="debts-title"><h2 id="debts-title">Schulden bij het OCMW</h2>
        {{#debts}}<div class="ocmw" data-ocmw="{{ocmwID}}"><h3>Schulden bij {{ocmwName}}</h3>\(partState)
        {{#state.available}}<table class="debt-totals"><caption>Openstaande schulden</caption><thead><tr><th scope="col" class="num">Oorspronkelijk schuldbedrag</th><th scope="col" class="num">Openstaand bedrag</th><th scope="col">Referentie</th></tr></thead>
        <tbody><tr><td class="num total-original">{{totalOriginal}}</td><td class="num total-outstanding">{{totalOutstanding}}</td><td>{{reference}}</td></tr></tbody></table>
        {{#hasPaidOff}}<input type="checkbox" class="show-paid" id="show-paid-{{ocmwID}}"> <label for="show-paid-{{ocmwID}}">Toon afbetaalde schulden</label>{{/hasPaidOff}}
        {{^isEmpty}}<table class="debt-items"><caption>Schulden</caption><thead><tr><th scope="col">Omschrijving</th><th scope="col">Periode</th><th scope="col">Beslissing</th><th scope="col" class="num">Oorspronkelijk bedrag</th><th scope="col" class="num">Openstaand saldo</th></tr></thead>
        <tbody>{{#debts}}<tr{{#paidOff}} class="paid-off"{{/paidOff}}><th scope="row">{{description}}{{#paidOff}} (afbetaald){{/paidOff}}</th><td>{{period}}</td><td>{{decision}}</td><td class="num">{{original}}</td><td class="num">{{outstanding}}</td></tr>{{/debts}}</tbody></table>{{/isEmpty}}
        {{#isEmpty}}<p>U hebt geen schulden bij {{ocmwName}}.</p>{{/isEmpty}}{{/state.available}}
        </div>{{/debts}}
        </section>

        <section id="requests" aria-labelledby="requests-title"><h2 id="requests-title">Aanvragen</h2>
        {{#requests}}<div class="ocmw" data-ocmw="{{ocmwID}}"><h3>{{ocmwName}}</h3>\(partState)
        {{#state.available}}{{#requests}}<div class="request"><h4>Aanvraag {{kind}}</h4><p>Dossiernummer {{dossierNumber}} · ingediend op {{submitted}} · <strong>{{status}}</strong>{{#hasDecision}} · beslissing van {{decision}}{{/hasDecision}}</p>
        <ol class="steps" aria-label="Stappen van de aanvraag">{{#steps}}<li class="{{progress}}">{{label}} <span class="sr">({{progressText}})</span></li>{{/steps}}</ol></div>{{/requests}}
        {{#isEmpty}}<p>Geen aanvragen.</p>{{/isEmpty}}{{/state.available}}
        </div>{{/requests}}
        </section>

        <section id="certificates" aria-labelledby="certificates-title"><h2 id="certificates-title">Attesten</h2>
        {{#certificates}}<div class="ocmw" data-ocmw="{{ocmwID}}"><h3>{{ocmwName}}</h3>\(partState)
        {{#state.available}}{{^isEmpty}}<table class="certificates"><caption>Attesten van {{ocmwName}}</caption><thead><tr><th scope="col">Attest</th><th scope="col">Status</th><th scope="col">Aangevraagd op</th><th scope="col">Uitgereikt op</th><th scope="col">Document</th></tr></thead>
        <tbody>{{#certificates}}<tr><th scope="row">{{type}}</th><td>{{status}}</td><td>{{requested}}</td><td>{{issued}}</td><td>{{#hasDownload}}<a href="{{download}}">Download (PDF)</a>{{/hasDownload}}</td></tr>{{/certificates}}</tbody></table>{{/isEmpty}}
        {{#isEmpty}}<p>Geen attesten.</p>{{/isEmpty}}{{/state.available}}
        </div>{{/certificates}}
        </section>
        </main>
        </body>
        </html>
        """
}
