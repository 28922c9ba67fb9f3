/// The admin sign-in form (`GET /admin/login`): the admin token, once, for a session cookie.
/// Template: `Templates/login.mustache`.
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

    package static let page = TemplateFile.text(PackageResources.login_mustache)
}
