/// The script `serve` puts before `</body>` of every page it serves (never
/// `build`). Pages work without it; with it, a page
///
/// * reloads itself when a newer good build is announced, and
/// * shows the problems of a failed build in an overlay (the page underneath
///   stays the last good build) and takes it away once they are fixed.
///
/// It asks `/_citywide/status` once, then long-polls `/_citywide/events`,
/// which answers as soon as a build finishes (or after 25 s with no news).
/// Diagnostics are set as `textContent`, never as HTML, so a message that
/// quotes `<script>` from a broken file shows as text.
enum LiveReloadScript {
    /// Stands in the script for the build version until a page is served.
    static let versionPlaceholder = "/*citywide-build-version*/0"

    /// With `version` nil, the script carries `versionPlaceholder`, which the
    /// server replaces with the build the page belongs to when it serves it.
    static func html(version: Int?) -> String {
        """
        <script id="citywide-live-reload">
        (function () {
          "use strict";
          var version = \(version.map(String.init) ?? versionPlaceholder), attempt = -1, dismissed = -1, box = null;
          function hide() { if (box) { box.parentNode.removeChild(box); box = null; } }
          function el(name, text) { var e = document.createElement(name); if (text) { e.textContent = text; } return e; }
          function show(s) {
            hide();
            box = el("aside");
            box.id = "citywide-serve-errors";
            box.setAttribute("aria-label", "Build problems");
            box.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:60vh;overflow:auto;" +
              "margin:0;padding:1rem 1.25rem;background:#fff;color:#1a1a1a;border-top:6px solid #b00020;" +
              "box-shadow:0 -2px 12px rgba(0,0,0,.3);font:1rem/1.5 system-ui,sans-serif;text-align:left";
            var alert = el("div");
            alert.setAttribute("role", "alert");
            var n = s.errors;
            var title = el("p", "The site has " + n + (n === 1 ? " error" : " errors") + ". You are looking at the last good build; save a fix and this page updates by itself.");
            title.style.cssText = "margin:0 0 .5rem;font-weight:700;color:#1a1a1a";
            alert.appendChild(title);
            var list = el("ul");
            list.style.cssText = "margin:0 0 .75rem;padding-left:1.25rem";
            // A problem repeated on many rows is one item, as in the terminal.
            // A site with hundreds of problems: the first 100 here, all in the terminal.
            s.groups.slice(0, 100).forEach(function (d) {
              var item = el("li");
              var code = el("code", d.text);
              code.style.cssText = "white-space:pre-wrap;overflow-wrap:anywhere;font:.95rem/1.4 ui-monospace,monospace;color:" + (d.severity === "error" ? "#8a0019" : "#1a1a1a");
              item.appendChild(code);
              list.appendChild(item);
            });
            alert.appendChild(list);
            if (s.groups.length > 100) {
              alert.appendChild(el("p", "… and " + (s.groups.length - 100) + " more; the terminal running citywide serve lists them all."));
            }
            box.appendChild(alert);
            var button = el("button", "Dismiss");
            button.type = "button";
            button.style.cssText = "font:inherit;padding:.25rem .75rem;color:#fff;background:#1a1a1a;border:2px solid #1a1a1a;border-radius:4px;cursor:pointer";
            button.addEventListener("click", function () { dismissed = attempt; hide(); });
            box.appendChild(button);
            box.addEventListener("keydown", function (e) { if (e.key === "Escape") { dismissed = attempt; hide(); } });
            var print = el("style", "@media print { #citywide-serve-errors { display: none !important; } }");
            box.appendChild(print);
            document.body.appendChild(box);
          }
          function update(s) {
            if (s.version !== version) { swap(s); return false; }
            attempt = s.attempt;
            if (s.ok || dismissed === s.attempt) { hide(); } else { show(s); }
            return true;
          }
          // A new build: fetch this page again and put its body in place of
          // the old one. Faster than a reload (no stylesheet, no layout from
          // scratch) and the reader keeps their place on the page. Scripts in
          // the new body stay inert; this one keeps running.
          function swap(s) {
            var x = window.scrollX, y = window.scrollY;
            fetch(location.href, { cache: "no-store" })
              .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
              .then(function (text) {
                var page = new DOMParser().parseFromString(text, "text/html");
                box = null;
                document.title = page.title;
                document.body.innerHTML = page.body.innerHTML;
                window.scrollTo(x, y);
                version = s.version;
                update(s);
                poll(0);
              }, function () { location.reload(); });
          }
          function ask(url, then) {
            fetch(url, { cache: "no-store" })
              .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
              .then(function (s) { if (update(s)) { then(0); } }, function () { then(1000); });
          }
          function poll(delay) {
            setTimeout(function () { ask("/_citywide/events?version=" + version + "&attempt=" + attempt, poll); }, delay);
          }
          ask("/_citywide/status", poll);
        })();
        </script>

        """
    }
}
