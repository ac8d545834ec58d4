//! Set-up both fuzz targets share: the bytes parsed as a file, and a plan's detail computed end to end.

use planner_core::{Plan, StoredPlan};

/// The fuzzed bytes read as a file by `parse`; `None` (nothing more to check) when they are not
/// UTF-8 or `parse` refuses them.
pub fn parsed<T, E>(data: &[u8], parse: impl Fn(&str) -> Result<T, E>) -> Option<T> {
    parse(std::str::from_utf8(data).ok()?).ok()
}

/// Stores `plan` and computes its whole detail (scores, work plan, rollout), which must serialise.
pub fn check_detail(plan: Plan) {
    let stored = StoredPlan {
        id: 1,
        plan,
        revision: 1,
        created_at: String::new(),
        updated_at: String::new(),
    };
    let detail = stored.detail();
    serde_json::to_string(&detail).expect("a plan's detail serialises");
}
