import CitywideModel

/// One page of the plan: where it goes, known before it is built, and how to
/// build it. The sitemap is the plan's paths, so a page cannot be built
/// without being listed, or listed without being built.
package struct PlannedPage {
    package let path: String
    package let make: () -> Page

    package init(_ path: String, _ make: @escaping () -> Page) {
        self.path = path
        self.make = make
    }
}
