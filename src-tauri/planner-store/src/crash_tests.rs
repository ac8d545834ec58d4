//! The crash test: a writer process saving a burst of edits is killed (SIGKILL) at random
//! moments, over and over, on one store. After every kill the store passes SQLite's integrity
//! check and holds every edit the writer acknowledged, that is printed after its commit.
//!
//! The writer is this same test binary started again on the ignored test [`writer`]. The
//! number of kills is `MCPLAN_CRASH_KILLS` (200 by default).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use planner_core::{InstitutionProfile, Plan, PlanEdit, PlanId, ProfileForm, Stage};

use super::*;

const WRITER_DB: &str = "MCPLAN_CRASH_WRITER_DB";

fn titled(title: String) -> Plan {
    Plan::new(
        title,
        InstitutionProfile::new("Crash University", 9_000, Stage::Offering),
    )
}

/// Opens the store, adds a plan and edits it again and again, printing `ack ID N` after each
/// edit N is committed. Runs until killed.
#[test]
#[ignore = "the crash test's writer; crash_test starts it and kills it"]
fn writer() {
    let Some(db) = std::env::var_os(WRITER_DB) else {
        return;
    };
    let mut store = Store::open(Path::new(&db)).expect("writer opens the store");
    let first = titled("edit 0".into());
    let id = store.create_plan(&first).expect("create").id;
    let mut out = std::io::stdout().lock();
    writeln!(out, "ack {id} 0")
        .and_then(|()| out.flush())
        .expect("ack");
    for n in 1.. {
        let form = ProfileForm::from_plan(&format!("edit {n}"), &first.profile);
        store
            .edit_plan(id, None, PlanEdit::Profile(Box::new(form)))
            .expect("edit");
        writeln!(out, "ack {id} {n}")
            .and_then(|()| out.flush())
            .expect("ack");
    }
}

/// A small xorshift generator: the kill moments need only be spread, not secret.
struct Moments(u64);

impl Moments {
    fn next_micros(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

fn edit_number(plan: &Plan) -> u64 {
    plan.title
        .strip_prefix("edit ")
        .and_then(|n| n.parse().ok())
        .expect("titles are `edit N`")
}

#[test]
fn killed_writers_never_lose_an_acknowledged_edit_or_damage_the_store() {
    let kills: usize = std::env::var("MCPLAN_CRASH_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("crash").join("plans.sqlite3");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    eprintln!("crash test: {kills} kills, seed {seed}");
    let mut moments = Moments(seed);
    // The last acknowledged edit of every plan, over all the writers so far.
    let mut acknowledged: BTreeMap<PlanId, u64> = BTreeMap::new();
    let exe = std::env::current_exe().expect("test binary");
    for kill in 0..kills {
        let mut child = Command::new(&exe)
            .args(["crash_tests::writer", "--exact", "--ignored", "--nocapture"])
            .env(WRITER_DB, &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the writer");
        let stdout = child.stdout.take().expect("piped");
        let (acks, received) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(rest) = line.strip_prefix("ack ") {
                    let (id, n) = rest.split_once(' ').expect("ack ID N");
                    let ack = (id.parse().expect("id"), n.parse().expect("n"));
                    if acks.send(ack).is_err() {
                        break;
                    }
                }
            }
        });
        // Some kills land while the writer starts (even mid-migration on the first runs),
        // most during the burst of edits.
        std::thread::sleep(Duration::from_micros(moments.next_micros(60_000)));
        child.kill().expect("SIGKILL the writer");
        child.wait().expect("reap the writer");
        reader.join().expect("reader thread");
        for (id, n) in received.try_iter() {
            let last = acknowledged.entry(id).or_default();
            *last = (*last).max(n);
        }

        if !db.exists() {
            continue;
        }
        let store = Store::open(&db).unwrap_or_else(|e| panic!("kill {kill}: reopen: {e}"));
        let integrity: String = store
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity check runs");
        assert_eq!(integrity, "ok", "kill {kill}: integrity");
        for (id, n) in &acknowledged {
            let plan = store
                .get_plan(*id)
                .unwrap_or_else(|e| panic!("kill {kill}: acknowledged plan {id} lost: {e}"));
            assert!(
                edit_number(&plan.plan) >= *n,
                "kill {kill}: plan {id} has edit {} but edit {n} was acknowledged",
                edit_number(&plan.plan)
            );
        }
    }
    assert!(
        acknowledged.values().sum::<u64>() > 0,
        "the writers acknowledged edits between the kills"
    );
    eprintln!(
        "crash test: {kills} kills, {} plans, {} acknowledged edits all present",
        acknowledged.len(),
        acknowledged.values().map(|n| n + 1).sum::<u64>()
    );
}
