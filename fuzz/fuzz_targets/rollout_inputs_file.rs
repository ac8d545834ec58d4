//! Any bytes as a rollout inputs file (`mcplan rollout --inputs`): parsing never panics;
//! accepted inputs serialise and read back; they are checked against the sample plan's
//! profile and, when valid, projected (uptake, budget, scenarios, Monte Carlo) without panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planner_core::rollout::parse_inputs_file;
use planner_core::sample_plan;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some(inputs) = common::parsed(data, parse_inputs_file) else {
        return;
    };
    let written = serde_json::to_string(&inputs).expect("accepted inputs serialise");
    parse_inputs_file(&written).expect("what was written reads back");
    let mut plan = sample_plan();
    plan.rollout = Some(inputs);
    common::check_detail(plan);
});
