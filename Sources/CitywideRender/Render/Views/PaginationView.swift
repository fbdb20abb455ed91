import CitywideModel

/// The `pagination` partial: links between the pages of one list. Every
/// page is a link by number, but with many pages only the first, the last
/// and the two either side of this one are shown, with a gap between.
package struct PaginationView {
    package struct Link {
        let label: String
        let href: String
    }

    package struct Item {
        let number: Int
        let href: String
        /// This page: shown with `aria-current="page"`.
        let current: Bool
        /// Stands for the pages left out between two shown.
        let gap: Bool
    }

    let label: String
    let previous: OrNo<Link>
    let next: OrNo<Link>
    let pages: [Item]

    /// Pagination for page `current` of `count`, `href(n)` the link to page n;
    /// nil when there is only one page.
    static func make(current: Int, count: Int, t: Translation, href: (Int) -> String) -> PaginationView? {
        guard count > 1 else { return nil }
        let shown = (1...count).filter { $0 == 1 || $0 == count || abs($0 - current) <= 2 }
        var items: [Item] = []
        for n in shown {
            if let last = items.last, n > last.number + 1 {
                items.append(Item(number: last.number + 1, href: "", current: false, gap: true))
            }
            items.append(Item(number: n, href: href(n), current: n == current, gap: false))
        }
        return PaginationView(
            label: t("pagination_label"),
            previous: OrNo(current > 1 ? Link(label: t("pagination_previous"), href: href(current - 1)) : nil),
            next: OrNo(current < count ? Link(label: t("pagination_next"), href: href(current + 1)) : nil),
            pages: items
        )
    }
}
