//! The webview stays on the app's own pages. Every navigation elsewhere (a
//! link in an article, a script that sets `location`, a form, a redirect) is
//! cancelled before it starts, so links open nowhere and no remote page is
//! ever loaded. The Content-Security-Policy in `tauri.conf.json` is the other
//! half: it keeps a page from fetching or embedding anything remote.

use tauri::plugin::TauriPlugin;
use tauri::{Manager, Runtime, Url};

/// A plugin that cancels navigation to anything but [`is_app_page`].
pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(|webview, url| {
            let config = webview.app_handle().config();
            let dev_url = if tauri::is_dev() { config.build.dev_url.as_ref() } else { None };
            let allowed = is_app_page(url, dev_url);
            if !allowed {
                eprintln!("lagebild-app: refused to leave the app for {url}");
            }
            allowed
        })
        .build()
}

/// Whether `url` is one of the app's own pages: the bundled UI (served as
/// `tauri://localhost`, or `http(s)://tauri.localhost` on Windows), an empty
/// page, or, in a development build, the UI's dev server.
pub fn is_app_page(url: &Url, dev_url: Option<&Url>) -> bool {
    match (url.scheme(), url.host_str()) {
        ("tauri", Some("localhost")) | ("http" | "https", Some("tauri.localhost")) => true,
        ("about", None) => url.path() == "blank",
        _ => dev_url.is_some_and(|dev| dev.origin() == url.origin()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn only_the_apps_own_pages_are_allowed() {
        let dev = url("http://127.0.0.1:1420");
        for page in
            ["tauri://localhost/", "tauri://localhost/index.html#x", "http://tauri.localhost/", "about:blank"]
        {
            assert!(is_app_page(&url(page), None), "{page}");
        }
        assert!(is_app_page(&url("http://127.0.0.1:1420/src/main.ts"), Some(&dev)));
        for page in [
            "https://example.org/",
            "http://127.0.0.1:1420/",
            "http://localhost/",
            "tauri://evil.example/",
            "https://tauri.localhost.example.org/",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "about:srcdoc",
            "javascript:alert(1)",
        ] {
            assert!(!is_app_page(&url(page), None), "{page}");
        }
        assert!(!is_app_page(&url("http://127.0.0.1:9999/"), Some(&dev)));
    }
}
