//! Two years of one agency side by side: the cross-year findings (X-carry-over, X-in-force,
//! T-repeat), tables 二, 三 and 四 with this year, last year and the change in every cell, and
//! each section with the passages it repeats from last year marked.
//!
//! The tables and the marked text are the core's markup (`compare::comparison_table_html`,
//! `marked_text_html`), user text escaped there.

use leptos::prelude::*;
use nianbao_report::compare::{comparison_table_html, marked_text_html, year_over_year};
use nianbao_report::format::{self, SectionId, SECTIONS};

use super::batch::FindingList;
use super::use_supervisor;
use crate::drafts::button::ActionButton;
use crate::i18n::{self, Lang};

#[component]
pub fn YearOverYearScreen() -> impl IntoView {
    let supervisor = use_supervisor();
    let lang = supervisor.lang;
    let back = move || supervisor.go_back();
    view! {
        <main class="compare-screen" aria-label=i18n::tr(lang, i18n::YEAR_OVER_YEAR)>
            <div class="drafts-head">
                <ActionButton class="back" label=i18n::BACK on_press=back />
            </div>
            {move || supervisor.comparison.get().map(|comparison| {
                let (this, last) = (comparison.this_year, comparison.last_year);
                let view_data = year_over_year(&this, &last);
                let english = lang.get() == Lang::En;
                let title = if english {
                    format!("{}: {} beside {}", this.meta.agency, this.meta.year, last.meta.year)
                } else {
                    format!("{}：{}年度与{}年度对比", this.meta.agency, this.meta.year, last.meta.year)
                };
                let percent = |p: Option<usize>| p.map(|p| format!(" {p}%")).unwrap_or_else(|| " —".into());
                let tables = [SectionId::Active, SectionId::Requests, SectionId::Appeals].map(|table| {
                    let heading = format::section(table).heading;
                    let html = comparison_table_html(&view_data, table, english);
                    view! {
                        <section class="compare-table">
                            <h2>{heading}</h2>
                            <div class="table-scroll" inner_html=html></div>
                        </section>
                    }
                });
                let sections = SECTIONS.iter().zip(view_data.sections.clone()).map(|(def, repeat)| {
                    let html = marked_text_html(this.sections.get(def.id), &repeat.passages);
                    view! {
                        <section class="compare-section" data-section=def.key>
                            <h3>{def.heading}{percent(repeat.percent)}</h3>
                            <div class="marked-text" inner_html=html></div>
                        </section>
                    }
                }).collect_view();
                view! {
                    <h1 class="compare-title">{title}</h1>
                    <p class="compare-legend">
                        {i18n::tr(lang, i18n::THIS_YEAR)}" / "{i18n::tr(lang, i18n::LAST_YEAR)}" / "{i18n::tr(lang, i18n::CHANGE)}
                    </p>
                    <div class="compare-findings">
                        <FindingList findings=view_data.findings.clone() />
                    </div>
                    <p class="repeat-measures">
                        {i18n::tr(lang, i18n::REPEAT_OF_PROBLEMS)}{percent(view_data.problems_percent)}
                        "　·　"
                        {i18n::tr(lang, i18n::REPEAT_OF_WHOLE)}{percent(view_data.whole_percent)}
                    </p>
                    {tables}
                    <p class="batch-hint">{i18n::tr(lang, i18n::REPEATED_MARKED)}</p>
                    {sections}
                }
            })}
        </main>
    }
}
