//! `mcplan export` and `mcplan import`: a plan travels as a file and comes back the same, and a
//! file that is not a sound plan file changes nothing in the store.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::Sandbox;

/// Every file of the store's folder (the database and any journal beside it), byte for byte.
pub(crate) fn store_files(db: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let folder = db.parent().expect("the store has a folder");
    std::fs::read_dir(folder)
        .expect("read the store folder")
        .map(|entry| {
            let path = entry.expect("entry").path();
            let bytes = std::fs::read(&path).expect("read a store file");
            (path, bytes)
        })
        .collect()
}

impl Sandbox {
    fn export(&self, id: &str, name: &str) -> PathBuf {
        let out = self.dir.path().join(name);
        let said = self.stdout(&["export", id, "--out", &out.display().to_string()]);
        assert!(said.starts_with("Wrote "), "{said}");
        out
    }

    fn file_with(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).expect("write the plan file");
        path.display().to_string()
    }
}

#[test]
fn export_then_import_then_export_gives_the_same_file() {
    let (sandbox, id) = Sandbox::with_demo();
    sandbox.stdout(&["snapshot", &id, "--label", "sent to committee, 3 March"]);
    sandbox.stdout(&["snapshot", &id, "--label", "Ελληνική έκδοση"]);
    let first = sandbox.export(&id, "first.mcplan");
    let imported = sandbox.stdout(&["import", &first.display().to_string()]);
    let new_id = imported.trim();
    assert_ne!(new_id, id, "the import is a new plan");
    let second = sandbox.export(new_id, "second.mcplan");
    let first = std::fs::read_to_string(first).expect("read");
    assert_eq!(first, std::fs::read_to_string(second).expect("read"));
    let file: Value = serde_json::from_str(&first).expect("JSON");
    assert_eq!(
        file["versions"][1]["label"], "Ελληνική έκδοση",
        "the versions travel with the plan and come back with it"
    );
    assert_eq!(
        (file["format"].clone(), file["version"].clone()),
        (json!("mcplan"), json!(2))
    );
    let shown = sandbox.json(&["show", new_id, "--json"]);
    assert_eq!(
        shown["plan"], file["plan"],
        "the store holds the plan the file carried"
    );
    assert!(
        sandbox.stdout(&["list"]).lines().count() == 2,
        "the sample and its copy are listed"
    );
}

#[test]
fn every_refused_import_leaves_the_store_byte_for_byte_as_it_was() {
    let (sandbox, id) = Sandbox::with_demo();
    let good = std::fs::read_to_string(sandbox.export(&id, "good.mcplan")).expect("read");
    let file: Value = serde_json::from_str(&good).expect("JSON");
    let with = |change: &dyn Fn(&mut Value)| {
        let mut file = file.clone();
        change(&mut file);
        file.to_string()
    };
    let cases: Vec<(String, &str)> = vec![
        ("not json".to_owned(), "not valid JSON"),
        (good[..good.len() / 3].to_owned(), "not valid JSON"),
        (
            with(&|f| f["version"] = json!(3)),
            "made by a newer version of the planner",
        ),
        (
            with(&|f| f["format"] = json!("zip")),
            "format: not a plan file",
        ),
        (
            with(&|f| f["plan"]["risks"][0]["impakt"] = json!(3)),
            "plan.risks[0].impakt: unknown key “impakt”; did you mean “impact”?",
        ),
        (
            with(&|f| f["plan"]["risks"][0]["impact"] = json!(6)),
            "plan.risks[0].impact: Risk 1: the impact must be 1 to 5, not 6",
        ),
        (
            with(&|f| {
                let first = f["plan"]["workPlan"]["tasks"][0]["id"].clone();
                f["plan"]["workPlan"]["tasks"][1]["id"] = first;
            }),
            "plan.workPlan.tasks[1].id",
        ),
        (
            with(&|f| {
                f["plan"].as_object_mut().expect("plan").remove("title");
            }),
            "plan: missing field `title`",
        ),
        ("[".repeat(50_000), "nested more than 20 levels deep"),
    ];
    let before = store_files(&sandbox.db());
    for (i, (text, named)) in cases.iter().enumerate() {
        let path = sandbox.file_with(&format!("bad{i}.mcplan"), text);
        for into in [None, Some(id.as_str())] {
            let mut args = vec!["import", path.as_str()];
            args.extend(into.map(|id| ["--into", id]).into_iter().flatten());
            let said = sandbox.refuses(&args, 2, named);
            assert!(said.contains(&path), "the refusal names the file: {said}");
            assert_eq!(
                store_files(&sandbox.db()),
                before,
                "{named} (into {into:?}): the store is unchanged"
            );
        }
    }
    let big = sandbox.dir.path().join("big.mcplan");
    std::fs::File::create(&big)
        .expect("create")
        .set_len(17 << 20)
        .expect("a 17 MiB sparse file");
    sandbox.refuses(
        &["import", &big.display().to_string()],
        2,
        "larger than 16,777,216 bytes",
    );
    assert_eq!(
        store_files(&sandbox.db()),
        before,
        "too big: the store is unchanged"
    );
}

#[test]
fn a_refused_import_creates_no_store_and_export_checks_its_destination() {
    let sandbox = Sandbox::new();
    let path = sandbox.file_with("bad.mcplan", "{}");
    sandbox.refuses(&["import", &path], 2, "format: missing");
    assert!(
        !sandbox.db().exists(),
        "no store was created for a refused file"
    );
    let id = sandbox.demo();
    sandbox.refuses(
        &["export", &id, "--out", "-"],
        2,
        "the plan file cannot go to standard output",
    );
    let db = sandbox.db().display().to_string();
    sandbox.refuses(&["export", &id, "--out", &db], 2, "plan store");
}

#[test]
fn a_plan_file_imported_into_a_plan_becomes_its_new_version() {
    let (sandbox, id) = Sandbox::with_demo();
    sandbox.stdout(&["snapshot", &id, "--label", "sent to committee, 3 March"]);
    let sent = sandbox.export(&id, "sent.mcplan");
    let mut file: Value =
        serde_json::from_str(&std::fs::read_to_string(&sent).expect("read")).expect("JSON");
    assert_eq!(file["versions"][0]["label"], "sent to committee, 3 March");
    file["plan"]["title"] = json!("Revised by the committee");
    let back = sandbox.file_with("back from committee.mcplan", &file.to_string());
    let before = sandbox.json(&["show", &id, "--json"]);
    let said = sandbox.stdout(&["import", &back, "--into", &id]);
    assert_eq!(said.trim(), id, "the plan's own number is printed");
    let after = sandbox.json(&["show", &id, "--json"]);
    assert_eq!(after["plan"]["title"], "Revised by the committee");
    assert_eq!(
        after["revision"],
        before["revision"].as_i64().expect("revision") + 1
    );
    let versions = sandbox.json(&["versions", &id, "--json"]);
    let labels: Vec<&str> = versions
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v["label"].as_str().expect("label"))
        .collect();
    assert_eq!(
        labels,
        [
            "sent to committee, 3 March",
            "Before importing back from committee.mcplan"
        ],
        "the file's version was already kept, so only the plan as it was is added"
    );
    assert_eq!(sandbox.stdout(&["list"]).lines().count(), 1, "no new plan");
    let copy = sandbox.stdout(&["import", &sent.display().to_string()]);
    assert_eq!(
        sandbox.json(&["versions", copy.trim(), "--json"])[0]["label"],
        "sent to committee, 3 March",
        "a plan imported as new keeps the file's versions"
    );
    sandbox.refuses(&["import", &back, "--into", "77"], 2, "no plan number 77");
}
