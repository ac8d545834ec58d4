//! Any bytes as a plan file (`mcplan import`, the window's import): reading never panics, and
//! a plan it accepts (with its versions) writes back to a file that reads as the same plan, and computes end to end.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planner_core::{read_plan_file, write_plan_file};

mod common;

fuzz_target!(|data: &[u8]| {
    let Some(file) = common::parsed(data, read_plan_file) else {
        return;
    };
    let again = read_plan_file(&write_plan_file(&file.plan, &file.versions))
        .expect("a plan file it wrote reads back");
    assert_eq!(again, file, "a plan comes back from its file as it went out");
    common::check_detail(file.plan);
});
