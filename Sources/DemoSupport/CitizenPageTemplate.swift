import AdminUI
import Mustache

/// The citizen page (demo mode, `GET /demo/citizens/{insz}`), in Dutch, shaped like the
/// wireframes of Bijlage 4. No script: the paid-off debts toggle is a checkbox and CSS.
/// Templates: `Templates/citizen.mustache`, with `Templates/part_state.mustache` (what is shown
/// for every part at every OCMW that did not answer) as a partial.
package enum CitizenPageTemplate {
    /// The name to render the page with from ``library``.
    package static let name = "citizen"

    /// The page and its partial.
    package static let library = TemplateFile.library([
        name: TemplateFile.text(PackageResources.citizen_mustache),
        "part_state": TemplateFile.text(PackageResources.part_state_mustache),
    ])
}
