import Crypto
import Foundation

/// What every page shares: its style sheet and the Content-Security-Policy that allows only the
/// page's own inline style and script (by hash), nothing from elsewhere.
package enum PageStyle {
    /// Dark text on light backgrounds (contrast well above 4.5:1); states are words with a
    /// symbol, the colours only repeat them. Style sheet: `Templates/page.css`.
    package static let css = TemplateFile.text(PackageResources.page_css)

    /// The policy for a page with this inline script (or none).
    package static func contentSecurityPolicy(script: String? = nil) -> String {
        var policy =
            "default-src 'none'; style-src '\(hash(css))'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'"
        if let script { policy += "; script-src '\(hash(script))'; connect-src 'self'" }
        return policy
    }

    private static func hash(_ text: String) -> String {
        "sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
    }
}
