import Foundation
import CitywideModel

extension HelpLine {
    /// Reads `help: { text, url }` (site.yml, and each language's
    /// `translations:`). `url` is a web address or a `tel:` number, so a
    /// hotline can be one tap away on a phone.
    package static func read(_ fields: inout YAMLMapping) -> HelpLine? {
        guard var help = fields.mapping("help") else { return nil }
        let text = help.string("text", required: true)
        var url = help.string("url")
        if let address = url, !(WebAddress.isValid(address) || isPhoneLink(address)) {
            help.log.error(help.valueLocation("url"), "help url must be a web address starting with https:// or http://, or a phone number as tel:+18883737888, found '\(address)'")
            url = nil
        }
        help.finish("help")
        guard let text = text?.nonEmpty else { return nil }
        return HelpLine(text: text, url: url)
    }

    /// `tel:` and digits, with an optional leading + and - separators (RFC 3966's global numbers).
    static func isPhoneLink(_ url: String) -> Bool {
        url.range(of: "^tel:\\+?[0-9][0-9-]{2,30}$", options: .regularExpression) != nil
    }
}
