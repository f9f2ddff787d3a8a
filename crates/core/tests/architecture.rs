//! The layering of ARCHITECTURE.md, checked. Most of it is the compiler's: a crate can only
//! name what its manifest lets it depend on. This test keeps the manifests and the sources
//! to the rules the compiler cannot see:
//!
//! - the pure crates (model, core, cli) depend on no web crate at all, not even for wasm32;
//! - views, the page, the extras and the embed depend on no web crate: everything reaches
//!   the browser through `cvc-browser` (the program's entries, src/, export the wasm's
//!   functions);
//! - the page cannot name the extras' code, nor the extras the page's, and neither names
//!   the embed's (which builds on the page);
//! - every chunk `cvc_core::parts` names has its split point (src/lib.rs), and both
//!   entries load parts through them;
//! - no two source files share a name, and no file imports one that imports it back.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const WEB_CRATES: [&str; 5] = [
    "web-sys",
    "js-sys",
    "gloo",
    "wasm-bindgen-futures",
    "wasm-bindgen",
];
const PURE: [&str; 3] = ["model", "core", "cli"];
const VIEWS: [&str; 4] = ["view", "page", "extras", "embed"];

fn crates_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("crates/")
        .to_path_buf()
}

/// The names of the dependencies a manifest lists in its `[dependencies]` tables (any
/// target's), leaving out dev-dependencies.
fn dependencies(krate: &str) -> BTreeSet<String> {
    let manifest = fs::read_to_string(crates_dir().join(krate).join("Cargo.toml"))
        .expect("the crate has a manifest");
    let mut names = BTreeSet::new();
    let mut in_dependencies = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_dependencies = line.ends_with("dependencies]") && !line.contains("dev-dependencies");
            continue;
        }
        if in_dependencies && !line.starts_with('#') {
            if let Some((name, _)) = line.split_once('=') {
                let name = name.trim().trim_end_matches(".workspace").trim();
                if !name.is_empty() {
                    names.insert(name.to_string());
                }
            }
        }
    }
    names
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// A source file's code, without its comments (a `//` inside a string is left alone).
fn code_of(text: &str) -> String {
    text.lines()
        .map(|line| {
            let mut in_string = false;
            let bytes = line.as_bytes();
            for at in 0..bytes.len() {
                match bytes[at] {
                    b'"' if at == 0 || bytes[at - 1] != b'\\' => in_string = !in_string,
                    b'/' if !in_string && bytes.get(at + 1) == Some(&b'/') => return &line[..at],
                    _ => {}
                }
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_pure_crates_depend_on_no_web_crate() {
    for krate in PURE {
        let web: Vec<String> = dependencies(krate)
            .into_iter()
            .filter(|name| WEB_CRATES.contains(&name.as_str()) || name == "yew")
            .collect();
        assert!(web.is_empty(), "crates/{krate} depends on {web:?}");
    }
}

#[test]
fn views_reach_the_browser_only_through_cvc_browser() {
    for krate in VIEWS {
        let web: Vec<String> = dependencies(krate)
            .into_iter()
            .filter(|name| WEB_CRATES.contains(&name.as_str()))
            .collect();
        assert!(web.is_empty(), "crates/{krate} depends on {web:?}");
        for file in rust_files(&crates_dir().join(krate).join("src")) {
            let code = code_of(&fs::read_to_string(&file).expect("readable"));
            for name in ["web_sys", "js_sys", "gloo", "wasm_bindgen"] {
                assert!(
                    !code.contains(&format!("{name}::")),
                    "{} names {name}; the browser is reached through cvc_browser",
                    file.display()
                );
            }
        }
    }
}

#[test]
fn the_page_and_the_extras_module_cannot_name_each_other() {
    assert!(
        !dependencies("page").contains("cvc-extras"),
        "the page depends on cvc-extras (a dev-dependency, for the browser tests, is allowed)"
    );
    assert!(!dependencies("extras").contains("cvc-page"));
    assert!(!dependencies("page").contains("cvc-embed"));
    for (krate, other) in [
        ("page", "cvc_extras"),
        ("extras", "cvc_page"),
        ("page", "cvc_embed"),
        ("extras", "cvc_embed"),
    ] {
        for file in rust_files(&crates_dir().join(krate).join("src")) {
            let code = code_of(&fs::read_to_string(&file).expect("readable"));
            assert!(!code.contains(other), "{} names {other}", file.display());
        }
    }
}

#[test]
fn only_the_page_draws_the_pages_chrome() {
    // The App is generic over what is drawn around the answers (crates/page/src/chrome.rs):
    // an embed or a frame naming the page's chrome would carry the header, the tools bar
    // and the report in its main module (about 4 KB gzip).
    let root = crates_dir().parent().expect("the repository").to_path_buf();
    let mut elsewhere = rust_files(&crates_dir().join("embed").join("src"));
    elsewhere.extend(
        ["src/bin/embed.rs", "src/bin/iframe.rs", "src/lib.rs"].map(|file| root.join(file)),
    );
    for file in elsewhere {
        let code = code_of(&fs::read_to_string(&file).expect("readable"));
        for page_only in ["PageChrome", "mount_page("] {
            assert!(
                !code.contains(page_only),
                "{} names {page_only}",
                file.display()
            );
        }
    }
    let page =
        code_of(&fs::read_to_string(crates_dir().join("page/src/app.rs")).expect("readable"));
    assert!(
        page.contains("mount_app::<App<PageChrome>>("),
        "the page's mount draws its chrome"
    );
    assert!(
        page.contains("mount_app::<App<NoChrome>>("),
        "the frame's mount draws none"
    );
    assert!(
        !page.contains("pub fn page_props"),
        "only the page's and the frame's mounts choose the chrome"
    );
}

#[test]
fn every_chunk_has_its_split_point_and_each_entry_loads_them() {
    use cvc_core::parts::Chunk;
    let root = crates_dir().parent().expect("the repository").to_path_buf();
    let read = |path: &str| fs::read_to_string(root.join(path)).expect("readable");
    // The chunks every entry may fetch have their split points in the program's library;
    // the page's own, in the page's entry, which the embed and the iframe do not link.
    let shared = read("src/lib.rs");
    let page = read("src/main.rs");
    let declared = shared.matches("#[wasm_split(").count() + page.matches("#[wasm_split(").count();
    assert_eq!(declared, Chunk::ALL.len(), "one split point per chunk");
    for chunk in Chunk::ALL {
        let (file, code) = if Chunk::ON_OTHER_SITES.contains(&chunk) {
            ("src/lib.rs", &shared)
        } else {
            ("src/main.rs", &page)
        };
        let name = chunk.name();
        assert!(
            code.contains(&format!("#[wasm_split({name}, fallible)]")),
            "{file} has the {name} chunk's split point, fallible"
        );
    }
    assert!(
        shared.contains("set_loader(load, "),
        "src/lib.rs's start hands the loader over"
    );
    for (entry, loader) in [
        ("src/main.rs", "start(load_part, "),
        ("src/bin/embed.rs", "load_part_on_other_sites"),
        ("src/bin/iframe.rs", "load_part_on_other_sites"),
    ] {
        let code = read(entry);
        assert!(
            code.contains("customer_value_calculator::start(") && code.contains(loader),
            "{entry} starts by handing its loader over ({loader})"
        );
    }
}

#[test]
fn no_two_source_files_share_a_name() {
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    let program = crates_dir().parent().expect("the repository").join("src");
    for file in rust_files(&crates_dir())
        .into_iter()
        .chain(rust_files(&program))
    {
        let name = file
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .to_string();
        let in_src = file.components().any(|part| part.as_os_str() == "src");
        if !in_src || matches!(name.as_str(), "lib.rs" | "main.rs" | "mod.rs") {
            continue;
        }
        if let Some(earlier) = seen.insert(name.clone(), file.clone()) {
            panic!("{} and {} share a name", earlier.display(), file.display());
        }
    }
}

/// The module path of a file of a crate's `src/` (`words::en`; the root is empty).
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy().to_string())
        .collect();
    let last = parts.pop().expect("a file name");
    let stem = last.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "lib" | "main") {
        parts.push(stem.to_string());
    }
    parts
}

/// The modules a file's code names through `crate::`, `super::` or `self::`, each
/// resolved to the deepest module that is a file of the crate.
fn imports(code: &str, module: &[String], files: &BTreeSet<Vec<String>>) -> BTreeSet<Vec<String>> {
    let mut found = BTreeSet::new();
    let bytes = code.as_bytes();
    let word_at = |at: usize, word: &str| {
        code[at..].starts_with(word)
            && (at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_'))
    };
    let mut at = 0;
    while at < code.len() {
        if !code.is_char_boundary(at) {
            at += 1;
            continue;
        }
        let start = ["crate::", "super::", "self::"]
            .into_iter()
            .find(|word| word_at(at, word));
        let Some(word) = start else {
            at += 1;
            continue;
        };
        // The path's segments, and one level of a `{a, b}` group after it.
        let rest = &code[at..];
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        let path: Vec<&str> = rest[..end].split("::").filter(|s| !s.is_empty()).collect();
        let mut tails: Vec<Vec<&str>> = vec![Vec::new()];
        if rest[end..].starts_with('{') {
            if let Some(close) = rest[end..].find('}') {
                tails = rest[end + 1..end + close]
                    .split(',')
                    .map(|item| vec![item.trim().split([' ', ':']).next().unwrap_or("")])
                    .collect();
            }
        }
        // Where the path starts: the crate root, or this module's parent.
        let mut base: Vec<String> = match word {
            "crate::" => Vec::new(),
            _ => module.to_vec(),
        };
        let mut segments = &path[1..];
        let mut parents = if word == "super::" { 1 } else { 0 };
        while segments.first() == Some(&"super") {
            parents += 1;
            segments = &segments[1..];
        }
        // In `words/mod.rs` (module `words`), `super` is the crate root; in `words/en.rs`
        // (module `words::en`), it is `words`.
        for _ in 0..parents {
            base.pop();
        }
        for tail in &tails {
            let mut target = base.clone();
            let mut deepest = target.clone();
            for segment in segments.iter().chain(tail.iter()) {
                target.push((*segment).to_string());
                if files.contains(&target) {
                    deepest = target.clone();
                }
            }
            if deepest != module {
                found.insert(deepest);
            }
        }
        at += end.max(1);
    }
    found
}

#[test]
fn no_file_imports_one_that_imports_it_back() {
    for krate in rust_files(&crates_dir())
        .iter()
        .filter_map(|file| file.strip_prefix(crates_dir()).ok())
        .filter_map(|file| file.components().next())
        .map(|part| part.as_os_str().to_string_lossy().to_string())
        .collect::<BTreeSet<_>>()
    {
        let src = crates_dir().join(&krate).join("src");
        // The binaries (main.rs, and a crate of bins' own files) are crates of their own.
        let files: Vec<PathBuf> = rust_files(&src)
            .into_iter()
            .filter(|file| file.file_name().is_some_and(|name| name != "main.rs"))
            .collect();
        let modules: BTreeSet<Vec<String>> =
            files.iter().map(|file| module_of(&src, file)).collect();
        let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
        for file in &files {
            let module = module_of(&src, file);
            let code = code_of(&fs::read_to_string(file).expect("readable"));
            graph.insert(module.clone(), imports(&code, &module, &modules));
        }
        // Depth-first, with the path so far, to name the cycle if there is one.
        fn visit(
            module: &Vec<String>,
            graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
            path: &mut Vec<Vec<String>>,
            done: &mut BTreeSet<Vec<String>>,
        ) -> Option<Vec<Vec<String>>> {
            if let Some(at) = path.iter().position(|step| step == module) {
                let mut cycle = path[at..].to_vec();
                cycle.push(module.clone());
                return Some(cycle);
            }
            if done.contains(module) {
                return None;
            }
            path.push(module.clone());
            for next in graph.get(module).into_iter().flatten() {
                if let Some(cycle) = visit(next, graph, path, done) {
                    return Some(cycle);
                }
            }
            path.pop();
            done.insert(module.clone());
            None
        }
        let mut done = BTreeSet::new();
        for module in graph.keys() {
            if let Some(cycle) = visit(module, &graph, &mut Vec::new(), &mut done) {
                let names: Vec<String> = cycle
                    .iter()
                    .map(|module| {
                        if module.is_empty() {
                            "(root)".into()
                        } else {
                            module.join("::")
                        }
                    })
                    .collect();
                panic!("an import cycle in crates/{krate}: {}", names.join(" → "));
            }
        }
    }
}

/// The check above finds a cycle when there is one: two files of a made-up crate that
/// import each other.
#[test]
fn the_cycle_check_sees_a_cycle() {
    let modules: BTreeSet<Vec<String>> = [vec![], vec!["a".to_string()], vec!["b".to_string()]]
        .into_iter()
        .collect();
    let a = imports("use crate::b::Thing;", &["a".to_string()], &modules);
    let b = imports("use super::a::{self, Other};", &["b".to_string()], &modules);
    assert!(a.contains(&vec!["b".to_string()]));
    assert!(b.contains(&vec!["a".to_string()]));
    let root = imports(
        "pub use figure::Figure; fn f() { crate::a::g() }",
        &[],
        &modules,
    );
    assert_eq!(root, [vec!["a".to_string()]].into_iter().collect());
}

#[test]
fn the_first_paints_browser_probe_checks_every_wasm_feature_the_build_enables() {
    let root = crates_dir().parent().expect("the repository").to_path_buf();
    let probe = fs::read_to_string(root.join("web/first-paint.js")).expect("first-paint.js");
    for feature in cvc_core::first_paint::WASM_FEATURES {
        assert!(
            probe.contains(&format!("{feature} (")),
            "web/first-paint.js's probe names {feature}, which the build enables"
        );
    }
}

/// Every repository path a comment or document names, as `crates/…`, `scripts/…`, `web/…`,
/// `tests/…`, `docs/…`, `src/…`, `styles/…` or `integrations/…`: where it is read from
/// the repository's root, or from the crate the file is in (a manifest's own `src/…`).
fn named_paths(text: &str) -> Vec<String> {
    const ROOTS: [&str; 8] = [
        "crates/",
        "scripts/",
        "web/",
        "tests/",
        "docs/",
        "src/",
        "styles/",
        "integrations/",
    ];
    let path_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '/' | '-');
    let mut found = Vec::new();
    for (at, _) in text.char_indices() {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| path_char(c) || c == '$' || c == '~') {
            continue;
        }
        let rest = &text[at..];
        if !ROOTS.iter().any(|root| rest.starts_with(root)) {
            continue;
        }
        let end = rest.find(|c: char| !path_char(c)).unwrap_or(rest.len());
        let next = rest[end..].chars().next();
        // A pattern (`chunk-*.wasm`, `{name}`, `…`) names no one file.
        if next.is_some_and(|c| matches!(c, '*' | '{' | '…' | '<')) {
            continue;
        }
        let path = rest[..end].trim_end_matches(['.', '/']);
        if path.contains('/') && !ROOTS.contains(&format!("{path}/").as_str()) {
            found.push(path.to_string());
        }
    }
    found
}

#[test]
fn every_path_a_comment_or_document_names_exists() {
    let root = crates_dir().parent().expect("the repository").to_path_buf();
    let skipped = [
        "target",
        "node_modules",
        "dist",
        ".git",
        "screenshots",
        "vendor",
    ];
    let kinds = ["md", "rs", "mjs", "js", "sh", "toml", "php", "html", "css"];
    let mut stack = vec![root.clone()];
    let mut missing = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("readable").flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_string();
            if path.is_dir() {
                if !skipped.contains(&name.as_str()) {
                    stack.push(path);
                }
                continue;
            }
            let kind = path
                .extension()
                .map(|kind| kind.to_string_lossy().to_string());
            if !kind.is_some_and(|kind| kinds.contains(&kind.as_str())) {
                continue;
            }
            let Ok(text) = fs::read_to_string(&path) else {
                continue;
            };
            // The crate (or package) the file is in: the nearest folder with a manifest.
            let home = path
                .ancestors()
                .skip(1)
                .find(|folder| folder.join("Cargo.toml").exists())
                .unwrap_or(&root)
                .to_path_buf();
            for named in named_paths(&text) {
                if !root.join(&named).exists() && !home.join(&named).exists() {
                    missing.push(format!("{} names {named}", path.display()));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "paths that do not exist:\n{}",
        missing.join("\n")
    );
}

#[test]
fn named_paths_are_read_as_written() {
    assert_eq!(
        named_paths("see `crates/core/src/parts.rs`, and scripts/build.sh."),
        ["crates/core/src/parts.rs", "scripts/build.sh"]
    );
    // Patterns, a folder alone and a path inside another word are not paths of the repository.
    assert!(named_paths("dist/chunk-*.wasm src/ node_modules/web/x.js $src/x").is_empty());
}
