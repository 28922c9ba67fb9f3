/// The status page (`GET /admin`): a summary and one sortable, filterable row per tenant.
/// Rendered on the server; the script only sorts, filters and swaps in a fresh copy of the
/// page every few seconds, keeping the operator's sort, filter and open details.
/// Template: `Templates/status.mustache`; script: `Templates/status.js`.
package enum StatusPageTemplate {
    package static let page = TemplateFile.text(PackageResources.status_mustache)

    /// Sorting, filtering and the refresh, inlined by the page; its CSP allows exactly this
    /// script by its hash.
    package static let script = TemplateFile.text(PackageResources.status_js)
}
