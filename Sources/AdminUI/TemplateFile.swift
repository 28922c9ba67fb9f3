import Mustache

/// The pages' templates, style sheet and script are files in a module's `Templates/` directory,
/// compiled into the module (SwiftPM's `embedInCode`): a deployed binary carries its pages and
/// needs no resource directory beside it.
package enum TemplateFile {
    /// The file's text without the one final newline editors add, so a page renders exactly the
    /// template and a script's CSP hash covers exactly what is sent.
    package static func text(_ bytes: [UInt8]) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// A library of templates by name, for pages made of a page template and its partials.
    /// The templates are files of the module that asks: a parse error is a programming error that
    /// every test of the page shows, so it stops the process with the template's name.
    package static func library(_ templates: KeyValuePairs<String, String>) -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in templates {
            do {
                try library.register(text, named: name)
            } catch {
                fatalError("template \(name) does not parse: \(error)")
            }
        }
        return library
    }
}
