//! Any bytes as an answers file (`mcplan assess --answers`): parsing never panics, and answers
//! it accepts are stored in a plan whose scores and rollout are then computed without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planner_core::assessment::{AreaResponse, parse_answers_file};
use planner_core::sample_plan;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some(answers) = common::parsed(data, parse_answers_file) else {
        return;
    };
    let mut plan = sample_plan();
    for (area, answers) in answers {
        let response = AreaResponse {
            answers,
            evidence: String::new(),
        };
        plan.assessment
            .set_response(area, response)
            .expect("an accepted answers file fits its areas");
    }
    common::check_detail(plan);
});
