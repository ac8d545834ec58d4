use std::io::Write;
use std::path::Path;

use chrono::Local;
use planner_core::assessment::parse_answers_file;
use planner_core::compare::ChangesSince;
use planner_core::format::{Money, count, format_count, long_date, payback_range};
use planner_core::report::{Paper, ReportChoices, parse_sections};
use planner_core::rollout::{Band, parse_inputs_file};
use planner_core::text::excerpt;
use planner_core::{
    Plan, PlanDetail, PlanEdit, PlanId, ProfileForm, ReportedVersion, RolloutStatus, StoredPlan,
    write_plan_file,
};
use planner_store::Store;

use crate::input_file::{MAX_ANSWERS_BYTES, MAX_INPUTS_BYTES, read_input_file};
use crate::schedule::tasks_table;
use crate::{Cli, Command, Failure, ReportArgs, pdf_comments, plan_files, review, versions};

type Outcome = Result<(), Failure>;

impl From<planner_store::Error> for Failure {
    fn from(err: planner_store::Error) -> Self {
        match err {
            planner_store::Error::NotFound(_)
            | planner_store::Error::Invalid(_)
            | planner_store::Error::VersionNotFound { .. }
            | planner_store::Error::Missing { .. }
            | planner_store::Error::NotAPlainPath { .. }
            | planner_store::Error::IsAFolder { .. } => Failure::Input(err.to_string()),
            other => Failure::Other(other.to_string()),
        }
    }
}

pub(crate) fn run(cli: Cli) -> Outcome {
    let path = match cli.db {
        Some(path) => path,
        None => planner_store::configured_db_path()?,
    };
    // A plan file is read and checked whole before the store is opened (or created), so a
    // refused import leaves no trace.
    // Two plan files are compared without a store.
    if let Command::Compare {
        first,
        second: Some(second),
        json,
        ..
    } = &cli.command
    {
        let (before, after) = (
            planner_report::read_plan_file_at(Path::new(first))?,
            planner_report::read_plan_file_at(second)?,
        );
        return say(&versions::compared(&before.plan, &after.plan, *json)?);
    }
    if let Command::Import { file, into } = &cli.command {
        let into = into.as_deref().map(parse_id).transpose()?;
        let plan_file = planner_report::read_plan_file_at(file)?;
        let mut store = Store::open(&path)?;
        let stored = match into {
            None => store.import_plan(&plan_file)?,
            Some(id) => {
                let name = file.file_name().unwrap_or_default().to_string_lossy();
                store.import_into(id, &plan_file, &name)?
            }
        };
        return say_after_saving(&stored.id.to_string());
    }
    // The same for comments brought back from a PDF.
    if let Command::Comments { file, into } = &cli.command {
        let id = parse_id(into)?;
        let report = planner_report::read_annotated_report_at(file, Local::now().date_naive())?;
        // An unknown store or plan is refused before anything is opened for writing.
        Store::open_existing(&path)?.get_plan(id)?;
        let mut store = Store::open(&path)?;
        let filed = pdf_comments::file(&mut store, id, report, file)?;
        return say_after_saving(&filed);
    }
    // Commands that only read never create a store, and work on a read-only disk.
    let reads_only = matches!(
        cli.command,
        Command::List { .. }
            | Command::Show { .. }
            | Command::Tasks { .. }
            | Command::Pdf { .. }
            | Command::Html { .. }
            | Command::Export { .. }
            | Command::Versions { .. }
            | Command::Csv { .. }
            | Command::Review {
                status: None,
                add_reviewer: None,
                decision: None,
                comment: None,
                ..
            }
            | Command::Rollup { .. }
    );
    let mut store = if reads_only {
        Store::open_existing(&path)?
    } else {
        Store::open(&path)?
    };
    match cli.command {
        Command::Demo { large: false } => {
            let plan = store.add_sample_plan()?;
            say_after_saving(&plan.id.to_string())
        }
        Command::Demo { large: true } => {
            let plan = store.create_plan(&planner_core::sample::large_plan())?;
            say_after_saving(&plan.id.to_string())
        }
        Command::New {
            institution,
            title,
            country,
            students,
            stage,
        } => {
            let form = ProfileForm {
                country,
                ..ProfileForm::essentials(&title, &institution, &students, &stage)
            };
            let (title, profile) = form.validate().map_err(|e| Failure::Input(e.summary()))?;
            let plan = store.create_plan(&Plan::new(title, profile))?;
            say_after_saving(&plan.id.to_string())
        }
        Command::List { json } => list(&store, json),
        Command::Show { id, json } => {
            let plan = store.get_plan(parse_id(&id)?)?.detail();
            if json {
                say(&to_json(&plan)?)
            } else {
                say(&describe(&plan))
            }
        }
        Command::Tasks { id } => say(&tasks_table(&store.get_plan(parse_id(&id)?)?.detail())?),
        Command::Assess { id, answers } => assess(&mut store, parse_id(&id)?, &answers),
        Command::Rollout {
            id,
            inputs,
            starter,
        } => rollout(&mut store, parse_id(&id)?, inputs.as_deref(), starter),
        Command::Pdf { id, out, choices } => {
            let choices = report_choices(&choices)?;
            check_destination(&out, &store, "plan.pdf")?;
            let id = parse_id(&id)?;
            let stored = store.get_plan(id)?;
            let versions = store.get_versions(id)?;
            let version = ReportedVersion::of(&stored.plan, versions.last());
            let changes = changes_since(&store, &stored, &choices)?;
            let plan_file = write_plan_file(&stored.plan, &versions);
            pdf(
                &stored.detail(),
                (plan_file, version),
                &out,
                choices,
                changes,
            )
        }
        Command::Html { id, out, choices } => {
            let choices = report_choices(&choices)?;
            check_destination(&out, &store, "plan.html")?;
            let id = parse_id(&id)?;
            let stored = store.get_plan(id)?;
            let version = ReportedVersion::of(&stored.plan, store.get_versions(id)?.last());
            let changes = changes_since(&store, &stored, &choices)?;
            html(&stored.detail(), version, &out, choices, changes)
        }
        Command::Review {
            id,
            status,
            add_reviewer,
            role,
            decision,
            reviewer,
            comment,
            section,
            author,
        } => {
            let changes = review::ReviewChanges {
                status,
                add_reviewer: add_reviewer.zip(role),
                decision: reviewer.zip(decision),
                comment: comment
                    .zip(section)
                    .zip(author)
                    .map(|((text, section), author)| review::NewComment {
                        text,
                        section,
                        author,
                    }),
                today: Local::now().date_naive(),
            };
            let changed = changes.any();
            let text = review::review(&mut store, parse_id(&id)?, changes)?;
            if changed {
                say_after_saving(&text)
            } else {
                say(&text)
            }
        }
        Command::Export { id, out } => {
            check_destination(&out, &store, "plan.mcplan")?;
            let id = parse_id(&id)?;
            let versions = store.get_versions(id)?;
            let written = plan_files::export(&store.get_plan(id)?.plan, &versions, &out)?;
            say(&written)
        }
        Command::Versions { id, json } => say(&versions::listed(
            &store.list_versions(parse_id(&id)?)?,
            json,
        )?),
        Command::Compare {
            first,
            from,
            to,
            json,
            ..
        } => {
            let id = parse_id(&first)?;
            let from = from.expect("clap requires --from without a second file");
            let before = store.get_version(id, from)?.plan;
            let after = match to {
                Some(to) => store.get_version(id, to)?.plan,
                None => store.get_plan(id)?.plan,
            };
            say(&versions::compared(&before, &after, json)?)
        }
        Command::Snapshot { id, label } => {
            let version = store.snapshot_plan(parse_id(&id)?, &label)?;
            say_after_saving(&version.number.to_string())
        }
        Command::Csv { id, table, out } => {
            let table = crate::csv::parse_table(&table)?;
            check_destination(&out, &store, "table.csv")?;
            say(&crate::csv::table(
                &store.get_plan(parse_id(&id)?)?.detail(),
                table,
                &out,
            )?)
        }
        Command::Rollup {
            ids,
            csv,
            pdf,
            html,
        } => crate::rollup::run(&store, &ids, crate::rollup::Output { csv, pdf, html }),
        Command::Import { .. } | Command::Comments { .. } => {
            unreachable!("imports and comments are read before the store opens")
        }
    }
}

fn list(store: &Store, json: bool) -> Outcome {
    let (plans, damaged) = store.list_plans_and_damaged()?;
    // Damaged plans are named on stderr, so `--json` output stays the list of plans.
    for id in &damaged {
        eprintln!(
            "mcplan: plan number {id} is damaged and cannot be listed; `mcplan show {id}` says why"
        );
    }
    if json {
        return say(&to_json(&plans)?);
    }
    if plans.is_empty() && damaged.is_empty() {
        return say("No plans yet. Create one with `mcplan new` or `mcplan demo`.");
    }
    let mut out = String::new();
    for plan in &plans {
        let edited = plan.updated_at.get(..10).unwrap_or(&plan.updated_at);
        out.push_str(&format!(
            "{:>4}  {}  {}  ({}, edited {edited})\n",
            plan.id,
            plan.title,
            plan.institution_name,
            plan.stage.key()
        ));
    }
    say(out.trim_end())
}

/// Sets answers from a file; the whole file is checked before anything is saved.
fn assess(store: &mut Store, id: PlanId, file: &Path) -> Outcome {
    let text = read_input_file(file, "the answers file", MAX_ANSWERS_BYTES)?;
    let answers = parse_answers_file(&text)
        .map_err(|e| Failure::Input(format!("{}: {e}", file.display())))?;
    let detail = edit(store, id, PlanEdit::Answers(answers), file)?;
    say_after_saving(&describe_assessment(&detail))
}

/// Sets the rollout inputs from a file (all checked before anything is saved) or starts one.
fn rollout(store: &mut Store, id: PlanId, file: Option<&Path>, starter: bool) -> Outcome {
    let detail = match file {
        Some(file) => {
            let text = read_input_file(file, "the inputs file", MAX_INPUTS_BYTES)?;
            let inputs = parse_inputs_file(&text)
                .map_err(|e| Failure::Input(format!("{}: {e}", file.display())))?;
            edit(store, id, PlanEdit::Rollout(Box::new(inputs)), file)?
        }
        None if starter => {
            let today = Local::now().date_naive();
            let edit = PlanEdit::StartRollout { today };
            store.edit_plan(id, None, edit)?.detail()
        }
        None => return Err(Failure::Input("say --inputs FILE or --starter".into())),
    };
    say_after_saving(&describe_projection(&detail))
}

/// Applies an edit read from `file` to the latest plan; a refusal names the file and each field.
fn edit(store: &mut Store, id: PlanId, edit: PlanEdit, file: &Path) -> Result<PlanDetail, Failure> {
    match store.edit_plan(id, None, edit) {
        Ok(stored) => Ok(stored.detail()),
        Err(planner_store::Error::Invalid(errors)) => Err(Failure::Input(format!(
            "{}: {}",
            file.display(),
            errors.first_problems()
        ))),
        Err(other) => Err(other.into()),
    }
}

fn describe_projection(detail: &PlanDetail) -> String {
    let result = match &detail.projection {
        RolloutStatus::NotStarted => {
            return "Rollout plan: not set up yet (`mcplan rollout ID --starter`)".to_owned();
        }
        RolloutStatus::NeedsAttention { problems } => {
            let list: Vec<String> = problems
                .iter()
                .map(|p| format!("  {}: {}", p.field, p.message))
                .collect();
            return format!("Rollout plan: needs attention\n{}", list.join("\n"));
        }
        RolloutStatus::Projected { result } => result,
    };
    let money = Money::new(&result.currency);
    let totals = &result.uptake.totals;
    let budget = &result.budget;
    let payback = match budget.payback_year.as_deref() {
        None => "not within the horizon".to_owned(),
        Some(year) if budget.payback_carried_by_grants => format!("{year} (carried by grants)"),
        Some(year) => year.to_owned(),
    };
    let expected = format!(
        "Rollout plan {} to {} ({} terms, {} credentials)\n  Enrolments:        {}\n  \
         Completions:       {}\n  Credits awarded:   {}\n  Total cost:        {}\n  \
         Total benefit:     {}\n  Payback:           {payback}",
        long_date(result.start_date),
        long_date(result.end_date),
        result.terms.len(),
        result.credits.len(),
        count(totals.enrolments),
        count(totals.completions),
        count(totals.credits_awarded),
        money.format(budget.total_cost),
        money.format(budget.total_benefit),
    );
    let Some(bands) = &result.uncertainty else {
        return expected;
    };
    let range =
        |b: Band, format: &dyn Fn(f64) -> String| format!("{} – {}", format(b.p10), format(b.p90));
    let as_money = |v: f64| money.format(v);
    format!(
        "{expected}\n  Ranges from {} draws (P10 – P90):\n    Enrolments:      {}\n    \
         Completions:     {}\n    Credits awarded: {}\n    Net cost:        {}\n    \
         Payback:         {}",
        format_count(u64::from(bands.draws)),
        range(bands.enrolments, &count),
        range(bands.completions, &count),
        range(bands.credits_awarded, &count),
        range(bands.net_cost, &as_money),
        payback_range(&result.fiscal_years, &bands.payback_year),
    )
}

/// `--out` must name a file that is not the store; `-` (standard output) is refused, since a
/// report on a terminal is noise and a pipe cannot be written atomically.
pub(crate) fn check_destination(out: &Path, store: &Store, example: &str) -> Outcome {
    if out.as_os_str() == "-" {
        let kind = match example.rsplit_once('.') {
            Some((_, "pdf")) => "PDF",
            Some((_, "mcplan")) => "plan file",
            Some((_, "csv")) => "table",
            _ => "report",
        };
        return Err(Failure::Input(format!(
            "--out -: the {kind} cannot go to standard output; give a file name such as {example}"
        )));
    }
    planner_report::refuse_protected(out, &store.files())
        .map_err(|err| Failure::Input(err.to_string()))
}

/// `--paper`, `--sections` and `--compare-with` as typed; left out, A4, every section and no
/// appendix of changes.
fn report_choices(args: &ReportArgs) -> Result<ReportChoices, Failure> {
    let mut choices = ReportChoices::default();
    if let Some(typed) = args.paper.as_deref() {
        choices.paper = Paper::parse(typed).ok_or_else(|| {
            Failure::Input(format!("--paper {typed:?}: the paper is a4 or letter"))
        })?;
    }
    if let Some(typed) = args.sections.as_deref() {
        choices.sections = parse_sections(typed)
            .map_err(|problem| Failure::Input(format!("--sections: {problem}")))?;
    }
    choices.changes_since = args.compare_with;
    Ok(choices)
}

/// What changed since the version `--compare-with` names, for the report's appendix.
fn changes_since(
    store: &Store,
    stored: &StoredPlan,
    choices: &ReportChoices,
) -> Result<Option<ChangesSince>, Failure> {
    let Some(number) = choices.changes_since else {
        return Ok(None);
    };
    let version = store.get_version(stored.id, number)?;
    Ok(Some(ChangesSince::new(&version, &stored.plan)))
}

/// Writes the PDF report of `version` of the plan, carrying `plan_file` (the plan with its
/// versions) as an attachment.
fn pdf(
    plan: &PlanDetail,
    (plan_file, version): (String, ReportedVersion),
    out: &Path,
    choices: ReportChoices,
    changes: Option<ChangesSince>,
) -> Outcome {
    let options = planner_report::ReportOptions {
        generated_on: Local::now().date_naive(),
        choices,
        plan_file: Some(plan_file),
        version,
        changes,
    };
    let report = planner_report::export(plan, &options, out).map_err(report_failure)?;
    say(&format!(
        "Wrote {} ({} pages, {} bytes)",
        out.display(),
        report.pages,
        report.bytes.len()
    ))
}

fn html(
    plan: &PlanDetail,
    version: ReportedVersion,
    out: &Path,
    choices: ReportChoices,
    changes: Option<ChangesSince>,
) -> Outcome {
    let options = planner_report::ReportOptions {
        generated_on: Local::now().date_naive(),
        choices,
        plan_file: None,
        version,
        changes,
    };
    let bytes = planner_report::export_html(plan, &options, out).map_err(report_failure)?;
    say(&format!("Wrote {} ({bytes} bytes)", out.display()))
}

/// A destination that cannot hold a file is the user's to fix (exit 2); anything else is not.
pub(crate) fn report_failure(err: planner_report::Error) -> Failure {
    match err {
        planner_report::Error::Destination { .. } => Failure::Input(err.to_string()),
        other => Failure::Other(other.to_string()),
    }
}

pub(crate) fn parse_id(text: &str) -> Result<PlanId, Failure> {
    text.trim()
        .parse::<PlanId>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| {
            Failure::Input(format!(
                "“{}” is not a plan number; `mcplan list` shows the numbers",
                excerpt(text)
            ))
        })
}

fn describe(detail: &PlanDetail) -> String {
    let plan = &detail.stored;
    let profile = &plan.plan.profile;
    let country = match (profile.country_name(), &profile.country) {
        (Some(name), Some(code)) => format!("{name} ({code})"),
        _ => "not set".to_owned(),
    };
    format!(
        "{}\n  Institution:     {}\n  Country:         {country}\n  Total enrolment: {}\n  \
         Stage:           {}\n  Last edited:     {}",
        plan.plan.title,
        profile.name,
        format_count(u64::from(profile.total_enrolment)),
        profile.stage.label(),
        plan.updated_at
    ) + "\n\n"
        + &describe_assessment(detail)
        + "\n\n"
        + &describe_projection(detail)
}

fn describe_assessment(detail: &PlanDetail) -> String {
    let result = &detail.assessment_result;
    let mut out = format!(
        "Challenge assessment ({} of {} statements answered)\n",
        result.answered, result.total
    );
    for area in &result.areas {
        let score = match (area.score, &area.band_label) {
            (Some(score), Some(band)) => format!("{score:>3}/100  {band}"),
            _ => "  not yet scored".to_owned(),
        };
        let rank = area
            .rank
            .map_or(String::new(), |r| format!("  (#{r} weakest)"));
        out.push_str(&format!("  {:<38} {score}{rank}\n", area.title));
    }
    out.trim_end().to_owned()
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value).map_err(|err| Failure::Other(err.to_string()))
}

/// Prints what a command that saved prints. The plan is saved by then, so failing to print
/// (a full disk behind `> file`) is reported on stderr but is not the command failing: a
/// script that retried on exit 1 would save the plan twice.
fn say_after_saving(text: &str) -> Outcome {
    if let Err(Failure::Other(message) | Failure::Input(message)) = say(text) {
        eprintln!("mcplan: the plan was saved, but {message}");
    }
    Ok(())
}

/// Prints a line; a closed pipe (`mcplan list | head`) is not an error worth a panic.
pub(crate) fn say(text: &str) -> Outcome {
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{text}") {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Other(format!("could not write the output: {err}")))
        }
        _ => Ok(()),
    }
}
