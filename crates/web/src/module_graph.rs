//! A test that keeps the crate's modules free of import cycles: every file is a module; a file
//! depends on another when it names it (`crate::a::b`, `super::x`, a child's `name::`, or an item
//! the other re-exports). Shared helpers therefore live in leaf modules, and a parent module
//! (`pages/mod.rs`, `api/mod.rs`) only gathers its children, never serves them.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path ("pages::error") → its source, test modules cut off.
fn modules(root: &Path) -> BTreeMap<String, String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, out);
                continue;
            }
            if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                continue;
            }
            let rel = path.strip_prefix(root).unwrap_or(&path).with_extension("");
            let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
            if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
                parts.pop();
            }
            let src = std::fs::read_to_string(&path).unwrap_or_default();
            out.insert(parts.join("::"), strip(&src));
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// The code without comments and without the `#[cfg(test)]` module at the end of a file.
fn strip(src: &str) -> String {
    let code = match src.find("#[cfg(test)]\nmod tests") {
        Some(i) => &src[..i],
        None => src,
    };
    code.lines().map(|l| l.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every path that follows `prefix` in `src`, with `prefix::{a, b::c}` groups spread out.
fn paths_after(src: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(i) = rest.find(prefix) {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + prefix.len()..];
        if before.is_some_and(|c| is_ident(c) || c == ':') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let item = item.split(" as ").next().unwrap_or_default().trim();
                let path: Vec<String> = item
                    .split("::")
                    .map(str::trim)
                    .filter(|s| !s.is_empty() && *s != "{")
                    .map(str::to_owned)
                    .collect();
                if !path.is_empty() {
                    out.push(path);
                }
            }
        } else {
            let end = rest.find(|c: char| !(is_ident(c) || c == ':')).unwrap_or(rest.len());
            let path: Vec<String> =
                rest[..end].split("::").filter(|s| !s.is_empty()).map(str::to_owned).collect();
            if !path.is_empty() {
                out.push(path);
            }
        }
    }
    out
}

/// The module a path names: its longest prefix that is a module, following `pub use x::Y;`
/// re-exports to the module that defines `Y`.
fn resolve(
    path: &[String],
    mods: &BTreeMap<String, String>,
    reexports: &BTreeMap<(String, String), String>,
) -> Option<String> {
    for n in (1..=path.len()).rev() {
        let parent = path[..n - 1].join("::");
        if let Some(target) = reexports.get(&(parent, path[n - 1].clone())) {
            return Some(target.clone());
        }
        let m = path[..n].join("::");
        if mods.contains_key(&m) {
            return Some(m);
        }
    }
    None
}

fn dependencies(mods: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let mut reexports = BTreeMap::new();
    for (m, src) in mods {
        for line in src.lines().map(str::trim) {
            let Some(rest) = line.strip_prefix("pub use ").and_then(|r| r.strip_suffix(';')) else {
                continue;
            };
            if let Some((child, item)) = rest.split_once("::") {
                if is_ident_str(child) && is_ident_str(item) {
                    reexports.insert((m.clone(), item.to_owned()), join(m, child));
                }
            }
        }
    }
    let mut deps = BTreeMap::new();
    for (m, src) in mods {
        let mut to = BTreeSet::new();
        for p in paths_after(src, "crate::") {
            to.extend(resolve(&p, mods, &reexports));
        }
        let parent: Vec<String> = m.split("::").filter(|s| !s.is_empty()).map(str::to_owned).collect();
        let parent = &parent[..parent.len().saturating_sub(1)];
        for p in paths_after(src, "super::") {
            let full: Vec<String> = parent.iter().cloned().chain(p).collect();
            to.extend(resolve(&full, mods, &reexports));
        }
        // A parent naming its child (`ew::router()`, `pub use cache::X`).
        for child in mods.keys().filter(|c| is_child(m, c)) {
            let name = child.rsplit("::").next().unwrap_or_default();
            if !paths_after(src, &format!("{name}::")).is_empty() {
                to.insert(child.clone());
            }
        }
        to.remove(m);
        to.remove("");
        deps.insert(m.clone(), to);
    }
    deps
}

fn is_ident_str(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_ident)
}

fn join(m: &str, child: &str) -> String {
    if m.is_empty() {
        child.to_owned()
    } else {
        format!("{m}::{child}")
    }
}

fn is_child(parent: &str, c: &str) -> bool {
    match c.rsplit_once("::") {
        Some((p, _)) => p == parent,
        None => parent.is_empty() && !c.is_empty(),
    }
}

/// A cycle through the graph, if there is one (the crate root, which declares every module,
/// is left out).
fn find_cycle(deps: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        m: &str,
        deps: &BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<String, Mark>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match marks.get(m) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = stack.iter().position(|s| s == m).unwrap_or(0);
                let mut cycle = stack[start..].to_vec();
                cycle.push(m.to_owned());
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(m.to_owned(), Mark::Open);
        stack.push(m.to_owned());
        for d in deps.get(m).into_iter().flatten() {
            if let Some(c) = visit(d, deps, marks, stack) {
                return Some(c);
            }
        }
        stack.pop();
        marks.insert(m.to_owned(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for m in deps.keys().filter(|m| !m.is_empty()) {
        if let Some(c) = visit(m, deps, &mut marks, &mut vec![]) {
            return Some(c);
        }
    }
    None
}

#[test]
fn no_module_of_the_crate_is_part_of_an_import_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mods = modules(&root);
    assert!(mods.len() > 40, "the sources were found: {:?}", mods.keys());
    let deps = dependencies(&mods);
    assert!(deps["pages::reports"].contains("pages::error"), "the graph sees `use super::error::…`");
    assert!(deps["api"].contains("api::reports"), "the graph sees a parent naming its child");
    assert!(deps["state"].contains("session::cache"), "the graph follows `pub use` re-exports");
    if let Some(cycle) = find_cycle(&deps) {
        panic!("import cycle: {}", cycle.join(" -> "));
    }
}

#[test]
fn the_cycle_finder_finds_a_planted_cycle() {
    let mut mods = BTreeMap::new();
    mods.insert("a".to_owned(), "use crate::b::thing;".to_owned());
    mods.insert("b".to_owned(), "fn f() { super::a::g() }".to_owned());
    mods.insert("c".to_owned(), "use crate::a;".to_owned());
    let cycle = find_cycle(&dependencies(&mods)).expect("a and b name each other");
    assert_eq!(cycle.first(), cycle.last());
    assert!(cycle.contains(&"a".to_owned()) && cycle.contains(&"b".to_owned()));
    mods.insert("b".to_owned(), "fn f() {}".to_owned());
    assert_eq!(find_cycle(&dependencies(&mods)), None);
}
