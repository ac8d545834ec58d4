//! The window's commands, one module per area. Each is declared in `build.rs` and allowed in
//! `capabilities/main-window.json`. A command that computes a plan's figures (the model of a
//! large plan takes milliseconds) is `async`, so it runs off the window's main thread and the
//! window keeps drawing meanwhile.

pub mod assessment;
pub mod plan_files;
pub mod plans;
pub mod report;
pub mod review;
pub mod rollout;
pub mod rollup;
pub mod tables;
pub mod versions;
pub mod workplan;
