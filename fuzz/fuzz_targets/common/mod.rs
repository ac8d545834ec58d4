//! Set-up both fuzz targets share: the bytes as text, and a plan's detail computed end to end.

use planner_core::{Plan, StoredPlan};

/// The fuzzed bytes as text; `None` (nothing to check) when they are not UTF-8.
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
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
