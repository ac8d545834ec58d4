//! `mcplan`: the planner from the command line, for scripts and headless use. It reads and
//! writes the same store as the desktop app and prints the same numbers, computed by
//! planner-core. Exit codes: 0 success, 2 invalid input or unknown plan, 1 any other failure.

mod commands;
mod csv;
mod input_file;
mod pdf_comments;
mod plan_files;
mod review;
mod rollup;
mod schedule;
mod versions;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use planner_core::text::one_line;

#[derive(Debug, Parser)]
#[command(
    name = "mcplan",
    version,
    about = "Micro-credential adoption plans from the command line"
)]
struct Cli {
    /// The plan store file to use (default: $MCPLAN_DB when set and not empty, else the desktop
    /// app's own store).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Add the sample plan (a 240,000-student university system) and print its number.
    Demo {
        /// Add the large plan instead (40 credentials, 500 tasks, ten years of three terms,
        /// 10,000 draws), for measuring speed.
        #[arg(long)]
        large: bool,
    },
    /// Create a plan and print its number.
    New {
        /// The institution's name, in any script.
        #[arg(long)]
        institution: String,
        /// The plan's title.
        #[arg(long)]
        title: String,
        /// ISO 3166-1 two-letter country code, such as MX.
        #[arg(long, value_name = "CC", default_value = "")]
        country: String,
        /// Total enrolment (number of students).
        #[arg(
            long,
            value_name = "N",
            default_value = "0",
            allow_hyphen_values = true
        )]
        students: String,
        /// "exploring" (no micro-credentials yet) or "offering" (has some, wants more).
        #[arg(long, value_name = "STAGE", default_value = "exploring")]
        stage: String,
    },
    /// List the plans, most recently edited first.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one plan.
    Show {
        /// The plan's number, as `mcplan list` prints it.
        id: String,
        /// Print the whole plan as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the work plan's schedule: each task's owner, dates, length, slack, and whether it
    /// is critical or ends after its phase's gate.
    Tasks {
        /// The plan's number, as `mcplan list` prints it.
        id: String,
    },
    /// Set assessment answers from a JSON file: area key → ratings in statement order, each
    /// 1–5 or null for "don't know". Areas left out keep their answers.
    Assess {
        /// The plan's number, as `mcplan list` prints it.
        id: String,
        /// The answers file.
        #[arg(long, value_name = "FILE")]
        answers: PathBuf,
    },
    /// Set the rollout model's inputs from a JSON file (the `plan.rollout` object that
    /// `show --json` prints), or set the rollout up with starting assumptions.
    Rollout {
        /// The plan's number, as `mcplan list` prints it.
        id: String,
        /// The inputs file.
        #[arg(
            long,
            value_name = "FILE",
            conflicts_with = "starter",
            required_unless_present = "starter"
        )]
        inputs: Option<PathBuf>,
        /// Start from typical assumptions and an empty portfolio (kept if already set up).
        #[arg(long)]
        starter: bool,
    },
    /// Write a plan's PDF report.
    Pdf {
        /// The plan's number, as `mcplan list` prints it.
        id: String,
        /// Where to write the PDF; an existing file is replaced whole. It must be an ordinary
        /// file (a link is written through), never the plan store; `-` is refused.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[command(flatten)]
        choices: ReportArgs,
    },
    /// Write a plan's report as one accessible HTML file: the PDF's sections and figures,
    /// readable by screen readers and printable from a browser.
    Html {
        /// The plan's number, as `mcplan list` prints it.
        id: String,
        /// Where to write the page; an existing file is replaced whole. It must be an ordinary
        /// file (a link is written through), never the plan store; `-` is refused.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[command(flatten)]
        choices: ReportArgs,
    },
    /// Write a whole plan as a plan file (.mcplan) to send to a committee or another campus.
    Export {
        /// The plan's number, as `mcplan list` prints it.
        id: String,
        /// Where to write the plan file; an existing file is replaced whole. It must be an
        /// ordinary file (a link is written through), never the plan store; `-` is refused.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// List a plan's versions (snapshots), oldest first: number, when it was taken, label.
    Versions {
        /// The plan's number, as `mcplan list` prints it.
        id: String,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Keep the plan as it is now as a new version, and print the version's number. The plan
    /// itself is not changed.
    Snapshot {
        /// The plan's number, as `mcplan list` prints it.
        id: String,
        /// What this version is, such as "sent to committee, 3 March".
        #[arg(long)]
        label: String,
    },
    /// Show the committee review: the plan's status, the reviewers and their decisions, and
    /// the comments by report section. With options, change it first.
    Review {
        /// The plan's number, as `mcplan list` prints it.
        id: String,
        /// Set the plan's status: draft, sent (to committee) or approved.
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        /// Add a reviewer by name; give their role with --role.
        #[arg(long, value_name = "NAME", requires = "role")]
        add_reviewer: Option<String>,
        /// The role of the reviewer added, such as "Provost".
        #[arg(long, value_name = "ROLE", requires = "add_reviewer")]
        role: Option<String>,
        /// Record a reviewer's decision: approved, approved_with_changes or not_approved
        /// (dated today); name the reviewer with --reviewer.
        #[arg(long, value_name = "DECISION", requires = "reviewer")]
        decision: Option<String>,
        /// The reviewer whose decision it is: their name, or their number in the list shown.
        #[arg(long, value_name = "REVIEWER", requires = "decision")]
        reviewer: Option<String>,
        /// Add a comment (open, dated today) on one section of the report; give the section
        /// with --section and who made it with --author.
        #[arg(long, value_name = "TEXT", requires_all = ["section", "author"])]
        comment: Option<String>,
        /// The report section the comment is on, such as budget or work_plan.
        #[arg(long, value_name = "SECTION", requires = "comment")]
        section: Option<String>,
        /// Who made the comment.
        #[arg(long, value_name = "NAME", requires = "comment")]
        author: Option<String>,
    },
    /// Write one of a plan's tables as a CSV file for spreadsheet programs (UTF-8 with a
    /// byte-order mark, CRLF, RFC 4180 quoting, text that looks like a formula made plain text).
    Csv {
        /// The plan's number, as `mcplan list` prints it.
        id: String,
        /// The table: uptake (by term), budget (by fiscal year), schedule (the work plan),
        /// risks or kpis.
        #[arg(long, value_name = "TABLE")]
        table: String,
        /// Where to write the file; an existing file is replaced whole. It must be an ordinary
        /// file (a link is written through), never the plan store; `-` is refused.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Put several plans side by side (a system office rolling up its campuses' plans): per
    /// fiscal year, the enrolments, credits, cost and benefit of each and their totals, and
    /// each campus's headline figures and top three challenges. Printed, or written as CSV, as
    /// a PDF report or as an accessible web page.
    Rollup {
        /// The plans' numbers, as `mcplan list` prints them: two or more.
        #[arg(required = true, num_args = 1.., value_name = "ID")]
        ids: Vec<String>,
        /// Write the roll-up as a CSV table to FILE.
        #[arg(long, value_name = "FILE", group = "rollup_out")]
        csv: Option<PathBuf>,
        /// Write the roll-up as a PDF report to FILE.
        #[arg(long, value_name = "FILE", group = "rollup_out")]
        pdf: Option<PathBuf>,
        /// Write the roll-up as one accessible HTML page to FILE.
        #[arg(long, value_name = "FILE", group = "rollup_out")]
        html: Option<PathBuf>,
    },
    /// Say what changed between two versions of a plan (`compare ID --from 1 [--to 2]`; without
    /// --to, the plan as it is now), or between two plan files (`compare A.mcplan B.mcplan`):
    /// inputs, resulting figures, and credentials, tasks and risks added, removed or changed.
    Compare {
        /// The plan's number (with --from), or the earlier plan file.
        first: String,
        /// The later plan file, when comparing two files.
        #[arg(conflicts_with_all = ["from", "to"], required_unless_present = "from")]
        second: Option<PathBuf>,
        /// The earlier version's number, as `mcplan versions ID` lists it.
        #[arg(long, value_name = "VERSION")]
        from: Option<u32>,
        /// The later version's number (default: the plan as it is now).
        #[arg(long, value_name = "VERSION", requires = "from")]
        to: Option<u32>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Add the plan in a plan file (.mcplan), with its versions, or in a PDF report made by the
    /// planner, as a new plan and print its number. A file that is not a sound plan file is
    /// refused whole and the store is left as it was.
    Import {
        /// The plan file.
        file: PathBuf,
        /// Make the file a new version of this plan instead: the plan as it is now is kept as
        /// a version ("Before importing FILE"), then replaced by the file's plan; the file's
        /// versions are added to the plan's.
        #[arg(long, value_name = "ID")]
        into: Option<String>,
    },
    /// File the comments a committee added to a report PDF in any PDF reader (sticky notes,
    /// highlights with a note, text boxes) in a plan's review, each under the section of the
    /// page it is on; print how many were filed per section. A comment filed before from the
    /// same PDF is not filed again.
    Comments {
        /// The annotated report PDF.
        file: PathBuf,
        /// The plan's number, as `mcplan list` prints it.
        #[arg(long, value_name = "ID")]
        into: String,
    },
}

/// The paper and sections of a report, as `pdf` and `html` take them.
#[derive(Debug, clap::Args)]
struct ReportArgs {
    /// The paper: a4 (the default) or letter.
    #[arg(long, value_name = "SIZE")]
    paper: Option<String>,
    /// The sections to print, by key, separated by commas (the cover always prints):
    /// contents, summary, profile, assessment, actions, timeline, portfolio, uptake, budget,
    /// scenarios, work_plan, engagement, risks, kpis, health, sources, sign_off.
    /// All of them when left out.
    #[arg(long, value_name = "KEYS")]
    sections: Option<String>,
    /// Add the appendix "What changed since the version you reviewed": what changed since
    /// this version of the plan (its number, as `mcplan versions` lists it).
    #[arg(long, value_name = "VERSION")]
    compare_with: Option<u32>,
}

/// A failure, with the exit code it deserves.
#[derive(Debug)]
enum Failure {
    /// The user asked for something invalid or absent: exit 2.
    Input(String),
    /// Anything else: exit 1.
    Other(String),
}

/// The longest message printed, whatever input it quotes.
const MAX_MESSAGE_CHARS: usize = 400;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(&err),
    };
    let (message, code) = match commands::run(cli) {
        Ok(()) => return ExitCode::SUCCESS,
        Err(Failure::Input(message)) => (message, 2),
        Err(Failure::Other(message)) => (message, 1),
    };
    eprintln!("mcplan: {}", one_line(&message, MAX_MESSAGE_CHARS));
    ExitCode::from(code)
}

/// Help and version as clap prints them; a usage mistake as one line and a hint, instead of
/// clap's usage block.
fn usage_error(err: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            return ExitCode::from(2);
        }
        _ => {}
    }
    let rendered = err.render().to_string();
    let mut lines = rendered.lines();
    let first = lines.next().unwrap_or("invalid arguments");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    // "the following required arguments were not provided:" names them on the next line.
    let first = match (first.ends_with(':'), lines.next()) {
        (true, Some(named)) => format!("{first} {}", named.trim()),
        _ => first.to_owned(),
    };
    eprintln!("mcplan: {}", one_line(&first, MAX_MESSAGE_CHARS));
    eprintln!("hint: `mcplan --help` lists the commands, `mcplan COMMAND --help` their options");
    ExitCode::from(2)
}
