//! Hostile and careless input to `mcplan`: each refusal is one short, printable line, and the
//! store's plans are exactly as before.

use std::path::Path;
use std::process::{Command, Stdio};

use assert_cmd::prelude::*;
use planner_test_support::ScratchDisk;
use serde_json::Value;

use super::Sandbox;

/// Every plan in the store, read straight from the file (not through `mcplan`).
fn plans_in(db: &Path) -> Vec<(i64, String)> {
    let conn = rusqlite::Connection::open(db).expect("open the store file");
    let mut stmt = conn
        .prepare("SELECT id, document FROM plans ORDER BY id")
        .expect("query");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("read rows")
}

impl Sandbox {
    /// Runs `args`, expects exit `code` and one short printable line on stderr containing
    /// `named`, and returns that line.
    pub(crate) fn refuses(&self, args: &[&str], code: i32, named: &str) -> String {
        let assert = self.mcplan().args(args).assert().code(code);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        assert_one_short_line(&stderr);
        assert!(stderr.contains(named), "{args:?}: names {named}: {stderr}");
        stderr
    }
}

fn assert_one_short_line(stderr: &str) {
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.chars().count() < 500, "short: {stderr}");
    assert!(
        !stderr.trim_end().chars().any(char::is_control),
        "printable: {stderr:?}"
    );
}

#[test]
fn pdf_over_the_store_or_its_files_is_refused_however_spelt() {
    let sandbox = Sandbox::new();
    let id = sandbox.new_plan("Kept University");
    let db = sandbox.db();
    let before = plans_in(&db);
    let dir = sandbox.dir.path();
    let hard = dir.join("hard.pdf");
    std::fs::hard_link(&db, &hard).expect("hard link");
    let link = dir.join("link.pdf");
    std::os::unix::fs::symlink(&db, &link).expect("symlink");
    let wal = format!("{}-wal", db.display());
    let dotted = dir
        .join("store")
        .join("..")
        .join("store")
        .join("plans.sqlite3");
    for out in [
        db.display().to_string(),
        dotted.display().to_string(),
        wal,
        hard.display().to_string(),
        link.display().to_string(),
    ] {
        sandbox.refuses(&["pdf", &id, "--out", &out], 2, "plan store itself");
    }
    assert_eq!(plans_in(&db), before, "every plan is still there");
}

#[test]
fn pdf_to_a_device_a_pipe_or_standard_output_is_refused() {
    let sandbox = Sandbox::new();
    let id = sandbox.new_plan("Kept University");
    let fifo = sandbox.dir.path().join("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let fifo = fifo.display().to_string();
    for out in ["/dev/null", "/dev/full", fifo.as_str()] {
        sandbox.refuses(&["pdf", &id, "--out", out], 2, "not an ordinary file");
    }
    sandbox.refuses(&["pdf", &id, "--out", "-"], 2, "standard output");
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata("/dev/null")
            .expect("stat")
            .file_type()
            .is_char_device()
    );
}

#[test]
fn memory_and_uri_stores_are_refused_and_leave_no_folders() {
    let sandbox = Sandbox::new();
    for db in [":memory:", "file::memory:", "file:plans.db?mode=memory"] {
        let assert = Command::cargo_bin("mcplan")
            .expect("built")
            .current_dir(sandbox.dir.path())
            .args(["--db", db, "new", "--institution", "U", "--title", "T"])
            .env_remove("MCPLAN_DB")
            .assert()
            .code(2);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        assert_one_short_line(&stderr);
        assert!(stderr.contains("plain path"), "{db}: {stderr}");
    }
    let left: Vec<_> = std::fs::read_dir(sandbox.dir.path())
        .expect("list")
        .collect();
    assert!(left.is_empty(), "nothing created: {left:?}");
}

#[test]
fn reading_commands_never_create_a_store() {
    let sandbox = Sandbox::new();
    for args in [
        &["list"][..],
        &["show", "1"],
        &["pdf", "1", "--out", "x.pdf"],
    ] {
        sandbox.refuses(args, 2, "no plan store");
    }
    assert!(
        !sandbox.dir.path().join("store").exists(),
        "no folder or store made"
    );
}

#[test]
fn an_empty_mcplan_db_means_the_default_store() {
    let sandbox = Sandbox::new();
    let assert = Command::cargo_bin("mcplan")
        .expect("built")
        .env("MCPLAN_DB", "")
        .env("XDG_DATA_HOME", sandbox.dir.path())
        .env("HOME", sandbox.dir.path())
        .arg("list")
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains("edu.mcplanner.planner/plans.sqlite3"),
        "the default store is meant: {stderr}"
    );
}

#[test]
fn usage_mistakes_are_one_line_and_a_hint() {
    let sandbox = Sandbox::new();
    let assert = sandbox
        .mcplan()
        .args(["list", "--colour\u{1b}[31m\nred"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "a line and a hint: {stderr}");
    assert!(
        lines[0].starts_with("mcplan: unexpected argument"),
        "{stderr}"
    );
    assert!(!lines[0].contains('\u{1b}'), "no escape codes: {stderr:?}");
    assert!(lines[1].contains("--help"), "{stderr}");
}

#[test]
fn huge_and_escaped_input_is_quoted_short_and_printable() {
    let sandbox = Sandbox::new();
    let id = sandbox.new_plan("Kept University");
    let before = plans_in(&sandbox.db());
    let long = format!("{}\u{1b}[2J\n", "9x".repeat(5_000));
    sandbox.refuses(&["show", &long], 2, "is not a plan number");
    let name = format!("Evil \u{202E}fdp.exe{}", "n".repeat(20));
    sandbox.refuses(
        &["new", "--institution", &name, "--title", "T"],
        2,
        "U+202E",
    );
    sandbox.refuses(
        &["new", "--institution", "U", "--title", &"t".repeat(10_000)],
        2,
        "10000 characters long",
    );
    assert_eq!(plans_in(&sandbox.db()), before, "nothing saved");
    assert_eq!(id, "1");
}

#[test]
fn input_files_are_capped_in_size_before_they_are_read() {
    let sandbox = Sandbox::new();
    let id = sandbox.new_plan("Kept University");
    let before = plans_in(&sandbox.db());
    sandbox.refuses(
        &["assess", &id, "--answers", "/dev/zero"],
        2,
        "larger than 1,048,576 bytes",
    );
    let big = sandbox.dir.path().join("big.json");
    let file = std::fs::File::create(&big).expect("create");
    file.set_len(200 << 20).expect("a 200 MB sparse file");
    let big = big.display().to_string();
    sandbox.refuses(
        &["rollout", &id, "--inputs", &big],
        2,
        "larger than 8,388,608 bytes",
    );
    let folder = sandbox.dir.path().display().to_string();
    sandbox.refuses(&["assess", &id, "--answers", &folder], 2, "is a folder");
    assert_eq!(plans_in(&sandbox.db()), before);
}

#[test]
fn answers_files_with_a_bom_and_whole_decimals_are_read() {
    let sandbox = Sandbox::new();
    let id = sandbox.new_plan("Kept University");
    let file = sandbox.dir.path().join("answers.json");
    std::fs::write(
        &file,
        "\u{FEFF}{\"resources\": [2.0, 2, 1, 3.0, null]}".as_bytes(),
    )
    .expect("write");
    sandbox.stdout(&["assess", &id, "--answers", &file.display().to_string()]);
    let plan = sandbox.json(&["show", &id, "--json"]);
    assert_eq!(
        plan["plan"]["assessment"]["responses"]["resources"]["answers"],
        serde_json::json!([2, 2, 1, 3, "dont_know"])
    );
}

#[test]
fn unknown_and_repeated_keys_are_refused_naming_the_nearest_key() {
    let sandbox = Sandbox::new();
    let id = sandbox.new_plan("Kept University");
    sandbox.stdout(&["rollout", &id, "--starter"]);
    let before = plans_in(&sandbox.db());
    let plan = sandbox.json(&["show", &id, "--json"]);
    let mut inputs = plan["plan"]["rollout"].clone();
    inputs["uncertainity"] = serde_json::json!({"draws": 0});
    sandbox.refuses_file(
        &["rollout", &id, "--inputs"],
        &inputs.to_string(),
        "uncertainity: unknown key “uncertainity”; did you mean “uncertainty”?",
    );
    let mut inputs = plan["plan"]["rollout"].clone();
    inputs["startDate"] = Value::from("2027-02-30");
    sandbox.refuses_file(
        &["rollout", &id, "--inputs"],
        &inputs.to_string(),
        "February 2027 has no 30th day",
    );
    let ratings = "[3, 3, 3, 3, 3]";
    sandbox.refuses_file(
        &["assess", &id, "--answers"],
        &format!(r#"{{"quality": {ratings}, "quality": {ratings}}}"#),
        "quality is given twice",
    );
    assert_eq!(plans_in(&sandbox.db()), before);
}

#[test]
fn output_that_fails_after_saving_does_not_fail_the_command() {
    let sandbox = Sandbox::new();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let assert = sandbox
        .mcplan()
        .args(["new", "--institution", "U", "--title", "T"])
        .stdout(Stdio::from(full))
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("the plan was saved"), "{stderr}");
    assert_eq!(plans_in(&sandbox.db()).len(), 1, "saved once");
}

#[test]
fn a_damaged_plan_is_named_and_the_others_listed() {
    let sandbox = Sandbox::new();
    sandbox.new_plan("Good University");
    let damaged = sandbox.new_plan("Damaged University");
    rusqlite::Connection::open(sandbox.db())
        .expect("open")
        .execute("UPDATE plans SET document = '{}' WHERE id = ?1", [&damaged])
        .expect("hand edit");
    let assert = sandbox.mcplan().arg("list").assert().success();
    let out = assert.get_output();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Good University"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("plan number {damaged} is damaged")),
        "{stderr}"
    );
    sandbox.refuses(&["show", &damaged], 1, "is damaged in the plan store");
}

#[test]
fn several_first_uses_at_once_each_save_their_plan() {
    let sandbox = Sandbox::new();
    let children: Vec<_> = (0..8)
        .map(|i| {
            sandbox
                .mcplan()
                .args(["new", "--institution", &format!("U{i}"), "--title", "T"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("wait");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(plans_in(&sandbox.db()).len(), 8);
}

#[test]
fn a_recovered_store_gets_a_plain_message_and_is_left_alone() {
    let sandbox = Sandbox::new();
    sandbox.new_plan("Kept University");
    rusqlite::Connection::open(sandbox.db())
        .expect("open")
        .execute_batch("PRAGMA user_version = 0")
        .expect("as .recover leaves it");
    let before = std::fs::read(sandbox.db()).expect("read");
    sandbox.refuses(&["list"], 1, "PRAGMA user_version");
    sandbox.refuses(
        &["new", "--institution", "U", "--title", "T"],
        1,
        "sqlite3 .recover",
    );
    assert_eq!(std::fs::read(sandbox.db()).expect("read"), before);
}

fn mcplan_on(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mcplan").expect("mcplan is built");
    cmd.arg("--db").arg(db).env_remove("MCPLAN_DB");
    cmd
}

fn one_line_failure(cmd: &mut Command, named: &str) {
    let assert = cmd.assert().code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert_one_short_line(&stderr);
    assert!(stderr.contains(named), "names {named}: {stderr}");
}

#[test]
fn on_a_read_only_disk_plans_are_read_and_saving_says_read_only() {
    let Some(disk) = ScratchDisk::mount("2m") else {
        return;
    };
    let sandbox = Sandbox::new();
    let db = disk.path().join("plans.sqlite3");
    mcplan_on(&db)
        .args(["new", "--institution", "Stick University", "--title", "T"])
        .assert()
        .success();
    disk.make_read_only();

    let listed = mcplan_on(&db).arg("list").assert().success();
    assert!(String::from_utf8_lossy(&listed.get_output().stdout).contains("Stick University"));
    let elsewhere = sandbox.dir.path().join("plan.pdf");
    mcplan_on(&db)
        .args(["pdf", "1", "--out"])
        .arg(&elsewhere)
        .assert()
        .success();
    assert!(
        elsewhere.exists(),
        "the PDF is written to a writable folder"
    );
    one_line_failure(
        mcplan_on(&db).args(["new", "--institution", "U", "--title", "T"]),
        "read-only",
    );
    one_line_failure(
        mcplan_on(&db)
            .args(["pdf", "1", "--out"])
            .arg(disk.path().join("plan.pdf")),
        "read-only",
    );
}

#[test]
fn on_a_full_disk_saving_and_exporting_say_so_and_keep_what_was_there() {
    let Some(disk) = ScratchDisk::mount("600k") else {
        return;
    };
    let db = disk.path().join("plans.sqlite3");
    mcplan_on(&db)
        .args(["new", "--institution", "Full University", "--title", "T"])
        .assert()
        .success();
    let old_pdf = disk.path().join("plan.pdf");
    std::fs::write(&old_pdf, b"%PDF-1.7 the committee's copy").expect("an earlier PDF");
    let before = plans_in(&db);
    disk.fill();

    one_line_failure(
        mcplan_on(&db).args(["pdf", "1", "--out"]).arg(&old_pdf),
        "the disk is full",
    );
    assert_eq!(
        std::fs::read(&old_pdf).expect("read"),
        b"%PDF-1.7 the committee's copy",
        "the earlier PDF is intact"
    );
    one_line_failure(mcplan_on(&db).args(["demo"]), "full");
    disk.unfill();
    assert_eq!(plans_in(&db), before, "the store is intact");
}
