/// The admin sign-in form (`GET /admin/login`): the admin token, once, for a session cookie.
package enum LoginPageTemplate {
    package struct View {
        package let message: String
        package let hasMessage: Bool
        package let css = PageStyle.css

        package init(message: String? = nil) {
            self.message = message ?? ""
            hasMessage = message != nil
        }
    }

    package static let page = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Sign in — ocmw-proxy status</title><style>{{{css}}}</style></head>
        <body>
        <main>
        <h1>ocmw-proxy status: sign in</h1>
        {{#hasMessage}}<p class="unavailable" role="alert">{{message}}</p>{{/hasMessage}}
        <form method="post" action="/admin/login">
        <p><label for="token">Admin token</label><br>
        <input id="token" name="token" type="password" autocomplete="current-password" required size="48"></p>
        <p><button type="submit">Sign in</button></p>
        </form>
        <p class="note">The token is the admin credential of this proxy (<code>OCMW_ADMIN_TOKEN</code> or
        <code>--admin-token-file</code>; in the demo <code>data/demo/dev-admin-token</code>). The session lasts 8 hours.</p>
        </main>
        </body>
        </html>
        """
}
