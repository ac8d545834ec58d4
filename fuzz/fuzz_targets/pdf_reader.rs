//! Any bytes as a PDF brought back (`mcplan import X.pdf`, `mcplan comments X.pdf`): taking
//! the plan out of it and reading its comments never panic; a plan taken out goes on to the
//! plan-file reader, and the comments read are ones the review files without refusal.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use planner_core::review::{Review, ReviewEdit};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = planner_report::plan_file_in_pdf(data) {
        let _ = planner_core::read_plan_file(&text);
    }
    let today = NaiveDate::from_ymd_opt(2027, 3, 10).expect("a date");
    if let Ok(comments) = planner_report::review_comments_in_pdf(data, today) {
        ReviewEdit::FileComments { comments }
            .apply(&Review::default())
            .expect("comments read from a PDF are ones the review takes");
    }
});
