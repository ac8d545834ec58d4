//! What the state's test modules share: a state over an in-memory store with the sample plan,
//! and the check that a file aimed at the store itself is refused and leaves it untouched.

use std::path::Path;

use planner_store::Store;

use super::AppState;
use crate::error::AppError;

pub fn in_memory_state() -> AppState {
    AppState::new(Store::open_in_memory().expect("store")).expect("state")
}

/// `written` was refused because `db` is the plan store, saying so, and the store's file is
/// still `before`, byte for byte.
pub fn assert_refused_as_the_store<T: std::fmt::Debug>(
    written: Result<T, AppError>,
    db: &Path,
    before: &[u8],
) {
    let problem = written.expect_err("the store itself").problem();
    assert!(
        problem.message.contains("plan store"),
        "says why: {}",
        problem.message
    );
    assert_eq!(
        std::fs::read(db).expect("store file"),
        before,
        "store untouched"
    );
}
