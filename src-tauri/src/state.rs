use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use planner_core::{
    DraftEdit, DraftFigures, Plan, PlanDetail, PlanEdit, PlanId, PlanSummary, ProfileForm,
};
use planner_store::Store;

use crate::error::AppError;

/// What the window works on: the plan store, shared by every command.
#[derive(Debug)]
pub struct AppState {
    store: Mutex<Store>,
    /// The report this window last saved: the only file it may ask the computer to open.
    last_export: Mutex<Option<PathBuf>>,
    /// The plan file the app was started to open, until the window takes it.
    opened_at_start: Mutex<Option<PathBuf>>,
}

impl AppState {
    /// Opens the store the CLI also uses (`MCPLAN_DB` or the OS data folder) and, on its first
    /// use, adds the sample plan.
    pub fn open_configured() -> Result<AppState, AppError> {
        let path = planner_store::configured_db_path()?;
        AppState::new(Store::open(&path)?)
    }

    pub fn new(mut store: Store) -> Result<AppState, AppError> {
        store.seed_sample_on_first_use()?;
        Ok(AppState {
            store: Mutex::new(store),
            last_export: Mutex::new(None),
            opened_at_start: Mutex::new(None),
        })
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave the store half-written (SQLite
        // transactions see to that), so a poisoned lock is still safe to use.
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn list_plans(&self) -> Result<Vec<PlanSummary>, AppError> {
        Ok(self.store().list_plans()?)
    }

    /// The store's file and the files beside it, which an export must never overwrite.
    pub fn store_files(&self) -> Vec<std::path::PathBuf> {
        self.store().files()
    }

    /// Notes the report just saved, so that "Open it" opens that file and no other.
    pub fn remember_export(&self, path: PathBuf) {
        *self
            .last_export
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(path);
    }

    pub fn last_export(&self) -> Option<PathBuf> {
        self.last_export
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// The plan with its figures; the model runs after the store's lock is released, so a
    /// preview or a save of another command need not wait for it.
    pub fn get_plan(&self, id: PlanId) -> Result<PlanDetail, AppError> {
        let stored = self.store().get_plan(id)?;
        Ok(stored.detail())
    }

    /// The plan file (.mcplan) text of plan `id`: the plan with its versions.
    pub fn plan_file(&self, id: PlanId) -> Result<String, AppError> {
        let store = self.store();
        let versions = store.get_versions(id)?;
        Ok(planner_core::write_plan_file(
            &store.get_plan(id)?.plan,
            &versions,
        ))
    }

    /// Which version of plan `id` a report of it shows, for its cover.
    pub fn reported_version(&self, id: PlanId) -> Result<planner_core::ReportedVersion, AppError> {
        let store = self.store();
        let versions = store.get_versions(id)?;
        Ok(planner_core::ReportedVersion::of(
            &store.get_plan(id)?.plan,
            versions.last(),
        ))
    }

    pub fn create_plan(&self, form: &ProfileForm) -> Result<PlanDetail, AppError> {
        let (title, profile) = form.validate()?;
        Ok(self
            .store()
            .create_plan(&Plan::new(title, profile))?
            .detail())
    }

    /// The figures `edit` gives, computed without saving anything (the window shows them while
    /// the dean types; the save follows after a pause). The store is only read, and the model
    /// runs after its lock is released.
    pub fn preview_plan_edit(&self, id: PlanId, edit: DraftEdit) -> Result<DraftFigures, AppError> {
        let stored = self.store().get_plan(id)?;
        Ok(edit.preview(stored)?)
    }

    /// Applies one edit to the plan at `expected_revision` (the one the window shows); if the
    /// plan has changed since, nothing is written and the window is told to reload. The figures
    /// are computed after the store's lock is released.
    pub fn edit_plan(
        &self,
        id: PlanId,
        expected_revision: i64,
        edit: PlanEdit,
    ) -> Result<PlanDetail, AppError> {
        let stored = self.store().edit_plan(id, Some(expected_revision), edit)?;
        Ok(stored.detail())
    }
}

mod plan_files;
mod rollup;
mod tables;
mod versions;

pub use plan_files::file_to_open;

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
