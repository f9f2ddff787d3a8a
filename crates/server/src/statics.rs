//! The release bundle (`dist/`), served as README.md's hosting rules say: `.wasm` as
//! `application/wasm`; the build's brotli and gzip copies (`X.br`, `X.gz`) to a browser
//! that takes them; hashed names `immutable`, fixed names `no-cache`; the page's own
//! Content-Security-Policy (read from its `<meta>`) as a header, with the operator's
//! `frame-ancestors`, which a `<meta>` cannot carry; and `Access-Control-Allow-Origin: *`,
//! since other sites load `embed.js` and its files. The files are read once, at start.
//!
//! The page learns that a room server is here from `<meta name="cvc-room-server"
//! content="self">`, added to `index.html` as it is read (a bundle on a static host has no
//! such tag, and shows no room controls); its gzip copy is made again, and its brotli copy
//! left out, since they were made of the page without the tag.

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, Response, StatusCode};
use std::collections::HashMap;
use std::path::Path;

/// One file of the bundle, with its compressed copies.
struct File {
    body: Vec<u8>,
    brotli: Option<Vec<u8>>,
    gzip: Option<Vec<u8>>,
    content_type: &'static str,
    cache_control: &'static str,
    /// The page's policy, for HTML.
    policy: Option<HeaderValue>,
}

/// The bundle in memory, by path (`/index.html`).
#[derive(Default)]
pub struct Bundle {
    files: HashMap<String, File>,
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ts" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Whether a file's name carries the build's content hash (`app-0123456789abcdef.wasm`).
fn is_hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        hash.len() == 16
            && hash
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    })
}

/// The policy of `index.html`'s `<meta http-equiv="Content-Security-Policy">` (minified or
/// not: attributes in any order, quoted or not), with `frame-ancestors` added.
pub fn page_policy(html: &str, frame_ancestors: &str) -> Option<String> {
    let content = html.split("<meta").skip(1).find_map(|rest| {
        let tag = rest.split('>').next()?;
        let equiv = tag.contains("http-equiv=Content-Security-Policy")
            || tag.contains("http-equiv=\"Content-Security-Policy\"");
        equiv.then(|| tag.split("content=\"").nth(1)?.split('"').next())?
    })?;
    Some(format!(
        "{}; frame-ancestors {frame_ancestors}",
        content.trim().trim_end_matches(';')
    ))
}

impl Bundle {
    /// Reads every file of `dist` (and its folders). An empty bundle when `dist` is absent.
    pub fn load(dist: &Path, frame_ancestors: &str) -> Result<Bundle, String> {
        let mut bundle = Bundle::default();
        if !dist.is_dir() {
            return Ok(bundle);
        }
        let mut paths = Vec::new();
        collect(dist, dist, &mut paths)
            .map_err(|error| format!("reading {}: {error}", dist.display()))?;
        let read = |path: &str| std::fs::read(dist.join(path.trim_start_matches('/'))).ok();
        for path in &paths {
            if path.ends_with(".br") || path.ends_with(".gz") {
                continue;
            }
            let mut body = read(path).ok_or_else(|| format!("cannot read {path}"))?;
            let name = path.rsplit('/').next().unwrap_or(path);
            let mut copies = (read(&format!("{path}.br")), read(&format!("{path}.gz")));
            if path.ends_with("index.html") {
                if let Some(page) = with_room_server(&String::from_utf8_lossy(&body)) {
                    body = page.into_bytes();
                    copies = (None, Some(gzip(&body)));
                }
            }
            let policy = if path.ends_with("index.html") {
                let html = String::from_utf8_lossy(&body);
                page_policy(&html, frame_ancestors)
                    .map(|policy| {
                        HeaderValue::from_str(&policy)
                            .map_err(|_| format!("the page's policy in {path} cannot be a header"))
                    })
                    .transpose()?
            } else {
                None
            };
            bundle.files.insert(
                path.clone(),
                File {
                    brotli: copies.0,
                    gzip: copies.1,
                    content_type: content_type(path),
                    cache_control: if is_hashed(name) {
                        "public, max-age=31536000, immutable"
                    } else {
                        "no-cache"
                    },
                    policy,
                    body,
                },
            );
        }
        Ok(bundle)
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The answer for `path`, in the encoding `request` takes; `None` when there is no such
    /// file.
    pub fn respond(&self, path: &str, request: &HeaderMap) -> Option<Response<Body>> {
        let path = if path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_string()
        };
        let file = self.files.get(&path)?;
        let accepts = request
            .get(header::ACCEPT_ENCODING)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("");
        let takes = |coding: &str| {
            accepts.split(',').any(|part| {
                let mut pieces = part.split(';');
                pieces.next().is_some_and(|name| name.trim() == coding)
                    && !pieces.any(|q| q.trim().replace(' ', "") == "q=0")
            })
        };
        let (body, encoding) = match (&file.brotli, &file.gzip) {
            (Some(brotli), _) if takes("br") => (brotli.clone(), Some("br")),
            (_, Some(gzip)) if takes("gzip") => (gzip.clone(), Some("gzip")),
            _ => (file.body.clone(), None),
        };
        let mut response = Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, file.content_type)
            .header(header::CACHE_CONTROL, file.cache_control)
            .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
            .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")
            .header(header::VARY, "Accept-Encoding");
        if let Some(encoding) = encoding {
            response = response.header(header::CONTENT_ENCODING, encoding);
        }
        if let Some(policy) = &file.policy {
            response = response.header(header::CONTENT_SECURITY_POLICY, policy.clone());
        }
        response.body(Body::from(body)).ok()
    }
}

/// The page with the tag that says a room server is here, unless it names one already;
/// `None` when it needs no change.
pub fn with_room_server(html: &str) -> Option<String> {
    let name = cvc_core::room::SERVER_META;
    if html.contains(&format!("name={name}")) || html.contains(&format!("name=\"{name}\"")) {
        return None;
    }
    let at = html.find("</head>")?;
    Some(format!(
        "{}<meta name=\"{name}\" content=\"self\">{}",
        &html[..at],
        &html[at..]
    ))
}

fn gzip(body: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to memory cannot fail.
    let _ = encoder.write_all(body);
    encoder.finish().unwrap_or_default()
}

/// Every file under `folder`, as a path from `root` starting with `/`.
fn collect(root: &Path, folder: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(root, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let relative = relative.to_string_lossy().replace('\\', "/");
            out.push(format!("/{relative}"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_told_from_fixed_ones() {
        assert!(is_hashed(
            "customer-value-calculator-6110d03ff37330bd_bg.wasm"
        ));
        assert!(is_hashed("app-a0bf75d696e8250a.css"));
        assert!(is_hashed("extras-0123456789abcdef.js"));
        for fixed in [
            "embed.js",
            "start.js",
            "index.html",
            "sw.js",
            "icon-192.png",
            "release.json",
        ] {
            assert!(!is_hashed(fixed), "{fixed}");
        }
    }

    #[test]
    fn the_pages_policy_gains_frame_ancestors() {
        let html = r#"<meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self'" /><title>x</title>"#;
        assert_eq!(
            page_policy(html, "https://consultant.example").as_deref(),
            Some("default-src 'self'; connect-src 'self'; frame-ancestors https://consultant.example")
        );
        let minified = r#"<meta content="width=device-width" name=viewport><meta content="default-src 'self'" http-equiv=Content-Security-Policy><title>"#;
        assert_eq!(
            page_policy(minified, "*").as_deref(),
            Some("default-src 'self'; frame-ancestors *")
        );
        assert_eq!(page_policy("<html></html>", "*"), None);
    }

    #[test]
    fn the_page_is_told_a_room_server_is_here_once() {
        let page = with_room_server("<head><title>x</title></head><body>").expect("a tag");
        assert!(page.contains("<meta name=\"cvc-room-server\" content=\"self\"></head>"));
        assert_eq!(with_room_server(&page), None);
        let named = r#"<head><meta name="cvc-room-server" content="https://rooms.example"></head>"#;
        assert_eq!(with_room_server(named), None);
    }
}
