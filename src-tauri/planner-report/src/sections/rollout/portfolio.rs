//! The credential portfolio and its credit mapping: what is offered, to whom and from when;
//! the credit each credential's learning hours suggest under each convention beside the
//! credit granted at home; grants the hours or the recommendation cannot support, flagged
//! with planner-core's own arithmetic.

use planner_core::format_count;
use planner_core::rollout::{
    Credential, CredentialRef, CreditConversion, CreditRecommendation, ProviderKind,
    StandardElements,
};

use crate::document::ReportDocument;
use crate::layout::{CONTENT_LEFT, CONTENT_WIDTH, MM, styles};
use crate::sections::rollout::{NO_VALUE, Rollout, and_list, capitalised, number_word, sentence};
use crate::sections::{introduction, open_section, titled_table};
use crate::table::{self, Column, Table};
use planner_core::format::{count, one_decimal};

pub(crate) const TITLE: &str = "Credential portfolio and credit mapping";
pub(crate) const MAPPING_TITLE: &str = "Credit mapping";
pub(crate) const ELEMENTS_TITLE: &str = "Standard elements";
/// Marks a grant the plan flags, in the table and before its explanation.
pub(crate) const FLAG: &str = "⚠";
pub(crate) const NO_FLAGS: &str = "No grant exceeds what its learning hours support under the \
     home convention, or what its external recommendation allows.";
pub(crate) const CONVENTIONS: &str = "Suggested credit divides the learning hours by each \
     convention's hours per credit: ECTS 25–30 hours; a US semester credit hour about 45 hours \
     of total learning (a quarter hour two thirds of that); NSQF/NCrF 30 notional hours; UK \
     CATS 10 notional hours. The usual pairing of 2 CATS with 1 ECTS credit (a full year is 120 \
     CATS or 60 ECTS) is a convention between the frameworks, not an hours conversion, so by \
     hours the CATS figure is 2.5–3 times the ECTS one; an ECTS recommendation is doubled for \
     CATS.";
/// Said beside the mapping when any recommendation is a placeholder.
pub(crate) const ILLUSTRATIVE: &str = "Recommendations marked illustrative are placeholders, \
     not the bodies' published figures; enter the real ones in the planner.";

pub(crate) fn draw(doc: &mut ReportDocument, rollout: &Rollout<'_>) {
    let result = rollout.result;
    open_section(doc, TITLE);
    introduction(doc, &summary(rollout));
    doc.move_down(5.0 * MM);

    if result.credits.is_empty() {
        return;
    }
    portfolio_table(doc, rollout);

    doc.move_down(9.0 * MM);
    mapping_table(doc, rollout);
    doc.move_down(3.0 * MM);
    let flagged: Vec<(String, &str)> = result
        .credits
        .iter()
        .flat_map(|c| {
            let title = rollout.title(c.credential_index);
            c.flags
                .iter()
                .map(move |f| (title.clone(), f.message.as_str()))
        })
        .collect();
    if flagged.is_empty() {
        doc.paragraph(CONTENT_LEFT, CONTENT_WIDTH, &styles::BODY, NO_FLAGS);
    } else {
        for (title, message) in flagged {
            let style = styles::BODY;
            doc.keep_together(2.0 * style.line_height);
            doc.paragraph(
                CONTENT_LEFT,
                CONTENT_WIDTH,
                &style,
                &format!("{FLAG} {title}: {}", sentence(message)),
            );
            doc.move_down(1.0 * MM);
        }
    }

    let elements: Vec<(String, &StandardElements)> = rollout
        .inputs
        .map(|inputs| {
            inputs
                .credentials
                .iter()
                .filter(|c| described(&c.standard_elements))
                .map(|c| (c.title.clone(), &c.standard_elements))
                .collect()
        })
        .unwrap_or_default();
    if !elements.is_empty() {
        doc.move_down(9.0 * MM);
        elements_table(doc, &elements);
    }
}

/// "Ten credentials from Google, IBM and Microsoft, launching from Fall 2027 to Fall 2028."
fn summary(rollout: &Rollout<'_>) -> String {
    let Some(inputs) = rollout.inputs.filter(|i| !i.credentials.is_empty()) else {
        return "The portfolio has no credentials yet.".to_owned();
    };
    let mut providers: Vec<String> = Vec::new();
    for credential in &inputs.credentials {
        let name = provider(credential);
        if !providers.contains(&name) {
            providers.push(name);
        }
    }
    let n = inputs.credentials.len();
    let noun = if n == 1 { "credential" } else { "credentials" };
    let first = inputs.credentials.iter().map(|c| c.launch_term).min();
    let last = inputs.credentials.iter().map(|c| c.launch_term).max();
    let launching = match (first, last) {
        (Some(first), Some(last)) if first != last => format!(
            ", launching from {} to {}",
            rollout.term_label(first),
            rollout.term_label(last)
        ),
        (Some(first), _) => format!(", launching in {}", rollout.term_label(first)),
        _ => String::new(),
    };
    format!(
        "{} {noun} from {}{launching}. Each is offered to the students of its target programs; \
         a student in two target programs is eligible for both credentials.",
        capitalised(&number_word(n)),
        and_list(&providers),
    )
}

fn provider(credential: &Credential) -> String {
    let name = credential.provider.name.trim();
    match credential.provider.kind {
        ProviderKind::Industry => name.to_owned(),
        ProviderKind::InHouse if name.is_empty() => "In-house".to_owned(),
        ProviderKind::InHouse => format!("{name} (in-house)"),
    }
}

fn portfolio_table(doc: &mut ReportDocument, rollout: &Rollout<'_>) {
    let widths = [56.0 * MM, 19.0 * MM, 21.0 * MM];
    let eligible_width = 20.0 * MM;
    let used: f32 = widths.iter().sum::<f32>() + eligible_width;
    let columns = [
        Column::left(widths[0], styles::CELL).with_muted_details(),
        Column::right(widths[1], styles::CELL),
        Column::left(widths[2], styles::CELL),
        Column::left(CONTENT_WIDTH - used, styles::CELL),
        Column::right(eligible_width, styles::CELL),
    ];
    let rows = rollout
        .result
        .uptake
        .credentials
        .iter()
        .map(|uptake| {
            let index = uptake.credential_index;
            let credential = rollout.credential(index);
            let mut about = uptake.title.clone();
            if let Some(c) = credential {
                about.push_str(&format!("\n{} · {}", provider(c), c.field.label()));
                let stacks: Vec<String> = c
                    .stacks_into
                    .iter()
                    .map(|r| match r {
                        CredentialRef::Index(i) => rollout.title(*i),
                        CredentialRef::Title(title) => title.clone(),
                    })
                    .collect();
                if !stacks.is_empty() {
                    about.push_str(&format!("\nStacks into {}", and_list(&stacks)));
                }
            }
            let programs = credential.map_or(NO_VALUE.to_owned(), |c| {
                if c.target_programs.is_empty() {
                    NO_VALUE.to_owned()
                } else {
                    c.target_programs
                        .iter()
                        .map(|p| {
                            format!(
                                "{} ({})",
                                p.name.trim(),
                                format_count(u64::from(p.enrolment))
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                }
            });
            vec![
                about,
                credential.map_or(NO_VALUE.to_owned(), |c| one_decimal(c.learning_hours)),
                credential.map_or(NO_VALUE.to_owned(), |c| launch(rollout, c.launch_term)),
                programs,
                count(uptake.eligible),
            ]
        })
        .collect();
    table::draw(
        doc,
        &Table {
            columns: &columns,
            header: Some(table::titles(&[
                "Credential",
                "Learning hours",
                "Launch",
                "Target programs (students)",
                "Eligible students",
            ])),
            rows,
            ..Table::default()
        },
    );
}

fn launch(rollout: &Rollout<'_>, term: u32) -> String {
    if (term as usize) < rollout.result.terms.len() {
        rollout.term_label(term)
    } else {
        "After the horizon".to_owned()
    }
}

fn mapping_table(doc: &mut ReportDocument, rollout: &Rollout<'_>) {
    let result = rollout.result;
    let custom = result.credits.iter().find_map(|c| {
        c.custom_credits
            .map(|_| format!("Own rule ({} h)", one_decimal(c.home_hours_per_credit)))
    });
    let quarter = result
        .credits
        .first()
        .is_some_and(|c| c.home_unit.contains("quarter"));
    let us_title = if quarter {
        "US qtr. hours"
    } else {
        "US sem. hours"
    };
    let unit = result
        .credits
        .first()
        .map_or("credits".to_owned(), |c| c.home_unit.clone());
    let granted_title = "Granted at home".to_owned();

    let mut titles: Vec<String> = [
        "Credential",
        "External recommendation",
        "ECTS",
        us_title,
        "NSQF",
        "UK CATS",
    ]
    .iter()
    .map(|t| (*t).to_owned())
    .collect();
    let figure = 14.5 * MM;
    let recommendation_width = if custom.is_some() { 32.0 } else { 40.0 } * MM;
    let mut widths = vec![0.0, recommendation_width, 16.0 * MM, figure, figure, figure];
    if let Some(custom) = &custom {
        titles.push(custom.clone());
        widths.push(figure);
    }
    titles.push(granted_title);
    widths.push(24.0 * MM);
    widths[0] = CONTENT_WIDTH - widths.iter().sum::<f32>();
    let columns: Vec<Column> = widths
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if (2..titles.len() - 1).contains(&i) {
                Column::right(*w, styles::CELL)
            } else {
                Column::left(*w, styles::CELL)
            }
        })
        .collect();

    let mut highlighted = Vec::new();
    let rows = result
        .credits
        .iter()
        .enumerate()
        .map(|(row, conversion)| {
            let credential = rollout.credential(conversion.credential_index);
            if !conversion.flags.is_empty() {
                highlighted.push(row);
            }
            let mut cells = vec![
                rollout.title(conversion.credential_index),
                credential.map_or(NO_VALUE.to_owned(), |c| recommendation(&c.recommendation)),
                format!(
                    "{}–{}",
                    one_decimal(conversion.ects_low),
                    one_decimal(conversion.ects_high)
                ),
                one_decimal(if quarter {
                    conversion.us_quarter_hours
                } else {
                    conversion.us_semester_hours
                }),
                one_decimal(conversion.nsqf_credits),
                one_decimal(conversion.uk_cats),
            ];
            if custom.is_some() {
                cells.push(
                    conversion
                        .custom_credits
                        .map_or(NO_VALUE.to_owned(), one_decimal),
                );
            }
            cells.push(granted(conversion, credential));
            cells
        })
        .collect();
    let any_illustrative = rollout
        .inputs
        .is_some_and(|i| i.credentials.iter().any(|c| c.recommendation.illustrative));
    let illustrative = if any_illustrative {
        format!(" {ILLUSTRATIVE}")
    } else {
        String::new()
    };
    let intro = format!(
        "{CONVENTIONS} Credit granted at home is in {unit}; a flagged grant is highlighted and \
         explained below the table.{illustrative}"
    );
    titled_table(
        doc,
        MAPPING_TITLE,
        Some(&intro),
        &Table {
            columns: &columns,
            header: Some(titles),
            rows,
            highlighted,
            ..Table::default()
        },
    );
}

/// "ACE: 3 semester hours", "ECTS: 6", "NSQF: level 5, 6 credits", one per line.
fn recommendation(r: &CreditRecommendation) -> String {
    let mut lines = Vec::new();
    if let Some(hours) = r.ace_semester_hours {
        let unit = if (hours - 1.0).abs() < 1e-9 {
            "semester hour"
        } else {
            "semester hours"
        };
        lines.push(format!("ACE: {} {unit}", one_decimal(hours)));
    }
    if let Some(ects) = r.ects_credits {
        lines.push(format!("ECTS: {}", one_decimal(ects)));
    }
    match (r.nsqf_level, r.nsqf_credits) {
        (Some(level), Some(c)) => {
            lines.push(format!("NSQF: level {level}, {} credits", one_decimal(c)))
        }
        (Some(level), None) => lines.push(format!("NSQF: level {level}")),
        (None, Some(c)) => lines.push(format!("NSQF: {} credits", one_decimal(c))),
        (None, None) => {}
    }
    if lines.is_empty() {
        "None".to_owned()
    } else {
        if r.illustrative {
            lines.push("(illustrative)".to_owned());
        }
        lines.join("\n")
    }
}

/// "3 · elective", with the flag when planner-core flags the grant.
fn granted(conversion: &CreditConversion, credential: Option<&Credential>) -> String {
    let how = credential.map_or(NO_VALUE, |c| c.home_credit.method.label());
    let flag = if conversion.flags.is_empty() {
        String::new()
    } else {
        format!("{FLAG} ")
    };
    format!("{flag}{}\n{how}", one_decimal(conversion.home_granted))
}

fn described(elements: &StandardElements) -> bool {
    !elements.learning_outcomes.trim().is_empty()
        || !elements.quality_assurance.trim().is_empty()
        || elements.eqf_level.is_some()
}

fn elements_table(doc: &mut ReportDocument, elements: &[(String, &StandardElements)]) {
    let columns = Column::left_filling(&[40.0, 50.0, 28.0], styles::CELL);
    let rows = elements
        .iter()
        .map(|(title, e)| {
            let mut format = vec![
                format!("Assessment: {}", e.assessment_type.label()),
                e.participation.label().to_owned(),
            ];
            if let Some(level) = e.eqf_level {
                format.push(format!("EQF level {level}"));
            }
            let text = |t: &str| {
                let t = t.trim();
                if t.is_empty() {
                    NO_VALUE.to_owned()
                } else {
                    t.to_owned()
                }
            };
            vec![
                title.clone(),
                text(&e.learning_outcomes),
                format.join("\n"),
                text(&e.quality_assurance),
            ]
        })
        .collect();
    titled_table(
        doc,
        ELEMENTS_TITLE,
        Some(
            "What each credential states about itself, as the 2022 EU Council Recommendation on \
             micro-credentials asks: learning outcomes, assessment, participation, quality \
             assurance and EQF level.",
        ),
        &Table {
            columns: &columns,
            header: Some(table::titles(&[
                "Credential",
                "Learning outcomes",
                "Format",
                "Quality assurance",
            ])),
            rows,
            ..Table::default()
        },
    );
}
