//! The app's command names are written in four places that must agree, or a command is
//! unreachable (not allowed, not registered) or silently unchecked: `build.rs` declares them
//! so Tauri makes a permission for each, the window's capability allows them, `lib.rs`
//! registers their handlers, and the UI's `api.ts` invokes them. Read from the files
//! themselves, so a command added or renamed in one place only fails here.

use std::collections::BTreeSet;
use std::path::Path;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(relative);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("could not read {}: {err}", path.display()))
}

/// The text between `open` and the first `close` after it.
fn between<'a>(text: &'a str, open: &str, close: &str, file: &str) -> &'a str {
    let start = text
        .find(open)
        .unwrap_or_else(|| panic!("{file} has {open:?}"))
        + open.len();
    let end = text[start..]
        .find(close)
        .unwrap_or_else(|| panic!("{file} closes {open:?} with {close:?}"));
    &text[start..start + end]
}

/// Each name once; a name written twice in one list is a mistake of its own.
fn distinct(names: Vec<String>, file: &str) -> BTreeSet<String> {
    let set: BTreeSet<String> = names.iter().cloned().collect();
    assert_eq!(
        set.len(),
        names.len(),
        "{file} names a command twice: {names:?}"
    );
    set
}

/// `build.rs`: the string literals of `COMMANDS`.
fn declared() -> BTreeSet<String> {
    let file = "src-tauri/build.rs";
    let source = read(file);
    let list = between(&source, "const COMMANDS: &[&str] = &[", "];", file);
    let names = list
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    distinct(names, file)
}

/// The capability's `allow-…` permissions, as command names (`allow-list-plans` →
/// `list_plans`). Plugin permissions (`dialog:…`) are not app commands.
fn allowed() -> BTreeSet<String> {
    let file = "src-tauri/capabilities/main-window.json";
    let json: serde_json::Value =
        serde_json::from_str(&read(file)).unwrap_or_else(|err| panic!("{file}: {err}"));
    let names = json["permissions"]
        .as_array()
        .unwrap_or_else(|| panic!("{file} lists permissions"))
        .iter()
        .filter_map(|p| p.as_str().or_else(|| p["identifier"].as_str()))
        .filter(|p| !p.contains(':'))
        .map(|p| {
            p.strip_prefix("allow-")
                .unwrap_or_else(|| panic!("{file}: {p} allows an app command"))
                .replace('-', "_")
        })
        .collect();
    distinct(names, file)
}

/// `lib.rs`: the last path segment of each entry of `generate_handler![…]`.
fn registered() -> BTreeSet<String> {
    let file = "src-tauri/src/lib.rs";
    let source = read(file);
    let list = between(&source, "generate_handler![", "]", file);
    let names = list
        .split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| entry.rsplit("::").next().unwrap_or(entry).to_owned())
        .collect();
    distinct(names, file)
}

/// `api.ts`: the quoted first argument of every `call(…)` or `invoke(…)` (with or without a
/// type argument).
fn invoked() -> BTreeSet<String> {
    let file = "ui/src/lib/api.ts";
    let source = read(file);
    let mut names = Vec::new();
    for callee in ["call", "invoke"] {
        for (at, _) in source.match_indices(callee) {
            let before = source[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let mut rest = &source[at + callee.len()..];
            if let Some(generic) = rest.strip_prefix('<') {
                rest = generic.split_once('>').map_or("", |(_, after)| after);
            }
            let Some(args) = rest.strip_prefix('(') else {
                continue;
            };
            let args = args.trim_start();
            let quote = args
                .chars()
                .next()
                .filter(|c| matches!(c, '\'' | '"' | '`'));
            if let Some((name, _)) = quote.and_then(|q| args[1..].split_once(q)) {
                names.push(name.to_owned());
            }
        }
    }
    distinct(names, file)
}

#[test]
fn build_rs_capability_handlers_and_the_ui_name_the_same_commands() {
    let declared = declared();
    assert!(
        declared.len() >= 10,
        "build.rs declares the app's commands: {declared:?}"
    );
    for (place, names) in [
        ("capabilities/main-window.json allows", allowed()),
        ("lib.rs's generate_handler! registers", registered()),
        ("ui/src/lib/api.ts invokes", invoked()),
    ] {
        let missing: Vec<_> = declared.difference(&names).collect();
        let extra: Vec<_> = names.difference(&declared).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{place} the commands build.rs declares; it leaves out {missing:?} and adds \
             {extra:?} (declare a command in build.rs, allow it in the capability, register \
             it in lib.rs and call it from api.ts)"
        );
    }
}
