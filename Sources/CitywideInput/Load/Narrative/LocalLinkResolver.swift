import Foundation
import CitywideModel

/// Works out where a narrative's relative URL leads, as GitHub reads it:
/// relative to the blueprint's file. Only other blueprints and image files
/// of the site are published; anything else, a missing file, a path out of
/// the site folder or into `Data/` (the raw counts) is refused with a reason.
package struct LocalLinkResolver {
    /// The site folder, standardized.
    package let folder: URL
    /// "Blueprints/atlanta.md"
    package let blueprintPath: String
    /// Site paths of regular files the loader has just listed, with no
    /// symbolic link on the way (every blueprint, the images beside them):
    /// a link to one is answered without asking the file system again. A
    /// narrative of 10,000 linking to its neighbour made three `stat` calls
    /// for each.
    package var listedFiles: Set<String> = []

    package static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif"]
    package static let imageExtensionList = "png, jpg, jpeg, gif, svg, webp or avif"

    package enum Outcome: Equatable {
        /// A web address, an in-page `#anchor`, an absolute path: left as written.
        case notLocal
        case link(LocalLink)
        case refused(String)
    }

    package func resolve(_ url: String, isImage: Bool) -> Outcome {
        guard Self.isLocal(url) else { return .notLocal }
        var rest = Substring(url)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...]).nonEmpty
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        // Without a '%' there is nothing to decode (and Foundation's decoding is slow).
        let written = rest.utf8.contains(UInt8(ascii: "%")) ? String(rest).removingPercentEncoding ?? String(rest) : String(rest)
        guard !written.isEmpty else { return .notLocal }

        var parts = blueprintPath.split(separator: "/").dropLast().map(String.init)
        for part in written.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return .refused("'\(url)' leads out of the site folder; only files of the site are published") }
                parts.removeLast()
            default:
                guard !part.hasPrefix(".") else { return .refused("'\(url)' names a hidden file or folder, which is never published") }
                parts.append(String(part))
            }
        }
        guard let name = parts.last else { return .refused("'\(url)' is the site folder, not a file") }
        let sitePath = parts.joined(separator: "/")
        if parts.first == "Data" {
            return .refused("'\(url)' is in Data/, the raw counts, which are never published")
        }
        let ext = Self.pathExtension(name)
        if isImage, !Self.imageExtensions.contains(ext) {
            return .refused("'\(url)' is not an image: an image is a \(Self.imageExtensionList) file")
        }

        if !listedFiles.contains(sitePath), let refusal = refusal(url, sitePath: sitePath, parts: parts) {
            return .refused(refusal)
        }

        if Self.imageExtensions.contains(ext) { return .link(.media(sitePath: sitePath)) }
        if ext == "md" {
            let stem = name.dropLast(3).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, parts[0] == "Blueprints", stem.count <= 2, Identifier.isValid(stem[0]) else {
                return .refused("'\(url)' is a Markdown file but not a blueprint (Blueprints/<city-slug>.md), so it is not published")
            }
            return .link(.city(slug: stem[0], language: stem.count == 2 ? stem[1] : nil, fragment: fragment))
        }
        return .refused("'\(url)' is not published: a narrative links to other blueprints (.md) and shows images (\(Self.imageExtensionList)); put other documents on the web and link to their address")
    }

    /// `NSString.pathExtension`, lowercased: for an ASCII name, read from its
    /// bytes (the same answer, without bridging to NSString for each link).
    static func pathExtension(_ name: String) -> String {
        var name = name
        let ascii = name.withUTF8 { bytes -> String? in
            guard UTF8Bytes.isASCII(bytes, 0..<bytes.count) else { return nil }
            guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > 0 else { return "" }
            return String(decoding: bytes[(dot + 1)...], as: UTF8.self).lowercased()
        }
        return ascii ?? (name as NSString).pathExtension.lowercased()
    }

    /// Why the file at `sitePath` cannot be published, asking the file
    /// system: missing, a folder, or outside the site through a link. Nil
    /// when it can.
    private func refusal(_ url: String, sitePath: String, parts: [String]) -> String? {
        // Plain paths and stat: URL's path handling was most of the time a link took.
        let root = folder.path
        var info = stat()
        guard stat(root + "/" + sitePath, &info) == 0 else {
            return "'\(url)' not found: there is no file \(sitePath)"
        }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { return "'\(url)' is a folder, not a file" }
        // A symbolic link could pull in any file of the machine. With no link
        // on the way down from the site folder the file is inside it; only
        // then are links resolved to see where they lead.
        if Self.hasLink(below: root, parts) {
            let siteRoot = folder.resolvingSymlinksInPath().path + "/"
            guard folder.appendingPathComponent(sitePath).resolvingSymlinksInPath().path.hasPrefix(siteRoot) else {
                return "'\(url)' leads out of the site folder through a symbolic link; only files of the site are published"
            }
        }
        return nil
    }

    /// Whether any of `root/parts[0]`, `root/parts[0]/parts[1]`, ... is a
    /// symbolic link (or cannot be looked at: then the full check decides).
    private static func hasLink(below root: String, _ parts: [String]) -> Bool {
        var path = root
        var info = stat()
        for part in parts {
            path += "/" + part
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK else { return true }
        }
        return false
    }

    /// Not a web address (`https:`, `mailto:`, `//host`), an in-page
    /// `#anchor` or an absolute path.
    package static func isLocal(_ url: String) -> Bool {
        // In ASCII every byte is a Character but "\r\n", which is neither
        // one of the first characters refused nor a scheme's: the same
        // answer from the bytes, without Character's properties.
        if let answer = UTF8Bytes.withBytes(of: url, { isLocalASCII($0) }) { return answer }
        guard let first = url.first, first != "#", first != "/", first != "\\" else { return false }
        // A scheme: a letter, then letters, digits, + - . up to a colon.
        if let colon = url.firstIndex(of: ":") {
            let scheme = url[..<colon]
            if let initial = scheme.first, initial.isASCII, initial.isLetter,
               scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) {
                return false
            }
        }
        return true
    }

    /// `isLocal` for ASCII text; nil for any other.
    private static func isLocalASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard UTF8Bytes.isASCII(bytes, 0..<bytes.count) else { return nil }
        guard let first = bytes.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "/"), first != UInt8(ascii: "\\") else { return false }
        guard let colon = UTF8Bytes.firstIndex(of: UInt8(ascii: ":"), in: bytes, 0..<bytes.count), colon > 0 else { return true }
        func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }
        guard isLetter(bytes[0]) else { return true }
        for byte in bytes[0..<colon] {
            let allowed = isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            if !allowed { return true }
        }
        return false
    }
}
