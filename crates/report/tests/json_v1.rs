//! The JSON exchange format v1: its shape, its schema, round trips, migrations and every kind of
//! rejection, with the place each error names.

use nianbao_report::export::json::{
    from_json, from_value, to_json, to_value, JsonError, SCHEMA_VERSION,
};
use nianbao_report::format::{
    self, AgencyKind, SectionId, AGENCY_KINDS, APPEAL_COLUMNS, APPEAL_GROUPS, REQUEST_COLUMNS,
    REQUEST_ROWS, SECTIONS,
};
use nianbao_report::model::{Decimal, Report, MAX_COUNT};
use proptest::prelude::*;
use serde_json::{json, Value};

// ----- reports from the fixtures' key numbers -----

/// 沭阳县人民政府 2025 (shuyang-county-2025.txt): non-zero tables; the fee from another real report.
fn shuyang_county() -> Report {
    let mut r = Report::new_blank("沭阳县人民政府", AgencyKind::CountyGov, 2025);
    r.meta.published_on = Some("2026-02-10".into());
    r.sections.set(
        SectionId::Overview,
        "2025年，沭阳县人民政府全面贯彻《中华人民共和国政府信息公开条例》。",
    );
    r.sections.set(SectionId::Other, "本年度未收取信息处理费。");
    r.active.regulations = [Some(0), Some(0), Some(0)];
    r.active.normative_documents = [Some(8), Some(0), Some(18)];
    r.active.licensing = Some(8);
    r.active.punishment = Some(1472);
    r.active.enforcement = Some(0);
    r.active.fees = Some(Decimal("5949.088667".into()));
    for row in &mut r.requests.0 {
        *row = [Some(0); 7];
    }
    r.requests.row_mut("1")[6] = Some(713);
    r.requests.row_mut("2")[6] = Some(36);
    r.requests.row_mut("3.7")[6] = Some(718);
    r.requests.row_mut("4")[6] = Some(31);
    r.appeals.0[0] = [Some(40), Some(5), Some(10), Some(6), Some(61)];
    r.appeals.0[1] = [Some(1), Some(0), Some(1), Some(1), Some(3)];
    r.appeals.0[2] = [Some(6), Some(0), Some(2), Some(2), Some(10)];
    r
}

/// 沭阳县发展和改革局 2023 (shuyang-fagaiju-2023.txt): the five 法人 columns are blank, not 0.
fn shuyang_fagaiju_with_blanks() -> Report {
    let mut r = Report::new_blank("沭阳县发展和改革局", AgencyKind::Department, 2023);
    r.active.normative_documents = [Some(8), Some(0), Some(18)];
    r.active.fees = Some(Decimal("5949.088667".into()));
    for row in &mut r.requests.0 {
        row[0] = Some(0);
        row[6] = Some(0);
    }
    r.requests.row_mut("1")[0] = Some(26);
    r.requests.row_mut("1")[6] = Some(26);
    r.requests.row_mut("3.7")[0] = Some(26);
    r.requests.row_mut("3.7")[6] = Some(26);
    r.appeals.0[0] = [Some(0), Some(0), Some(0), Some(1), Some(1)];
    r
}

fn json_of(report: &Report) -> Value {
    serde_json::from_str(&to_json(report)).expect("to_json writes JSON")
}

fn reject(value: &Value) -> JsonError {
    match from_json(&value.to_string()) {
        Err(e) => e,
        Ok(_) => panic!("accepted: {value}"),
    }
}

/// A change that breaks a valid export.
type Damage = fn(&mut Value);

/// A valid export to damage.
fn good() -> Value {
    json_of(&shuyang_county())
}

// ----- the shape -----

#[test]
fn export_has_the_spec_shape_in_the_spec_order() {
    let text = to_json(&shuyang_fagaiju_with_blanks());
    let order = [
        "\"format\"",
        "\"schema_version\"",
        "\"meta\"",
        "\"agency\"",
        "\"agency_kind\"",
        "\"year\"",
        "\"title\"",
        "\"published_on\"",
        "\"sections\"",
        "\"overview\"",
        "\"active\": {",
        "\"regulations\"",
        "\"normative_documents\"",
        "\"licensing\"",
        "\"punishment\"",
        "\"enforcement\"",
        "\"fees\"",
        "\"requests\": {",
        "\"1\"",
        "\"3.7\"",
        "\"appeals\": {",
        "\"review\"",
        "\"suit_direct\"",
        "\"suit_after_review\"",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|k| text.find(k).unwrap_or_else(|| panic!("{k} missing")))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert!(text.starts_with("{\n  \"format\": \"nianbao-report\",\n  \"schema_version\": 1,\n"));
    // Fee as typed, as a string; blanks as null; a row on one line in column order.
    assert!(text.contains("\"fees\": \"5949.088667\""), "{text}");
    assert!(
        text.contains("\"1\": [26, null, null, null, null, null, 26]"),
        "{text}"
    );
    assert!(text.contains("\"review\": [0, 0, 0, 1, 1]"), "{text}");
    assert!(
        text.contains("\"normative_documents\": [8, 0, 18]"),
        "{text}"
    );
    assert!(text.contains("\"agency_kind\": \"department\""));
    assert!(text.contains("\"published_on\": null"));
    assert!(
        !text.contains("last_year"),
        "no last_year key when there is none"
    );

    let v: Value = serde_json::from_str(&text).unwrap();
    let rows: Vec<&String> = v["requests"].as_object().unwrap().keys().collect();
    assert_eq!(rows.len(), REQUEST_ROWS.len());
    assert_eq!(v["requests"]["3.3.8"].as_array().unwrap().len(), 7);
    assert_eq!(v["active"]["licensing"], Value::Null);
}

/// The value API says what the text API says: a draft holds the value, an export the text.
#[test]
fn the_value_is_the_text_parsed_and_reads_back_the_same() {
    for report in [shuyang_county(), shuyang_fagaiju_with_blanks()] {
        let mut with_last_year = report.clone();
        with_last_year.last_year = Some(Box::new(shuyang_fagaiju_with_blanks()));
        for report in [report, with_last_year] {
            let value = to_value(&report);
            assert_eq!(value, json_of(&report));
            assert_eq!(from_value(&value), Ok(report.clone()));
            assert_eq!(from_json(&value.to_string()), Ok(report));
        }
    }
    // The same checks and messages as the text.
    let mut bad = good();
    bad["meta"]["year"] = json!("2025");
    assert_eq!(from_value(&bad), from_json(&bad.to_string()));
    assert!(from_value(&bad).is_err());
    // An older version is migrated from a value too.
    let mut v0 = good();
    v0["schema_version"] = json!(0);
    v0.as_object_mut().unwrap().remove("format");
    assert_eq!(from_value(&v0), from_json(&v0.to_string()));
}

#[test]
fn blank_report_exports_blank_cells_as_null() {
    let v = json_of(&Report::new_blank(
        "某街道办事处",
        AgencyKind::Township,
        2024,
    ));
    assert_eq!(
        v["requests"]["3.7"],
        json!([null, null, null, null, null, null, null])
    );
    assert_eq!(v["active"]["fees"], Value::Null);
    assert_eq!(v["meta"]["title"], "");
    assert!(v["sections"]["overview"]
        .as_str()
        .unwrap()
        .contains("（一）主动公开"));
}

#[test]
fn last_year_is_a_nested_report_without_format() {
    let mut r = shuyang_county();
    let mut last = shuyang_county();
    last.meta.year = 2024;
    last.requests.row_mut("4")[6] = Some(36);
    r.last_year = Some(Box::new(last.clone()));
    let v = json_of(&r);
    assert_eq!(v["last_year"]["meta"]["year"], 2024);
    assert_eq!(v["last_year"]["requests"]["4"][6], 36);
    assert!(v["last_year"].get("format").is_none());
    let back = from_json(&v.to_string()).unwrap();
    assert_eq!(back.last_year.as_deref(), Some(&last));

    // null means the same as absent; a whole exported report pasted there is fine too.
    let mut v = good();
    v["last_year"] = Value::Null;
    assert_eq!(from_json(&v.to_string()).unwrap().last_year, None);
    let mut v = good();
    v["last_year"] = json_of(&r);
    let back = from_json(&v.to_string()).unwrap();
    assert_eq!(back.last_year.as_deref().map(|l| l.meta.year), Some(2025));
    assert_eq!(back.last_year.and_then(|l| l.last_year), None);
}

// ----- the schema -----

fn schema_text() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/report.v1.json");
    std::fs::read_to_string(path).expect("schema/report.v1.json at the repository root")
}

struct Validator {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Validator {
    fn new() -> Validator {
        let schema: Value = serde_json::from_str(&schema_text()).expect("the schema is JSON");
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        compiler
            .add_resource("urn:nianbao:report:v1", schema)
            .expect("schema resource");
        let index = compiler
            .compile("urn:nianbao:report:v1", &mut schemas)
            .unwrap_or_else(|e| panic!("schema compiles: {e}"));
        Validator { schemas, index }
    }
    fn check(&self, doc: &Value) -> Result<(), String> {
        self.schemas
            .validate(doc, self.index)
            .map_err(|e| format!("{e:#}"))
    }
}

#[test]
fn exports_validate_against_the_schema() {
    let validator = Validator::new();
    let mut with_last_year = shuyang_county();
    with_last_year.last_year = Some(Box::new(shuyang_fagaiju_with_blanks()));
    for report in [
        Report::new_blank("某街道办事处", AgencyKind::Township, 2024),
        shuyang_county(),
        shuyang_fagaiju_with_blanks(),
        with_last_year,
    ] {
        let doc = json_of(&report);
        assert_eq!(
            doc["active"]["fees"],
            json!(report.active.fees.as_ref().map(|f| &f.0))
        );
        if let Err(e) = validator.check(&doc) {
            panic!("{e}\n{doc:#}");
        }
    }
}

#[test]
fn schema_and_reader_refuse_the_same_damage() {
    let validator = Validator::new();
    let damages: [(&str, Damage); 8] = [
        ("negative count", |v| v["requests"]["3.7"][2] = json!(-1)),
        ("fractional count", |v| {
            v["appeals"]["review"][0] = json!(1.5)
        }),
        ("too large", |v| {
            v["active"]["licensing"] = json!(MAX_COUNT + 1)
        }),
        ("short row", |v| v["requests"]["1"] = json!([0, 0, 0])),
        ("unknown row", |v| {
            v["requests"]["3.8"] = json!([0, 0, 0, 0, 0, 0, 0])
        }),
        ("bad fee", |v| v["active"]["fees"] = json!("1,234.5")),
        ("bad kind", |v| v["meta"]["agency_kind"] = json!("ministry")),
        ("bad date", |v| {
            v["meta"]["published_on"] = json!("2024/01/20")
        }),
    ];
    for (what, damage) in damages {
        let mut doc = good();
        damage(&mut doc);
        assert!(validator.check(&doc).is_err(), "schema accepted {what}");
        assert!(
            from_json(&doc.to_string()).is_err(),
            "reader accepted {what}"
        );
    }
    // An unknown top-level field is a forward-compatible addition for both.
    let mut doc = good();
    doc["signed_by"] = json!({"name": "张三"});
    assert!(validator.check(&doc).is_ok());
    assert!(from_json(&doc.to_string()).is_ok());
}

/// The schema is written by hand; this keeps its ids the ones of format.rs.
#[test]
fn schema_ids_are_those_of_the_format() {
    let schema: Value = serde_json::from_str(&schema_text()).unwrap();
    let defs = &schema["$defs"];
    let keys = |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    let mut rows = keys(&defs["requests"]["properties"]);
    let mut expected: Vec<String> = REQUEST_ROWS.iter().map(|r| r.key.to_owned()).collect();
    rows.sort();
    expected.sort();
    assert_eq!(rows, expected);
    assert_eq!(defs["requests_row"]["minItems"], REQUEST_COLUMNS.len());
    assert_eq!(defs["appeals_group"]["maxItems"], APPEAL_COLUMNS.len());
    let mut groups = keys(&defs["appeals"]["properties"]);
    groups.sort();
    let mut expected: Vec<String> = APPEAL_GROUPS.iter().map(|g| g.key.to_owned()).collect();
    expected.sort();
    assert_eq!(groups, expected);
    let kinds: Vec<&str> = defs["meta"]["properties"]["agency_kind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        kinds,
        AGENCY_KINDS.iter().map(|d| d.key).collect::<Vec<_>>()
    );
    let mut sections = keys(&defs["sections"]["properties"]);
    sections.sort();
    let mut expected: Vec<String> = SECTIONS.iter().map(|s| s.key.to_owned()).collect();
    expected.sort();
    assert_eq!(sections, expected);
    let mut active = keys(&defs["active"]["properties"]);
    active.sort();
    let mut expected: Vec<String> = format::active_rows()
        .map(|(_, r)| r.key.to_owned())
        .collect();
    expected.sort();
    assert_eq!(active, expected);
    assert_eq!(defs["count"]["maximum"], MAX_COUNT);
    assert_eq!(
        schema["properties"]["schema_version"]["const"],
        SCHEMA_VERSION
    );
}

// ----- round trips -----

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        Just(String::new()),
        Just("<script>alert('年报')</script>&amp;</textarea>".to_owned()),
        Just("引号\"反斜杠\\换行\n制表\t回车\r空字符\u{0}\u{1f}\u{2028}\u{feff}".to_owned()),
        Just("（一）主动公开\n本年度未收取信息处理费。😀".to_owned()),
    ]
}

fn count() -> BoxedStrategy<Option<u64>> {
    prop_oneof![
        2 => Just(None),
        4 => (0u64..2000).prop_map(Some),
        1 => (0..=MAX_COUNT).prop_map(Some),
        1 => Just(Some(MAX_COUNT)),
    ]
    .boxed()
}

fn fee() -> impl Strategy<Value = Option<Decimal>> {
    prop_oneof![
        Just(None),
        Just(Some(Decimal("5949.088667".into()))),
        Just(Some(Decimal("0.00".into()))),
        "[0-9]{1,12}(\\.[0-9]{1,8})?".prop_map(|s| Some(Decimal(s))),
    ]
}

fn date() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        (0u32..10000, 1u32..=12, 1u32..=31)
            .prop_map(|(y, m, d)| Some(format!("{y:04}-{m:02}-{d:02}"))),
    ]
}

fn report_without_last_year() -> BoxedStrategy<Report> {
    let kind = prop::sample::select(AGENCY_KINDS.iter().map(|d| d.kind).collect::<Vec<_>>());
    let meta = (text(), kind, any::<i32>(), text(), date());
    let sections = prop::array::uniform6(text());
    let active = (
        prop::array::uniform3(count()),
        prop::array::uniform3(count()),
        prop::array::uniform3(count()),
        fee(),
    );
    // Flat vectors: nested array strategies overflow a test thread's stack in debug builds.
    let requests = prop::collection::vec(count(), 25 * 7);
    let appeals = prop::collection::vec(count(), 3 * 5);
    (meta, sections, active, requests, appeals)
        .prop_map(
            |((agency, kind, year, title, published_on), sections, active, requests, appeals)| {
                let mut r = Report::default();
                r.meta.agency = agency;
                r.meta.agency_kind = kind;
                r.meta.year = year;
                r.meta.title = title;
                r.meta.published_on = published_on;
                r.sections.0 = sections;
                r.active.regulations = active.0;
                r.active.normative_documents = active.1;
                [
                    r.active.licensing,
                    r.active.punishment,
                    r.active.enforcement,
                ] = active.2;
                r.active.fees = active.3;
                for (cell, value) in r.requests.0.iter_mut().flatten().zip(requests) {
                    *cell = value;
                }
                for (cell, value) in r.appeals.0.iter_mut().flatten().zip(appeals) {
                    *cell = value;
                }
                r
            },
        )
        .boxed()
}

fn report() -> impl Strategy<Value = Report> {
    (
        report_without_last_year(),
        prop::option::of(report_without_last_year()),
    )
        .prop_map(|(mut r, last)| {
            r.last_year = last.map(Box::new);
            r
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_report_round_trips(r in report()) {
        let text = to_json(&r);
        let back = from_json(&text);
        prop_assert_eq!(back.as_ref(), Ok(&r), "{}", text);
        // And the text is stable: exporting again writes the same bytes.
        prop_assert_eq!(to_json(&back.unwrap()), text);
    }

    #[test]
    fn reading_never_panics_on_damaged_exports(r in report_without_last_year(), cut in 0usize..4000, byte in any::<u8>()) {
        let mut text = to_json(&r).into_bytes();
        let at = cut.min(text.len().saturating_sub(1));
        if let Some(b) = text.get_mut(at) { *b = byte; }
        let _ = from_json(&String::from_utf8_lossy(&text));
        let _ = from_json(&String::from_utf8_lossy(&text[..at]));
    }
}

#[test]
fn fixture_reports_round_trip() {
    for r in [
        shuyang_county(),
        shuyang_fagaiju_with_blanks(),
        Report::new_blank("锡林浩特市额尔敦街道办事处", AgencyKind::Township, 2023),
    ] {
        assert_eq!(from_json(&to_json(&r)), Ok(r));
    }
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_document() {
    let text = format!("\u{feff}{}", to_json(&shuyang_county()));
    assert_eq!(from_json(&text), Ok(shuyang_county()));
}

#[test]
fn whole_floats_are_counts() {
    let mut v = good();
    v["requests"]["1"][6] = json!(713.0);
    let r = from_json(&v.to_string()).unwrap();
    assert_eq!(r.requests.row("1")[6], Some(713));
}

// ----- migrations -----

/// A pre-release draft (version 0): no `format`, rows of table 三 as objects without blanks.
#[test]
fn version_0_drafts_are_migrated() {
    let mut v0 = good();
    let root = v0.as_object_mut().unwrap();
    root.remove("format");
    root.insert("schema_version".into(), json!(0));
    let mut rows = serde_json::Map::new();
    for def in &REQUEST_ROWS {
        rows.insert(def.key.into(), json!({}));
    }
    rows.insert("1".into(), json!({"natural": 713, "total": 713}));
    rows.insert("3.7".into(), json!({"total": 718}));
    root.insert("requests".into(), Value::Object(rows));

    let r = from_json(&v0.to_string()).unwrap();
    assert_eq!(
        r.requests.row("1"),
        &[Some(713), None, None, None, None, None, Some(713)]
    );
    assert_eq!(r.requests.row("3.7")[6], Some(718));
    assert_eq!(r.requests.row("3.7")[0], None);
    assert_eq!(r.requests.row("4"), &[None; 7]);
    // Everything else came through as it was.
    assert_eq!(r.appeals, shuyang_county().appeals);
    assert_eq!(r.active, shuyang_county().active);
    // And it is written back as version 1.
    let v1 = json_of(&r);
    assert_eq!(v1["schema_version"], 1);
    assert_eq!(v1["format"], "nianbao-report");

    // A version-0 row with a column that does not exist names it.
    let mut bad = v0.clone();
    bad["requests"]["3.7"] = json!({"totl": 718});
    let e = reject(&bad);
    assert_eq!(e.path, "requests.3.7.totl");
    assert!(e.message.en.contains("unknown column of table 3"), "{e}");
    // A version-0 cell is still checked after migration, at its version-1 place.
    let mut bad = v0;
    bad["requests"]["1"] = json!({"research": -2});
    let e = reject(&bad);
    assert_eq!(e.path, "requests.1[2]");
    assert!(e.message.zh.contains("负数（-2）"), "{e}");
}

// ----- rejections, each saying where -----

#[test]
fn not_json_says_where_it_broke() {
    let mut text = to_json(&shuyang_county());
    // Break line 5, `    "agency": …`, by dropping the key's opening quote.
    let at = text.find("\"agency\":").unwrap();
    text.replace_range(at..at + 1, "");
    let e = from_json(&text).unwrap_err();
    assert_eq!(e.line, Some(5));
    assert_eq!(e.column, Some(5), "{e}");
    assert!(
        e.message.zh.starts_with("第5行第5列：不是有效的 JSON"),
        "{e}"
    );
    assert!(
        e.message.en.starts_with("line 5, column 5: not valid JSON"),
        "{e}"
    );
    assert_eq!(e.path, "");

    // Columns count characters, not bytes: the break is after 10 Chinese characters.
    let e = from_json("{\"meta\": \"沭阳县人民政府办公室\" x}").unwrap_err();
    assert_eq!((e.line, e.column), (Some(1), Some(23)), "{e}");

    // A file cut short.
    let full = to_json(&shuyang_county());
    let e = from_json(&full[..full.len() / 2]).unwrap_err();
    assert!(e.message.zh.contains("意外结束"), "{e}");
    assert!(e.line.is_some_and(|l| l > 20), "{e}");

    let e = from_json("").unwrap_err();
    assert_eq!(e.line, Some(1));
    let e = from_json("[1, 2]").unwrap_err();
    assert!(e.message.zh.contains("顶层应为对象，实际为数组"), "{e}");
}

#[test]
fn another_format_is_refused() {
    let mut v = good();
    v["format"] = json!("tabular-data-package");
    let e = reject(&v);
    assert_eq!(e.path, "format");
    assert!(e.message.zh.contains("不是年报文件"), "{e}");
    assert!(e.message.en.contains("\"tabular-data-package\""), "{e}");
    // Another format wins over a version we would call newer.
    v["schema_version"] = json!(7);
    assert_eq!(reject(&v).path, "format");
    let e = reject(&json!({"name": "package.json"}));
    assert!(
        e.message.en.contains("no format and no schema_version"),
        "{e}"
    );
}

#[test]
fn a_newer_version_asks_to_update() {
    let mut v = good();
    v["schema_version"] = json!(2);
    let e = reject(&v);
    assert_eq!(e.path, "schema_version");
    assert_eq!(
        e.message.zh,
        "schema_version：此文件由更新版本的年报生成（版本 2），请更新应用"
    );
    assert!(e.message.en.contains("newer version"), "{e}");
    v["schema_version"] = json!("1");
    assert!(reject(&v).message.zh.contains("应为非负整数，实际为字符串"));
    v["schema_version"] = json!(-1);
    assert_eq!(reject(&v).path, "schema_version");
    let mut v = good();
    v.as_object_mut().unwrap().remove("format");
    assert_eq!(reject(&v).path, "format");
}

#[test]
fn missing_fields_are_named() {
    for (remove, path) in [
        (&["meta"][..], "meta"),
        (&["meta", "agency"], "meta.agency"),
        (&["meta", "published_on"], "meta.published_on"),
        (&["sections", "problems"], "sections.problems"),
        (&["active", "fees"], "active.fees"),
        (&["requests", "3.5.4"], "requests.3.5.4"),
        (
            &["appeals", "suit_after_review"],
            "appeals.suit_after_review",
        ),
        (&["schema_version"], "schema_version"),
    ] {
        let mut v = good();
        let (last, parents) = remove.split_last().unwrap();
        let mut at = &mut v;
        for p in parents {
            at = &mut at[*p];
        }
        at.as_object_mut().unwrap().remove(*last);
        let e = reject(&v);
        assert_eq!(e.path, path);
        assert_eq!(e.message.zh, format!("{path}：缺少此字段"));
        assert_eq!(e.message.en, format!("{path}: this field is missing"));
    }
}

#[test]
fn ill_typed_fields_are_named() {
    let cases: [(Damage, &str, &str); 7] = [
        (
            |v| v["meta"]["year"] = json!("2025"),
            "meta.year",
            "应为整数年份，实际为字符串",
        ),
        (
            |v| v["meta"]["agency"] = json!(null),
            "meta.agency",
            "应为字符串，实际为null",
        ),
        (
            |v| v["sections"]["overview"] = json!(["a"]),
            "sections.overview",
            "应为字符串，实际为数组",
        ),
        (
            |v| v["requests"]["2"] = json!({"total": 36}),
            "requests.2",
            "应为7个数的数组，实际为对象",
        ),
        (
            |v| v["requests"]["2"][6] = json!("36"),
            "requests.2[6]",
            "表三 二 总计列应为整数或 null（空白），实际为字符串",
        ),
        (
            |v| v["active"]["fees"] = json!(5949.088667),
            "active.fees",
            "应为金额字符串",
        ),
        (
            |v| v["last_year"] = json!([]),
            "last_year",
            "应为对象或 null，实际为数组",
        ),
    ];
    for (damage, path, zh) in cases {
        let mut v = good();
        damage(&mut v);
        let e = reject(&v);
        assert_eq!(e.path, path, "{e}");
        assert!(e.message.zh.contains(zh), "{e}");
        assert!(e.message.zh.starts_with(path), "{e}");
    }
}

#[test]
fn bad_counts_name_their_cell() {
    let mut v = good();
    v["requests"]["3.7"][2] = json!(-1);
    let e = reject(&v);
    assert_eq!(e.path, "requests.3.7[2]");
    assert_eq!(
        e.message.zh,
        "requests.3.7[2]：表三 三(七) 科研机构列为负数（-1）；数量应为不小于0的整数"
    );
    assert!(e
        .message
        .en
        .contains("table 3, row 3.7, column research is negative (-1)"));

    let mut v = good();
    v["appeals"]["suit_direct"][3] = json!(0.5);
    let e = reject(&v);
    assert_eq!(e.path, "appeals.suit_direct[3]");
    assert!(
        e.message
            .zh
            .contains("表四 行政诉讼·未经复议直接起诉 尚未审结为小数（0.5）"),
        "{e}"
    );

    let mut v = good();
    v["active"]["normative_documents"][2] = json!(MAX_COUNT + 1);
    let e = reject(&v);
    assert_eq!(e.path, "active.normative_documents[2]");
    assert!(
        e.message.zh.contains("表二「行政规范性文件」现行有效件数"),
        "{e}"
    );
    assert!(e.message.zh.contains("过大"), "{e}");
    // MAX_COUNT itself is fine, and so is a number too big for u64 refused, not wrapped.
    v["active"]["normative_documents"][2] = json!(MAX_COUNT);
    assert!(from_json(&v.to_string()).is_ok());
    let text = v
        .to_string()
        .replace(&MAX_COUNT.to_string(), "123456789012345678901234567890");
    assert!(from_json(&text)
        .unwrap_err()
        .message
        .en
        .contains("too large"));

    let mut v = good();
    v["active"]["licensing"] = json!(-8);
    assert_eq!(reject(&v).path, "active.licensing");

    // In last year's report the path says so.
    let mut v = good();
    v["last_year"] = good();
    v["last_year"]["requests"]["4"][0] = json!(-3);
    assert_eq!(reject(&v).path, "last_year.requests.4[0]");
}

#[test]
fn unknown_ids_and_wrong_lengths_are_refused() {
    let mut v = good();
    v["requests"]["3.3.9"] = json!([0, 0, 0, 0, 0, 0, 0]);
    let e = reject(&v);
    assert_eq!(e.path, "requests.3.3.9");
    assert!(e.message.zh.contains("未知的表三的行"), "{e}");
    assert!(
        e.message.zh.contains("3.3.8"),
        "the known ids are listed: {e}"
    );

    let mut v = good();
    v["requests"]["3.7"] = json!([0, 0, 0, 0, 0, 718]);
    let e = reject(&v);
    assert_eq!(e.path, "requests.3.7");
    assert_eq!(e.message.zh, "requests.3.7：应有7个数，实际有6个");

    let mut v = good();
    v["appeals"]["review"] = json!([40, 5, 10, 6, 61, 0]);
    assert_eq!(
        reject(&v).message.en,
        "appeals.review: must have 5 cells, has 6"
    );

    let mut v = good();
    v["active"]["regulations"] = json!([0, 0]);
    assert_eq!(reject(&v).path, "active.regulations");

    let mut v = good();
    v["requests"]["行".repeat(10_000)] = json!(null);
    assert_eq!(reject(&v).path, format!("requests.{}…", "行".repeat(40)));

    for (parent, key) in [
        ("appeals", "suits"),
        ("sections", "summary"),
        ("active", "permits"),
        ("meta", "agancy"),
    ] {
        let mut v = good();
        v[parent][key] = json!(null);
        assert_eq!(reject(&v).path, format!("{parent}.{key}"));
    }
}

#[test]
fn unknown_agency_kind_lists_the_kinds() {
    let mut v = good();
    v["meta"]["agency_kind"] = json!("街道");
    let e = reject(&v);
    assert_eq!(e.path, "meta.agency_kind");
    assert!(e.message.zh.contains("未知的机关类型 \"街道\""), "{e}");
    assert!(e.message.zh.contains("township（乡镇/街道）"), "{e}");
    assert!(
        e.message.en.contains("department, township, county_gov"),
        "{e}"
    );
}

#[test]
fn invalid_fees_are_refused() {
    for bad in ["1,234.5", "-1", "5949.", "１", "18651.06万元", ""] {
        let mut v = good();
        v["active"]["fees"] = json!(bad);
        let e = reject(&v);
        assert_eq!(e.path, "active.fees");
        assert!(e.message.zh.contains("不是有效的金额"), "{e}");
        assert!(e.message.en.contains(&format!("\"{bad}\"")), "{e}");
    }
    // A huge wrong value is quoted cut short.
    let mut v = good();
    v["active"]["fees"] = json!("万".repeat(100_000));
    let e = reject(&v);
    assert!(e.message.zh.chars().count() < 200, "{}", e.message.zh.len());
    assert!(e.message.zh.contains(&format!("\"{}\"…", "万".repeat(40))));

    let mut v = good();
    v["active"]["fees"] = json!("18651.06");
    let r = from_json(&v.to_string()).unwrap();
    assert_eq!(r.active.fees, Some(Decimal("18651.06".into())));
}

#[test]
fn dates_must_be_iso() {
    for bad in ["2024/01/20", "2024-13-01", "2024-1-2", "二〇二四年一月"] {
        let mut v = good();
        v["meta"]["published_on"] = json!(bad);
        let e = reject(&v);
        assert_eq!(e.path, "meta.published_on");
        assert!(e.message.zh.contains("YYYY-MM-DD"), "{e}");
    }
}

/// A day that does not exist is kept as written (nothing typed is lost) and named by one rule,
/// C-date, at the date's place.
#[test]
fn an_impossible_date_is_kept_and_named_by_c_date() {
    let mut v = good();
    v["meta"]["published_on"] = json!("2025-02-31");
    let report = from_json(&v.to_string()).expect("read");
    assert_eq!(report.meta.published_on.as_deref(), Some("2025-02-31"));
    let findings = nianbao_report::rules::check(&report, nianbao_report::rules::Stage::Draft);
    let dates: Vec<_> = findings
        .iter()
        .filter(|f| f.place.id() == "meta/published_on")
        .collect();
    assert_eq!(dates.len(), 1, "{dates:?}");
    assert_eq!(dates[0].rule, nianbao_report::Rule::CDate);
    assert_eq!(
        dates[0].message.zh,
        "发布日期2025-02-31不存在：2025年2月只有28天"
    );
    assert!(to_json(&report).contains("\"published_on\": \"2025-02-31\""));
    assert_eq!(from_json(&to_json(&report)).expect("read again"), report);
}

// ----- size -----

/// Huge files are read or refused whole, without a crash; how long that takes is measured by the
/// `large_json` group of the core's bench (`cargo bench -p nianbao-report --bench core`).
#[test]
fn fifty_megabytes_fail_or_succeed() {
    const MB50: usize = 50 * 1024 * 1024;

    // A huge array of numbers: refused before it is parsed, saying where.
    let mut doc = to_json(&shuyang_county());
    doc.insert_str(1, &format!("\"padding\": [{}0],", "0,".repeat(MB50 / 2)));
    let e = from_json(&doc).unwrap_err();
    assert!(e.message.en.contains("file too large"), "{e}");
    assert_eq!(e.line, Some(1));

    // A huge text: a real (if odd) report, read whole.
    let mut r = shuyang_county();
    r.sections
        .set(SectionId::Problems, "不得年年雷同。".repeat(MB50 / 21));
    let doc = to_json(&r);
    assert!(doc.len() > MB50);
    assert_eq!(from_json(&doc).as_ref(), Ok(&r));

    // Deep nesting: refused by the parser's depth limit, not by a stack overflow.
    let doc = format!("{{\"x\": {}", "[".repeat(MB50));
    assert!(from_json(&doc).is_err());
    let doc = format!("{}0{}", "[".repeat(200), "]".repeat(200));
    let e = from_json(&doc).unwrap_err();
    assert!(e.message.en.contains("recursion limit"), "{e}");
    let doc = "{\"a\":".repeat(MB50 / 5);
    assert!(from_json(&doc).is_err());
}
