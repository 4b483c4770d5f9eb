//! Rules that compare a report with last year's report of the same agency: X-carry-over,
//! X-in-force, T-repeat, and X-last-year, which says when the report given as last year's does
//! not look like it.
//!
//! X-last-year: when last year's report is not of the year before, its numbers say nothing about
//! this year's, so the other cross-year rules are not run (a warning says why). A different
//! agency name is only an info and the rules still run: agencies are renamed, and names are
//! written short or long (沭阳县发改局 / 沭阳县发展和改革局).

use crate::message::Message;
use crate::rules::Rule;
use std::collections::HashSet;

use super::tables::{request_column_en, request_column_zh, value_en, value_zh};
use crate::finding::{Basis, Finding, Severity};
use crate::format::{
    self, ActiveRowKind, RequestRowRole, SectionId, ACTIVE_TRIPLE_COLUMNS, REQUEST_COLUMNS,
    REQUEST_ROWS, SECTIONS,
};
use crate::model::{Place, Report};

const CARRY_OVER: Rule = Rule::XCarryOver;
const IN_FORCE: Rule = Rule::XInForce;
const REPEAT: Rule = Rule::TRepeat;
const LAST_YEAR: Rule = Rule::XLastYear;

/// T-repeat compares runs of this many characters. Eight characters is about two Chinese
/// words: long enough that set phrases of official prose (「进一步加强」 is five) rarely make a
/// whole run on their own, short enough that a sentence kept with one word changed still
/// mostly counts as kept.
pub const REPEAT_RUN_CHARS: usize = 8;
/// T-repeat fires when more than this percentage of this year's runs appear in last year's text
/// (the local assessment rule: 「重复率超过50%」). Compared as the whole percentage shown in the
/// message, so the message never reads "50 %, more than 50 %".
pub const REPEAT_PERCENT: usize = 50;

pub(super) fn check(report: &Report, last_year: &Report, findings: &mut Vec<Finding>) {
    if !check_last_year_fits(report, last_year, findings) {
        return;
    }
    check_carry_over(report, last_year, findings);
    check_in_force(report, last_year, findings);
    check_repeat(report, last_year, findings);
}

// ---------------------------------------------------------------------------------------------
// X-last-year
// ---------------------------------------------------------------------------------------------

/// Whether last year's report can be compared with this one.
fn check_last_year_fits(report: &Report, last_year: &Report, findings: &mut Vec<Finding>) -> bool {
    let (year, last) = (report.meta.year, last_year.meta.year);
    let expected = year.saturating_sub(1);
    if last != expected {
        findings.push(Finding {
            rule: LAST_YEAR,
            severity: Severity::Warning,
            place: Place::Meta("year"),
            message: Message {
zh: format!(
                "作为上年报告提供的是{last}年度的报告，本报告为{year}年度，应为{expected}年度：未做跨年度核对"
            ),
en: format!(
                "The report given as last year's is for {last}, but this report is for {year}; \
                 it should be for {expected}. The cross-year checks were not run"
            ),
},
            basis: Basis::Derived,
        });
        return false;
    }
    let normalise = |name: &str| name.split_whitespace().collect::<String>();
    let (agency, last_agency) = (
        normalise(&report.meta.agency),
        normalise(&last_year.meta.agency),
    );
    if !agency.is_empty() && !last_agency.is_empty() && agency != last_agency {
        findings.push(Finding {
            rule: LAST_YEAR,
            severity: Severity::Info,
            place: Place::Meta("agency"),
            message: Message {
zh: format!(
                "上年报告的机关为「{last_agency}」，与本报告的「{agency}」不同；如为同一机关（更名或简称）可忽略"
            ),
en: format!(
                "Last year's report is by \"{last_agency}\", this one by \"{agency}\"; \
                 ignore this if it is the same agency (renamed or abbreviated)"
            ),
},
            basis: Basis::Derived,
        });
    }
    true
}

// ---------------------------------------------------------------------------------------------
// X-carry-over, X-in-force
// ---------------------------------------------------------------------------------------------

fn check_carry_over(report: &Report, last_year: &Report, findings: &mut Vec<Finding>) {
    let (Some(carried_in), Some(carried_out)) = (
        format::request_rows_with_role(RequestRowRole::CarriedIn).next(),
        format::request_rows_with_role(RequestRowRole::CarriedOut).next(),
    ) else {
        return;
    };
    let (this_def, last_def) = (&REQUEST_ROWS[carried_in], &REQUEST_ROWS[carried_out]);
    for column in 0..REQUEST_COLUMNS.len() {
        let this = report.requests.cell(carried_in, column);
        let last = last_year.requests.cell(carried_out, column);
        // A blank on either side is C-blank's business (this year) or unknown (last year).
        let (Some(this_n), Some(last_n)) = (this, last) else {
            continue;
        };
        if this_n == last_n {
            continue;
        }
        let difference = this_n.abs_diff(last_n);
        findings.push(Finding {
            rule: CARRY_OVER,
            severity: Severity::Warning,
            place: Place::Request {
                row: carried_in,
                column,
            },
            message: Message {
                zh: format!(
                    "{}：本年{}({})应等于上年{}({})，相差{}",
                    request_column_zh(column),
                    this_def.short,
                    value_zh(this),
                    last_def.short,
                    value_zh(last),
                    difference
                ),
                en: format!(
                    "{}: this year's {} ({}) should equal last year's {} ({}); difference {}",
                    request_column_en(column),
                    this_def.short_en(),
                    value_en(this),
                    last_def.short_en(),
                    value_en(last),
                    difference
                ),
            },
            basis: Basis::Derived,
        });
    }
}

fn check_in_force(report: &Report, last_year: &Report, findings: &mut Vec<Finding>) {
    let [(_, issued_label), (_, repealed_label), (in_force_key, in_force_label)] =
        ACTIVE_TRIPLE_COLUMNS;
    let rows = format::active_rows()
        .filter(|(band, _)| band.kind == ActiveRowKind::IssuedRepealedInForce)
        .map(|(_, row)| row);
    for row in rows {
        let (Ok(&[Some(issued), Some(repealed), Some(in_force)]), Ok(&[_, _, Some(last_in_force)])) = (
            <&[_; 3]>::try_from(report.active.counts(row.id)),
            <&[_; 3]>::try_from(last_year.active.counts(row.id)),
        ) else {
            continue;
        };
        let expected = i128::from(last_in_force) + i128::from(issued) - i128::from(repealed);
        if expected == i128::from(in_force) {
            continue;
        }
        let difference = expected.abs_diff(i128::from(in_force));
        let name_en = row.key.replace('_', " ");
        findings.push(Finding {
            rule: IN_FORCE,
            severity: Severity::Info,
            place: Place::Active(row.id, in_force_key),
            message: Message {
zh: format!(
                "{}：上年{}({})+本年{}({})−本年{}({})={}，本年{}({})，相差{}（如有修订、失效可不一致，请核对）",
                row.label,
                in_force_label,
                last_in_force,
                issued_label.trim_start_matches("本年"),
                issued,
                repealed_label.trim_start_matches("本年"),
                repealed,
                expected,
                in_force_label,
                in_force,
                difference
            ),
en: format!(
                "{} ({}): last year's in force ({}) + issued ({}) − repealed ({}) = {}, but in force this \
                 year is {}; difference {} (revisions or expiry can explain this; please check)",
                row.label, name_en, last_in_force, issued, repealed, expected, in_force, difference
            ),
},
            basis: Basis::Derived,
        });
    }
}

// ---------------------------------------------------------------------------------------------
// T-repeat
// ---------------------------------------------------------------------------------------------

/// The text as compared: no whitespace or punctuation (so re-wrapping and re-punctuating change
/// nothing), every digit alike (so 「2024年」 and 「2025年」 match: text copied with only the
/// numbers updated is the 雷同 the rule is about), and no line that is only one of the
/// template's sub-headings (every report has them).
fn comparable_chars(text: &str) -> Vec<char> {
    comparable_chars_at(text)
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

/// [`comparable_chars`] with each character's byte offset in `text`, to find the passages again.
fn comparable_chars_at(text: &str) -> Vec<(char, usize)> {
    let headings: HashSet<&str> = SECTIONS
        .iter()
        .flat_map(|s| s.template.iter().map(|(heading, _)| *heading))
        .filter(|h| !h.is_empty())
        .collect();
    let mut chars = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if !headings.contains(line.trim()) {
            chars.extend(
                line.char_indices()
                    .filter(|(_, c)| c.is_alphanumeric())
                    .map(|(at, c)| (if c.is_numeric() { '#' } else { c }, line_start + at)),
            );
        }
        line_start += line.len();
    }
    chars
}

/// The passages of `text` that T-repeat counts as repeated from `last_texts`: byte ranges of
/// `text`, in order, each from the first to the last character of a run of repeated runs (the
/// punctuation between them included).
pub fn repeated_passages(text: &str, last_texts: &[&str]) -> Vec<std::ops::Range<usize>> {
    let last: Vec<Vec<char>> = last_texts.iter().map(|t| comparable_chars(t)).collect();
    let known: HashSet<&[char]> = last
        .iter()
        .flat_map(|chars| chars.windows(REPEAT_RUN_CHARS))
        .collect();
    let this = comparable_chars_at(text);
    let letters: Vec<char> = this.iter().map(|(c, _)| *c).collect();
    let mut repeated = vec![false; this.len()];
    for (start, run) in letters.windows(REPEAT_RUN_CHARS).enumerate() {
        if known.contains(run) {
            repeated[start..start + REPEAT_RUN_CHARS].fill(true);
        }
    }
    let mut passages: Vec<std::ops::Range<usize>> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (&(c, at), &is_repeated) in this.iter().zip(&repeated) {
        let end = at
            + text[at..]
                .chars()
                .next()
                .map_or(c.len_utf8(), char::len_utf8);
        match (is_repeated, open) {
            (true, Some((start, _))) => open = Some((start, end)),
            (true, None) => open = Some((at, end)),
            (false, Some((start, last_end))) => {
                passages.push(start..last_end);
                open = None;
            }
            (false, None) => {}
        }
    }
    if let Some((start, end)) = open {
        passages.push(start..end);
    }
    passages
}

/// How many of this year's runs are found in last year's text, out of how many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Repeat {
    pub repeated: usize,
    pub runs: usize,
}

impl Repeat {
    pub fn between(this_texts: &[&str], last_texts: &[&str]) -> Repeat {
        let last: Vec<Vec<char>> = last_texts.iter().map(|t| comparable_chars(t)).collect();
        let known: HashSet<&[char]> = last
            .iter()
            .flat_map(|chars| chars.windows(REPEAT_RUN_CHARS))
            .collect();
        // Runs are taken within one section, never across the seam between two.
        this_texts.iter().map(|t| comparable_chars(t)).fold(
            Repeat {
                repeated: 0,
                runs: 0,
            },
            |sum, chars| {
                let runs = chars.windows(REPEAT_RUN_CHARS);
                Repeat {
                    repeated: sum.repeated + runs.clone().filter(|run| known.contains(run)).count(),
                    runs: sum.runs + runs.count(),
                }
            },
        )
    }

    /// Whole percent, rounded down; `None` when there is no run to compare.
    pub fn percent(&self) -> Option<usize> {
        (self.runs > 0).then(|| self.repeated * 100 / self.runs)
    }
}

fn check_repeat(report: &Report, last_year: &Report, findings: &mut Vec<Finding>) {
    let problems = SectionId::Problems;
    let section_repeat = Repeat::between(
        &[report.sections.get(problems)],
        &[last_year.sections.get(problems)],
    );
    let all = |r: &Report| -> Vec<String> {
        SECTIONS
            .iter()
            .map(|s| r.sections.get(s.id).to_owned())
            .collect()
    };
    let (this_all, last_all) = (all(report), all(last_year));
    let text_repeat = Repeat::between(
        &this_all.iter().map(String::as_str).collect::<Vec<_>>(),
        &last_all.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let heading = format::section(problems).heading;
    for (repeat, place, what_zh, what_en) in [
        (
            section_repeat,
            Place::Section(problems),
            format!("「{heading}」"),
            format!("Section {heading} (problems and improvements)"),
        ),
        (
            text_repeat,
            Place::Report,
            "报告全文".to_owned(),
            "The report's text as a whole".to_owned(),
        ),
    ] {
        let Some(percent) = repeat.percent().filter(|&p| p > REPEAT_PERCENT) else {
            continue;
        };
        // When 五 is all the text there is, the whole-text finding would only say it again.
        if place == Place::Report && repeat.runs == section_repeat.runs {
            continue;
        }
        findings.push(Finding {
            rule: REPEAT,
            severity: Severity::Warning,
            place,
            message: Message {
zh: format!(
                "{what_zh}与上年报告重复{percent}%，超过{REPEAT_PERCENT}%（本年{}个连续{REPEAT_RUN_CHARS}字片段中{}个见于上年；不计空白和标点，数字视为相同）：应写本年度的具体情况，不得年年雷同",
                repeat.runs, repeat.repeated
            ),
en: format!(
                "{what_en} repeats last year's report by {percent}%, more than {REPEAT_PERCENT}% \
                 ({} of this year's {} runs of {REPEAT_RUN_CHARS} characters appear last year; \
                 whitespace and punctuation ignored, all digits alike): write about this year",
                repeat.repeated, repeat.runs
            ),
},
            basis: super::catalogue::T_REPEAT_BASIS,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_punctuation_and_template_headings_do_not_count() {
        let last = "（一）上年度问题改进情况\n2024年，我局 政策解读形式单一。";
        let this = "（一）上年度问题改进情况\n2025年，我局政策解读形式单一！";
        assert_eq!(comparable_chars(this), comparable_chars(last));
        let r = Repeat::between(&[this], &[last]);
        assert_eq!(r.percent(), Some(100));
        assert_eq!(r.runs, "####年我局政策解读形式单一".chars().count() - 7);
    }

    #[test]
    fn nothing_to_compare_gives_no_percentage() {
        assert_eq!(Repeat::between(&["短文"], &["短文"]).percent(), None);
        assert_eq!(Repeat::between(&[""], &[""]).percent(), None);
    }
}
