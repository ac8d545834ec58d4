/// Every command the window may call. Declaring them here makes Tauri generate a permission per
/// command, so `capabilities/` decides what the webview can reach; an undeclared command is not
/// checked at all.
const COMMANDS: &[&str] = &[
    "list_plans",
    "get_plan",
    "create_plan",
    "update_profile",
    "preview_plan_edit",
    "get_profile_options",
    "get_assessment_guide",
    "save_area_response",
    "set_wizard_position",
    "set_action_adopted",
    "start_rollout",
    "update_rollout",
    "edit_work_plan",
    "edit_risks",
    "set_kpi",
    "set_engagement",
    "edit_review",
    "comments_from_pdf",
    "export_pdf",
    "export_html",
    "open_exported",
    "plan_health",
    "export_plan_file",
    "import_plan_file",
    "import_file_opened_at_start",
    "export_table_csv",
    "roll_up_plans",
    "export_rollup",
    "list_versions",
    "snapshot_plan",
    "compare_versions",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
