//! Core, store and report together: what a dean types is what the committee reads; and the
//! names the app's parts must agree on.

mod command_names;

use chrono::NaiveDate;
use planner_core::ProfileForm;
use planner_report::ReportOptions;
use planner_store::Store;
use planner_test_support::pdf_text;

const NAMES: [&str; 4] = [
    "Universidad Nacional Autónoma de México",
    "Łódź University of Technology",
    "Московский университет",
    "Ελληνικό Ανοικτό Πανεπιστήμιο",
];

#[test]
fn names_typed_in_any_script_survive_the_store_and_print_exactly_in_the_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("plans.sqlite3");
    let ids: Vec<i64> = {
        let store = Store::open(&db).expect("open store");
        NAMES
            .iter()
            .map(|name| {
                let title = format!("Adoption plan — {name}");
                let form = ProfileForm::essentials(&title, name, "12 000", "exploring");
                let (title, profile) = form.validate().expect("valid form");
                store
                    .create_plan(&planner_core::Plan::new(title, profile))
                    .expect("create")
                    .id
            })
            .collect()
    };

    let store = Store::open(&db).expect("reopen store");
    let options = ReportOptions::dated(NaiveDate::from_ymd_opt(2026, 11, 29).expect("date"));
    for (id, name) in ids.iter().zip(NAMES) {
        let plan = store.get_plan(*id).expect("stored plan").detail();
        let out = dir.path().join(format!("{id}.pdf"));
        planner_report::export(&plan, &options, &out).expect("export");
        let text = pdf_text(&out);
        assert!(
            text.contains(name),
            "the PDF prints {name} exactly; it has: {text}"
        );
        assert!(
            text.contains(&format!("Adoption plan — {name}")),
            "title printed: {text}"
        );
    }
}
