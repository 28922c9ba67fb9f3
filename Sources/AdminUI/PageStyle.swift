import Crypto
import Foundation

/// What every page shares: its style sheet and the Content-Security-Policy that allows only the
/// page's own inline style and script (by hash), nothing from elsewhere.
package enum PageStyle {
    /// Dark text on light backgrounds (contrast well above 4.5:1); states are words with a
    /// symbol, the colours only repeat them.
    package static let css = """
        body{font:15px/1.45 system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:0 1.5rem 2rem}
        h1{font-size:1.5rem;margin:1rem 0 .5rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}h3{font-size:1.05rem;margin:1rem 0 .4rem}
        table{border-collapse:collapse;margin:.5rem 0}caption{text-align:left;font-weight:600;padding:.3rem 0}
        th,td{border-bottom:1px solid #c8c8c8;padding:.25rem .5rem;text-align:left;vertical-align:top}
        thead th{background:#eef1f5}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td.num{white-space:nowrap}
        th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:#0b3d91}
        .badge{display:inline-block;padding:0 .4rem;border-radius:.3rem;border:1px solid #777;white-space:nowrap}
        .health-sick,.part-failed{background:#fde2e1;border-color:#a4161a}.health-degraded{background:#fff3cd;border-color:#8a6d00}
        .health-healthy{background:#e3f4e6;border-color:#1b6e2a}.state-suspended{background:#eee}
        .id{color:#555;font-size:.85em}.note{color:#444}.controls{display:flex;gap:.75rem;align-items:center;flex-wrap:wrap}
        .unavailable{border-left:4px solid #a4161a;background:#fdf0ef;padding:.4rem .7rem;margin:.4rem 0}
        .paid-off{display:none}.show-paid:checked ~ table .paid-off{display:table-row}
        ol.steps{display:flex;gap:1rem;list-style:none;padding:0;flex-wrap:wrap}ol.steps li{border:1px solid #777;border-radius:.3rem;padding:0 .4rem}
        ol.steps .current{font-weight:700;border-width:2px}ol.steps .todo{color:#555;border-style:dashed}
        a{color:#0b3d91}dl.facts{display:grid;grid-template-columns:max-content auto;gap:.15rem 1rem}dl.facts dt{font-weight:600}
        .sr{position:absolute;left:-9999px}
        """

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
