//! The window's commands, one module per area. Each is declared in `build.rs` and allowed in
//! `capabilities/main-window.json`.

pub mod assessment;
pub mod plan_files;
pub mod plans;
pub mod report;
pub mod review;
pub mod rollout;
pub mod workplan;
