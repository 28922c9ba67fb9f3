import AdminUI
import Mustache

/// The citizen page (demo mode, `GET /demo/citizens/{insz}`), in Dutch, shaped like the
/// wireframes of Bijlage 4. No script: the paid-off debts toggle is a checkbox and CSS.
/// Templates: `Templates/citizen.mustache`, with partials `Templates/part_state.mustache` (what is
/// shown for every part at every OCMW that did not answer), `contact.mustache` (a contact person)
/// and `payment_month.mustache` (one month's payments). Details (contacts of trajectories, the
/// debts one by one, each month's payments) sit behind "Bekijk details" (`<details>`), the
/// wireframe's privacy choice: nothing personal shows at a glance over someone's shoulder.
package enum CitizenPageTemplate {
    /// The name to render the page with from ``library``.
    package static let name = "citizen"

    /// The page and its partial.
    package static let library = TemplateFile.library([
        name: TemplateFile.text(PackageResources.citizen_mustache),
        "part_state": TemplateFile.text(PackageResources.part_state_mustache),
        "contact": TemplateFile.text(PackageResources.contact_mustache),
        "payment_month": TemplateFile.text(PackageResources.payment_month_mustache),
    ])
}
