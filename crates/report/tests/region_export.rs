//! The region view written out, read back as a reader sees it: the strip plot parsed as XML
//! with its quartiles, its outlier named and drawn in a shape of its own, no NaN, agency names
//! escaped; one unit and all-equal units drawn; an agency's trend with a missing year; the CSV
//! read back as a spreadsheet reads it; the printable page with the flags' reasons — on units
//! made from 沭阳县人民政府 2025, as tests/region.rs makes them.

#[path = "common/csv.rs"]
mod csv;
#[path = "common/shuyang.rs"]
mod shuyang;

use csv::read_csv;

use nianbao_report::export::region::{distribution_svg, to_csv, to_html, trend_svg};
use nianbao_report::indicators::{Figure, INDICATORS};
use nianbao_report::region::{region_view, trend, RegionView};
use nianbao_report::Report;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use shuyang::region_unit as unit;

const HOSTILE: &str = "<script>alert(1)</script>乙局";

/// The planted outlier of tests/region.rs: seven units correct 0 or 1 of 10 reviews, the second
/// corrects 5; its name is `second`.
fn planted(second: &str) -> (Vec<(String, u64)>, RegionView) {
    let units: Vec<(String, u64)> = [
        ("甲局", 0),
        (second, 5),
        ("丙局", 1),
        ("丁局", 0),
        ("戊局", 1),
        ("己局", 0),
        ("庚局", 1),
    ]
    .iter()
    .map(|(n, c)| ((*n).to_owned(), *c))
    .collect();
    let reports: Vec<Report> = units.iter().map(|(n, c)| unit(n, *c, "0")).collect();
    (units, region_view(&reports, None, &[]))
}

fn position(id: &str) -> usize {
    INDICATORS
        .iter()
        .position(|d| d.id == id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
}

/// QUARTILE.INC written out again here, so that the chart is checked against numbers it did
/// not compute.
fn quartile(values: &[f64], p: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = p * (sorted.len() - 1) as f64;
    let low = rank.floor() as usize;
    let high = rank.ceil() as usize;
    sorted[low] + (sorted[high] - sorted[low]) * (rank - low as f64)
}

fn percent(fraction: f64) -> String {
    format!("{:.1}%", fraction * 100.0)
}

/// An SVG element: its name and attributes.
#[derive(Debug)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
}

impl Element {
    fn attr(&self, name: &str) -> &str {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// What a parsed SVG holds: its elements and the text of each `<text>`, entities resolved.
struct Parsed {
    elements: Vec<Element>,
    texts: Vec<String>,
}

impl Parsed {
    fn named(&self, name: &str) -> Vec<&Element> {
        self.elements.iter().filter(|e| e.name == name).collect()
    }
    fn has_text(&self, text: &str) -> bool {
        self.texts.iter().any(|t| t == text)
    }
}

fn element(e: &BytesStart) -> Element {
    Element {
        name: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("an attribute");
                let value = a
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .expect("an attribute value")
                    .into_owned();
                (String::from_utf8_lossy(a.key.as_ref()).into_owned(), value)
            })
            .collect(),
    }
}

/// Parses the whole document (it must be well-formed XML) and keeps every element and the text
/// of every `<text>`.
fn parse(svg: &str) -> Parsed {
    let mut reader = Reader::from_str(svg);
    let mut parsed = Parsed {
        elements: Vec::new(),
        texts: Vec::new(),
    };
    let (mut depth, mut in_text, mut current) = (0usize, false, String::new());
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed at {}: {e}", reader.buffer_position()));
        match event {
            Event::Start(e) => {
                let element = element(&e);
                in_text = element.name == "text";
                parsed.elements.push(element);
                depth += 1;
            }
            Event::Empty(e) => parsed.elements.push(element(&e)),
            Event::End(e) => {
                if e.name().as_ref() == b"text" {
                    parsed.texts.push(std::mem::take(&mut current));
                    in_text = false;
                }
                depth = depth.checked_sub(1).expect("an end tag without a start");
            }
            Event::Text(t) if in_text => current.push_str(&t.decode().expect("UTF-8")),
            Event::GeneralRef(r) if in_text => {
                let name = r.decode().expect("UTF-8");
                current.push_str(
                    quick_xml::escape::resolve_predefined_entity(&name)
                        .unwrap_or_else(|| panic!("undefined entity &{name};")),
                );
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unclosed elements");
    assert_eq!(
        parsed.elements.first().map(|e| e.name.as_str()),
        Some("svg")
    );
    parsed
}

/// Nothing in it is not a number.
fn assert_numbers_only(svg: &str) {
    for bad in ["NaN", "inf", "Infinity"] {
        assert!(!svg.contains(bad), "{bad} in\n{svg}");
    }
}

#[test]
fn the_strip_plot_prints_the_quartiles_and_names_the_outlier_in_a_shape_of_its_own() {
    let (units, view) = planted("乙局");
    let rate = position("review-correction-rate");
    let svg = distribution_svg(&view, rate, false).expect("every unit has the rate");
    assert_numbers_only(&svg);
    let parsed = parse(&svg);
    let root = &parsed.elements[0];
    assert_eq!(root.attr("role"), "img");
    assert_eq!(root.attr("width"), "640");
    let rates: Vec<f64> = units.iter().map(|(_, c)| *c as f64 / 10.0).collect();
    let (q1, median, q3) = (
        quartile(&rates, 0.25),
        quartile(&rates, 0.5),
        quartile(&rates, 0.75),
    );
    for expected in [
        format!("最小 {}", percent(0.0)),
        format!("Q1 {}", percent(q1)),
        format!("中位数 {}", percent(median)),
        format!("Q3 {}", percent(q3)),
        format!("最大 {}", percent(0.5)),
        format!("乙局 {}", percent(5.0 / 10.0)),
    ] {
        assert!(parsed.has_text(&expected), "{expected}: {:?}", parsed.texts);
    }
    assert!(
        parsed.has_text("复议纠错率（%）　7个单位"),
        "{:?}",
        parsed.texts
    );
    let label = root.attr("aria-label");
    assert!(label.starts_with("复议纠错率（%）　7个单位："), "{label}");
    assert_eq!(
        label,
        "复议纠错率（%）　7个单位：最小 0.0%，Q1 0.0%，中位数 10.0%，Q3 10.0%，最大 50.0%；\
         超出通常范围：乙局 50.0%"
    );

    // Six dots and one diamond for the units (plus one of each in the legend), all black,
    // white or grey: nothing is told by colour.
    let titled = |name: &str| {
        svg.lines()
            .filter(|l| l.starts_with(&format!("<{name}")) && l.contains("<title>"))
            .count()
    };
    assert_eq!(titled("circle"), 6);
    assert_eq!(titled("polygon"), 1);
    assert!(svg
        .lines()
        .any(|l| l.starts_with("<polygon") && l.contains("<title>乙局 50.0%</title>")));
    for e in &parsed.elements {
        for key in ["fill", "stroke"] {
            let colour = e.attr(key);
            if let Some(hex) = colour.strip_prefix('#') {
                assert!(
                    hex.len() == 6 && hex[0..2] == hex[2..4] && hex[2..4] == hex[4..6],
                    "{colour} is not a grey"
                );
            }
        }
    }
    // The box runs from Q1 to Q3 and the median line stands on the median, on the same scale
    // as the dots (0 at the left end, 0.5 at the right).
    let x_of = |v: f64| 48.0 + v / 0.5 * (592.0 - 48.0);
    let number = |s: &str| s.parse::<f64>().unwrap_or_else(|_| panic!("{s}"));
    let the_box = parsed
        .named("rect")
        .into_iter()
        .find(|r| r.attr("fill") == "#e6e6e6")
        .expect("the box");
    assert!((number(the_box.attr("x")) - x_of(q1)).abs() < 0.06);
    assert!((number(the_box.attr("width")) - (x_of(q3) - x_of(q1))).abs() < 0.11);
    let median_line = parsed
        .named("line")
        .into_iter()
        .find(|l| l.attr("stroke-width") == "2.5")
        .expect("the median line");
    assert!((number(median_line.attr("x1")) - x_of(median)).abs() < 0.06);

    let english = distribution_svg(&view, rate, true).unwrap();
    let parsed = parse(&english);
    assert!(parsed.has_text("Reviews corrected (%) · 7 units"));
    assert!(parsed.has_text("median 10.0%"), "{:?}", parsed.texts);
}

#[test]
fn an_agency_name_with_markup_stays_text_in_the_chart_the_csv_and_the_page() {
    let (_, view) = planted(HOSTILE);
    let rate = position("review-correction-rate");
    let svg = distribution_svg(&view, rate, false).unwrap();
    assert!(!svg.contains("<script"), "{svg}");
    let parsed = parse(&svg);
    assert!(
        parsed.has_text(&format!("{HOSTILE} 50.0%")),
        "{:?}",
        parsed.texts
    );
    let points = vec![(2025, Figure::Count(3))];
    let trend = trend_svg(&points, rate, HOSTILE, false).unwrap();
    assert!(!trend.contains("<script"));
    assert!(parse(&trend).has_text(&format!("{HOSTILE}　复议纠错率（%）")));

    let html = to_html(&view, false, "2026-03-01 <b>");
    assert!(!html.contains("<script"), "markup let through");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;乙局"));
    assert!(html.contains("2026-03-01 &lt;b&gt;"));

    // In the CSV the name is one field, as it was, and a name a spreadsheet would run as a
    // formula is kept as text.
    let mut reports: Vec<Report> = ["=HYPERLINK(\"x\")某局, \"办公室\"", HOSTILE, "丙局"]
        .iter()
        .map(|n| unit(n, 0, "0"))
        .collect();
    reports[2].meta.published_on = Some("2026-01-10".into());
    let view = region_view(&reports, None, &[]);
    let table = read_csv(to_csv(&view, false).strip_prefix('\u{feff}').unwrap());
    assert_eq!(table[1][0], "'=HYPERLINK(\"x\")某局, \"办公室\"");
    assert_eq!(table[2][0], HOSTILE);
    assert!(table
        .iter()
        .all(|row| row.len() == INDICATORS.len() + 1 || row.len() <= 3));
}

#[test]
fn one_unit_and_all_equal_units_draw_without_nan_and_each_tied_unit_in_sight() {
    let one = region_view(&[unit("甲局", 3, "1.5")], None, &[]);
    let mut drawn = 0;
    for (i, def) in INDICATORS.iter().enumerate() {
        let Some(svg) = distribution_svg(&one, i, i % 2 == 0) else {
            assert!(one.units[0].figures[i].value().is_none(), "{}", def.id);
            continue;
        };
        drawn += 1;
        assert_numbers_only(&svg);
        let parsed = parse(&svg);
        // One unit: its figure is the minimum, the three quartiles and the maximum.
        let shown = one.units[0].figures[i].text();
        let texts = parsed.texts.join("|");
        assert!(
            texts.contains(&format!("Q1 {shown}")),
            "{}: {texts}",
            def.id
        );
        assert!(
            texts.contains(&format!("Q3 {shown}")),
            "{}: {texts}",
            def.id
        );
        let (title, note) = if i % 2 == 0 {
            (" · 1 unit", "fewer than 5 units: no usual range")
        } else {
            ("　1个单位", "不足5个单位，不判断通常范围")
        };
        assert!(parsed.texts[0].ends_with(title), "{texts}");
        assert!(texts.contains(note), "{texts}");
    }
    assert_eq!(drawn, INDICATORS.len() - 1, "all but the text repeat");
    let text_repeat = position("text-repeat");
    assert_eq!(distribution_svg(&one, text_repeat, false), None);

    // Eight units, all the same: zero spread, every dot where the others are not.
    let equal: Vec<Report> = (0..8).map(|i| unit(&format!("{i}号局"), 1, "0")).collect();
    let view = region_view(&equal, None, &[]);
    let rate = position("review-correction-rate");
    let svg = distribution_svg(&view, rate, false).unwrap();
    assert_numbers_only(&svg);
    let parsed = parse(&svg);
    let places: Vec<(String, String)> = svg
        .lines()
        .filter(|l| l.starts_with("<circle") && l.contains("<title>"))
        .map(|l| {
            let e = parse(&format!(
                "<svg>{}</svg>",
                l.split("<title>").next().unwrap().replace('>', "/>")
            ));
            (
                e.elements[1].attr("cx").to_owned(),
                e.elements[1].attr("cy").to_owned(),
            )
        })
        .collect();
    assert_eq!(places.len(), 8);
    let mut distinct = places.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 8, "{places:?}");
    assert!(parsed.has_text("中位数 10.0%"));
    assert!(parsed.has_text("最小 10.0%") && parsed.has_text("最大 10.0%"));
}

#[test]
fn an_agencys_trend_runs_over_the_years_with_a_missing_one_shown_and_the_line_broken() {
    let year = |agency: &str, year: i32, corrected: Option<u64>| {
        let mut r = unit(agency, corrected.unwrap_or(0), "0");
        r.meta.year = year;
        if corrected.is_none() {
            r.appeals.0[0] = [None; 5];
        }
        r
    };
    // Out of order, another agency in between, and two reports of 2023 (the first is kept).
    let reports = vec![
        year("甲局", 2024, Some(4)),
        year("甲局", 2021, Some(1)),
        year("乙局", 2022, Some(9)),
        year("甲 局", 2022, None),
        year("甲局", 2023, Some(3)),
        year("甲局", 2023, Some(7)),
        year("甲局", 2020, Some(2)),
    ];
    let rate = position("review-correction-rate");
    let points = trend(&reports, "甲局", rate);
    let shown: Vec<(i32, String)> = points.iter().map(|(y, f)| (*y, f.text())).collect();
    assert_eq!(
        shown,
        [
            (2020, percent(0.2)),
            (2021, percent(0.1)),
            (2022, "—".to_owned()),
            (2023, percent(0.3)),
            (2024, percent(0.4)),
        ]
    );
    let svg = trend_svg(&points, rate, "甲局", false).unwrap();
    assert_numbers_only(&svg);
    let parsed = parse(&svg);
    for (year, text) in &shown {
        assert!(parsed.has_text(&year.to_string()), "{year}");
        assert!(parsed.has_text(text), "{text}: {:?}", parsed.texts);
    }
    // Two pieces of line, 2020–2021 and 2023–2024: none crosses 2022.
    let runs = parsed.named("polyline");
    assert_eq!(runs.len(), 2);
    for run in &runs {
        assert_eq!(run.attr("points").split(' ').count(), 2, "{run:?}");
    }
    assert!(parsed.elements[0].attr("aria-label").contains("2022 —"));

    // A year with no report at all is a blank too; one year alone is a dot; none, no chart.
    let gap = vec![(2021, Figure::Count(5)), (2023, Figure::Count(7))];
    let parsed = parse(&trend_svg(&gap, 0, "甲局", true).unwrap());
    assert!(parsed.has_text("2022") && parsed.has_text("—"));
    assert!(parsed.named("polyline").is_empty());
    let single = trend_svg(
        &[(2025, Figure::Days(-3))],
        position("days-late"),
        "甲局",
        false,
    );
    assert_numbers_only(single.as_deref().unwrap());
    assert!(parse(&single.unwrap()).has_text("-3"));
    // Years far apart are not filled in, and the line still does not join them; years at the
    // ends of the integers draw.
    let far = vec![
        (1990, Figure::Count(5)),
        (2040, Figure::Count(6)),
        (2041, Figure::Count(7)),
    ];
    let parsed = parse(&trend_svg(&far, 0, "甲局", false).unwrap());
    let runs = parsed.named("polyline");
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].attr("points").split(' ').count(), 2);
    assert!(!parsed.has_text("2000"));
    let ends = vec![(i32::MIN, Figure::Count(1)), (i32::MAX, Figure::Count(2))];
    assert_numbers_only(&trend_svg(&ends, 0, "甲局", false).unwrap());
    let blank = vec![(
        2025,
        Figure::Missing(nianbao_report::indicators::Missing::Blank),
    )];
    assert_eq!(trend_svg(&blank, rate, "甲局", false), None);
    assert!(trend(&reports, "丁局", rate).is_empty());
    assert!(trend(&reports, "甲局", INDICATORS.len()).is_empty());
}

#[test]
fn the_text_repeat_trend_takes_last_year_from_the_batch() {
    let mut before = unit("甲局", 0, "0");
    before.meta.year = 2024;
    let now = unit("甲局", 0, "0");
    let points = trend(&[now, before], "甲局", position("text-repeat"));
    assert_eq!(points[0].1.text(), "—", "2024 has no year before it");
    // The same texts both years: everything repeats.
    assert_eq!(points[1].1.text(), "100.0%");
}

#[test]
fn the_csv_has_the_units_the_medians_and_the_flags() {
    let (units, view) = planted("乙局");
    let csv = to_csv(&view, false);
    let table = read_csv(csv.strip_prefix('\u{feff}').expect("UTF-8 byte-order mark"));
    assert!(csv.ends_with("\r\n") && !csv.replace("\r\n", "").contains('\n'));
    let mut header = vec!["机关".to_owned()];
    header.extend(
        INDICATORS
            .iter()
            .map(|d| format!("{}（{}）", d.name_zh, d.unit.label_zh())),
    );
    assert_eq!(table[0], header);
    assert_eq!(table[0][position("fees") + 1], "行政事业性收费（万元）");
    let rate = position("review-correction-rate") + 1;
    for (row, (name, corrected)) in table[1..=7].iter().zip(&units) {
        assert_eq!(&row[0], name);
        assert_eq!(row[rate], percent(*corrected as f64 / 10.0));
        assert_eq!(row[position("requests-new") + 1], "713");
    }
    let rates: Vec<f64> = units.iter().map(|(_, c)| *c as f64 / 10.0).collect();
    let row = |label: &str| {
        table
            .iter()
            .find(|r| r[0] == label)
            .unwrap_or_else(|| panic!("no row {label}: {table:?}"))
    };
    assert_eq!(row("中位数")[rate], percent(quartile(&rates, 0.5)));
    assert_eq!(
        row("下四分位数（Q1）")[rate],
        percent(quartile(&rates, 0.25))
    );
    assert_eq!(
        row("上四分位数（Q3）")[rate],
        percent(quartile(&rates, 0.75))
    );
    assert_eq!(row("中位数")[position("requests-new") + 1], "713");
    assert_eq!(row("有此数的单位数")[rate], "7");
    // No unit knows last year: no figure, no median, no units.
    let repeat = position("text-repeat") + 1;
    assert_eq!(row("中位数")[repeat], "—");
    assert_eq!(row("有此数的单位数")[repeat], "0");
    // The flags after a blank line.
    let flags = table.iter().position(|r| r == &[""]).expect("a blank line") + 1;
    assert_eq!(table[flags], ["机关", "指标", "提示"]);
    assert_eq!(
        table[flags + 1],
        [
            "乙局",
            "复议纠错率",
            "复议纠错率 50.0%，全区中位数 10.0%（高于通常范围）"
        ]
    );
    assert_eq!(table.len(), flags + 1 + view.flags.len());

    let english = read_csv(&to_csv(&view, true));
    assert_eq!(english[0][rate], "Reviews corrected (%)");
    assert!(english
        .iter()
        .any(|r| r[0] == "Median" && r[rate] == "10.0%"));
    assert!(english.iter().any(|r| r
        == &[
            "乙局",
            "Reviews corrected",
            "Reviews corrected 50.0%, region median 10.0% (above the usual range)"
        ]));
}

#[test]
fn the_page_has_the_table_the_marked_unit_the_flags_and_a_chart_an_indicator() {
    let mut reports: Vec<Report> = [
        ("甲局", 0),
        ("乙局", 5),
        ("丙局", 1),
        ("丁局", 0),
        ("戊局", 1),
        ("己局", 0),
        ("庚局", 1),
    ]
    .iter()
    .map(|(n, c)| unit(n, *c, "0"))
    .collect();
    reports[2].meta.published_on = Some("2026-02-10".into());
    let view = region_view(&reports, None, &["辛局".to_owned()]);
    assert!(view.flags.len() >= 3, "{:#?}", view.flags);
    let html = to_html(&view, false, "2026-03-01 10:00");
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| {
        let selector = scraper::Selector::parse(css).unwrap();
        page.select(&selector)
            .map(|e| e.text().collect::<String>())
            .collect::<Vec<_>>()
    };
    assert_eq!(select("h1"), ["地区概览"]);
    assert!(select("script").is_empty());
    assert_eq!(select("style").len(), 1);
    // The twenty indicators in two tables, every unit in each.
    assert_eq!(select("table").len(), 2);
    assert_eq!(select("thead th").len(), INDICATORS.len() + 2);
    // The units outside the range, marked, with the way they are out: 乙局's rate, and 丙局,
    // 10 days late where every other unit is 11 days early.
    assert_eq!(
        select("td.out"),
        ["50.0% ◇高于通常范围", "10 ◇高于通常范围"]
    );
    let medians = select("tr.stat th");
    assert_eq!(medians.iter().filter(|m| *m == "中位数").count(), 2);
    // Every flag's reason, in the list.
    let listed = select("ol.flags li");
    assert_eq!(listed.len(), view.flags.len());
    for flag in &view.flags {
        assert!(
            listed
                .iter()
                .any(|l| l.contains(&flag.message.zh) && l.contains(&flag.agency)),
            "{} not listed: {listed:?}",
            flag.message.zh
        );
    }
    assert!(listed.contains(
        &"乙局（复议纠错率）：复议纠错率 50.0%，全区中位数 10.0%（高于通常范围）".to_owned()
    ));
    assert!(listed.contains(&"丙局（晚于公布时限天数）：晚于公布时限10天发布".to_owned()));
    // Lateness is said once, by its own flag, not again as outside the usual range.
    assert_eq!(listed.iter().filter(|l| l.starts_with("丙局")).count(), 1);
    assert!(listed.contains(&"辛局：上年有报告，本批次中没有".to_owned()));
    // A chart an indicator that some unit has: all but the text repeat.
    let charts = view.spreads.iter().filter(|s| s.is_some()).count();
    assert_eq!(charts, INDICATORS.len() - 1);
    assert_eq!(html.matches("<svg ").count(), charts);
    assert!(!html.contains("NaN"));

    let english = to_html(&view, true, "2026-03-01");
    assert!(english.contains("<h1>Region view</h1>"));
    assert!(english.contains("region median 10.0% (above the usual range)"));
}
