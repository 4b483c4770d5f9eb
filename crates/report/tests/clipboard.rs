//! Pasting into the editor's tables: blocks copied from Excel and WPS (text/plain and text/html),
//! and what a typed or pasted cell means — on the numbers of 沭阳县人民政府's 2025 report.

#[path = "common/shuyang.rs"]
mod shuyang;

use nianbao_report::clipboard::{
    parse_block, parse_count, parse_fee, CellProblem, MAX_BLOCK_COLUMNS, MAX_BLOCK_ROWS,
};
use nianbao_report::format::{request_row, REQUEST_COLUMNS, REQUEST_ROWS};
use nianbao_report::model::{Decimal, MAX_COUNT};
use shuyang::COUNTY_2025_REQUESTS;

fn block(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(|cell| (*cell).to_owned()).collect())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// text/plain
// ---------------------------------------------------------------------------------------------

#[test]
fn excel_block_of_three_rows_by_seven_columns() {
    // Rows 三(一), 三(二) and 三(三)1 of table 三, as Excel on Windows copies them.
    let text = "290\t1\t0\t0\t3\t0\t294\r\n99\t0\t0\t0\t2\t0\t101\r\n0\t0\t0\t0\t0\t0\t0\r\n";
    let rows = parse_block(text, None);
    assert_eq!(
        rows.len(),
        3,
        "the last line end is not an empty fourth row"
    );
    assert!(rows.iter().all(|r| r.len() == REQUEST_COLUMNS.len()));
    for (row, key) in rows.iter().zip(["3.1", "3.2", "3.3.1"]) {
        let published = COUNTY_2025_REQUESTS[request_row(key)].1;
        let read: Vec<u64> = row
            .iter()
            .map(|cell| parse_count(cell).unwrap().unwrap())
            .collect();
        assert_eq!(read, published, "row {key}");
    }
}

#[test]
fn unix_line_ends_and_no_final_line_end() {
    let rows = parse_block("705\t3\t713\n36\t0\t36", None);
    assert_eq!(rows, block(&[&["705", "3", "713"], &["36", "0", "36"]]));
    let rows = parse_block("705\t3\t713\n36\t0\t36\n", None);
    assert_eq!(rows.len(), 2);
}

#[test]
fn empty_cells_keep_their_columns() {
    // 沭阳县发展和改革局 left the five 法人 columns blank: Excel copies empty cells as nothing.
    let rows = parse_block("26\t\t\t\t\t\t26\r\n\t\t\r\n", None);
    assert_eq!(
        rows,
        block(&[&["26", "", "", "", "", "", "26"], &["", "", ""]])
    );
}

#[test]
fn quoted_cells_hold_line_breaks_tabs_and_quotes() {
    let label = REQUEST_ROWS[request_row("3.2")].label;
    // Excel quotes a cell typed with Alt+Enter; its line break inside is a bare \n.
    let text = "\"（二）部分公开\n（区分处理的，只计这一情形，不计其他情形）\"\t99\t0\r\n\
                \"3.危及\"\"三安全一稳定\"\"\"\t2\t0\r\n\
                \"a\tb\"\t\"\"\t\"\"\"\"\r\n";
    let rows = parse_block(text, None);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(
        rows[0][0].replace('\n', ""),
        label,
        "the label, broken where the user broke it"
    );
    assert_eq!(rows[0][1..], ["99", "0"]);
    assert_eq!(rows[1][0], "3.危及\"三安全一稳定\"");
    assert_eq!(rows[2], ["a\tb", "", "\""]);
}

#[test]
fn a_quoted_cell_with_windows_line_ends_inside() {
    let rows = parse_block("\"一\r\n二\"\t1\r\n", None);
    assert_eq!(rows, block(&[&["一\n二", "1"]]));
}

#[test]
fn stray_quotes_are_text() {
    // Quotes that do not wrap a whole cell, and one that is never closed.
    let rows = parse_block("5\"\t\"8\"件\t\"未闭合\tx\ny\t\"\"", None);
    assert_eq!(
        rows,
        block(&[&["5\"", "\"8\"件", "\"未闭合", "x"], &["y", "\"\""]]),
        "after a quote that never closes, every quote is text"
    );
    let rows = parse_block("1\t\"2\n3\t4", None);
    assert_eq!(rows, block(&[&["1", "\"2"], &["3", "4"]]));
}

#[test]
fn nothing_pasted_is_no_rows_and_one_empty_cell_is_one() {
    assert!(parse_block("", None).is_empty());
    assert_eq!(parse_block("\r\n", None), block(&[&[""]]));
    assert_eq!(parse_block("8", None), block(&[&["8"]]));
}

// ---------------------------------------------------------------------------------------------
// text/html
// ---------------------------------------------------------------------------------------------

/// The head of table 三 and its first two rows as Excel for Windows puts them on the clipboard
/// (text/html): a style block with CSS in a comment, `<col>`, classes and inline styles, merged
/// header cells, &nbsp; in empty cells and a number shown with a thousands separator.
const EXCEL_HTML: &str = r##"<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
<link id=Main-File rel=Main-File href="file:///C:/Users/x/AppData/Local/Temp/msohtmlclip1/01/clip.htm">
<style>
<!--table
	{mso-displayed-decimal-separator:"\.";
	mso-displayed-thousand-separator:"\,";}
td
	{padding-top:1px;
	color:black;
	font-family:等线;}
.xl65
	{mso-number-format:"\#\,\#\#0";
	text-align:center;}
.xl66
	{text-align:center;
	vertical-align:middle;
	white-space:normal;}
-->
</style>
</head>

<body link="#0563C1" vlink="#954F72">

<table border=0 cellpadding=0 cellspacing=0 width=576 style='border-collapse:
 collapse;width:432pt'>
<!--StartFragment-->
 <col width=216 style='mso-width-source:userset;width:162pt'>
 <col width=72 span=7 style='width:54pt'>
 <tr height=19 style='height:14.25pt'>
  <td rowspan=2 height=38 class=xl66 width=216 style='height:28.5pt;width:162pt'>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
  <td rowspan=2 class=xl66 width=72 style='width:54pt'>自然人</td>
  <td colspan=5 class=xl66 width=360 style='border-left:none;width:270pt'>法人或其他组织</td>
  <td rowspan=2 class=xl66 width=72 style='width:54pt'>总计</td>
 </tr>
 <tr height=19 style='height:14.25pt'>
  <td height=19 class=xl66 style='height:14.25pt'>商业<br>
    企业</td>
  <td class=xl66>科研机构</td>
  <td class=xl66>社会公益组织</td>
  <td class=xl66>法律服务机构</td>
  <td class=xl66>其他</td>
 </tr>
 <tr height=19 style='height:14.25pt'>
  <td height=19 style='height:14.25pt'>一、本年新收政府信息公开申请数量</td>
  <td class=xl65 align=right>705</td>
  <td class=xl65 align=right>3</td>
  <td class=xl65 align=right>0</td>
  <td class=xl65 align=right>0</td>
  <td class=xl65 align=right>5</td>
  <td class=xl65 align=right>0</td>
  <td class=xl65 align=right>713</td>
 </tr>
 <tr height=19 style='height:14.25pt'>
  <td height=19 style='height:14.25pt'>二、上年结转政府信息公开申请数量</td>
  <td class=xl65 align=right>1,036</td>
  <td class=xl65>&nbsp;</td>
  <td class=xl65>&nbsp;</td>
  <td class=xl65>&nbsp;</td>
  <td class=xl65>&nbsp;</td>
  <td class=xl65>&nbsp;</td>
  <td class=xl65 align=right>1,036</td>
 </tr>
<!--EndFragment-->
</table>

</body>

</html>
"##;

#[test]
fn excel_html_lays_out_merged_cells() {
    // Excel's text/plain of the same copy, which loses where the merged cells were.
    let plain = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t自然人\t法人或其他组织\t\t\t\t\t总计\r\n";
    let rows = parse_block(plain, Some(EXCEL_HTML));
    assert_eq!(rows.len(), 4, "{rows:#?}");
    let header = REQUEST_COLUMNS.map(|c| c.label);
    assert_eq!(
        rows[0],
        [
            nianbao_report::format::REQUEST_CORNER_NOTE,
            header[0],
            nianbao_report::format::REQUEST_ORGANISATION_HEADER,
            "",
            "",
            "",
            "",
            header[6]
        ]
    );
    // The cells under a rowspan are empty; the five 法人 labels keep their columns.
    assert_eq!(rows[1][0], "");
    assert_eq!(rows[1][1], "");
    assert_eq!(
        rows[1][2], "商业\n企业",
        "a <br> is a line break in the cell"
    );
    assert_eq!(rows[1][3..7], header[2..6]);
    assert_eq!(rows[1][7], "");
    assert_eq!(rows[2][0], REQUEST_ROWS[request_row("1")].label);
    let counts: Vec<Option<u64>> = rows[2][1..]
        .iter()
        .map(|c| parse_count(c).unwrap())
        .collect();
    let published = COUNTY_2025_REQUESTS[request_row("1")].1;
    assert_eq!(counts, published.map(Some));
    // &nbsp; is an empty cell, 「1,036」 a count.
    let counts: Vec<Option<u64>> = rows[3][1..]
        .iter()
        .map(|c| parse_count(c).unwrap())
        .collect();
    assert_eq!(
        counts,
        [Some(1036), None, None, None, None, None, Some(1036)]
    );
}

#[test]
fn html_without_a_table_gives_way_to_the_plain_text() {
    let html = "<meta charset='utf-8'><span style=\"color: rgb(0, 0, 0);\">705</span>";
    assert_eq!(parse_block("705\t3", Some(html)), block(&[&["705", "3"]]));
    // A table with no cell is no table either.
    assert_eq!(parse_block("1", Some("<table></table>")), block(&[&["1"]]));
}

#[test]
fn word_tables_fragments_and_spans_below_the_table() {
    // Word wraps a cell's lines in <p>; a copy of two tables gives both; a fragment may end
    // inside a table; a rowspan past the last row is cut.
    let html = "<TABLE class=MsoTableGrid><TR><TD><P>1.属于国家秘密</P></TD><TD><P>0</P></TD></TR></TABLE>\
                <p>说明</p>\
                <table><tr><td rowspan=9>行政复议</td><td>27</td></tr><tr><td>10\
                <table><tr><td>嵌套</td><td>表</td></tr></table>";
    let rows = parse_block("", Some(html));
    assert_eq!(
        rows,
        block(&[
            &["1.属于国家秘密", "0"],
            &["行政复议", "27"],
            &["", "10\n嵌套 表"],
        ])
    );
}

#[test]
fn a_cell_overlapped_by_a_span_from_above_moves_right() {
    let html = "<table><tr><td>a</td><td rowspan=2 colspan=2>b</td><td>c</td></tr>\
                <tr><td>d</td><td>e</td><td>f</td></tr></table>";
    assert_eq!(
        parse_block("", Some(html)),
        block(&[&["a", "b", "", "c"], &["d", "", "", "e", "f"]])
    );
}

#[test]
fn huge_spans_are_cut() {
    let html =
        "<table><tr><td colspan=1000000 rowspan=1000000>x</td></tr><tr><td>y</td></tr></table>";
    let rows = parse_block("", Some(html));
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].len(), MAX_BLOCK_COLUMNS);
    assert_eq!(rows[0][0], "x");
    // The second row is taken by the span: its cell has no column left.
    assert!(rows[1].iter().all(String::is_empty), "{:?}", rows[1]);
}

// ---------------------------------------------------------------------------------------------
// Cell values
// ---------------------------------------------------------------------------------------------

#[test]
fn blank_marks_are_blank() {
    for blank in [
        "", " ", "\u{3000}", "\u{a0}", "/", "／", "—", "——", "-", "－", "\t",
    ] {
        assert_eq!(parse_count(blank), Ok(None), "{blank:?}");
        assert_eq!(parse_fee(blank), Ok(None), "{blank:?}");
    }
}

#[test]
fn counts_as_published() {
    let cases = [
        ("0", 0),
        (" 713 ", 713),
        ("０１２", 12),
        ("７１８", 718),
        ("1,295", 1295),
        ("1，295", 1295),
        ("517,645", 517_645),
        ("693957", 693_957),
        ("8件", 8),
    ];
    for (text, count) in cases {
        assert_eq!(parse_count(text), Ok(Some(count)), "{text:?}");
    }
    assert_eq!(parse_count(&MAX_COUNT.to_string()), Ok(Some(MAX_COUNT)));
}

#[test]
fn what_is_not_a_count_is_quoted_in_the_message() {
    let error = parse_count("2.5").unwrap_err();
    assert_eq!(error.problem, CellProblem::NotACount);
    assert_eq!(error.text, "2.5");
    assert_eq!(error.message.zh, "“2.5”不是件数：件数须为不小于0的整数");
    assert_eq!(
        error.message.en,
        "“2.5” is not a count: a count is a whole number ≥ 0"
    );
    for bad in [
        "-3", "abc", "1,2", "12,34", "3个半", "1e3", "+1", "0x10", "1.", ".5",
    ] {
        let error = parse_count(bad).unwrap_err();
        assert_eq!(error.problem, CellProblem::NotACount, "{bad:?}");
        assert!(
            error.message.zh.contains(&format!("“{bad}”")),
            "{}",
            error.message.zh
        );
    }
    let too_many = (MAX_COUNT + 1).to_string();
    let error = parse_count(&too_many).unwrap_err();
    assert_eq!(error.problem, CellProblem::TooLarge);
    assert!(
        error.message.zh.contains("1000000000001"),
        "{}",
        error.message.zh
    );
    assert_eq!(
        parse_count("99999999999999999999999").unwrap_err().problem,
        CellProblem::TooLarge
    );
    // A page pasted into one cell is quoted short.
    let page = "一、总体情况".repeat(10_000);
    assert!(parse_count(&page).unwrap_err().message.zh.chars().count() < 80);
}

#[test]
fn fees_are_kept_as_typed() {
    let cases = [
        ("4068.208", "4068.208"),
        ("5949.088667", "5949.088667"),
        ("18,651.06", "18651.06"),
        ("１８６５１．０６", "18651.06"),
        ("0", "0"),
        ("0.00", "0.00"),
        ("4068.208万元", "4068.208"),
    ];
    for (text, kept) in cases {
        let fee = parse_fee(text).unwrap().unwrap();
        assert_eq!(fee, Decimal(kept.into()), "{text:?}");
        assert!(fee.is_valid());
    }
    for bad in ["-1", "1.2.3", "abc", "1.", "万元", "380元"] {
        let error = parse_fee(bad).unwrap_err();
        assert_eq!(error.problem, CellProblem::NotAnAmount, "{bad:?}");
        assert!(
            error.message.zh.starts_with(&format!("“{bad}”不是金额")),
            "{}",
            error.message.zh
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Junk
// ---------------------------------------------------------------------------------------------

/// Deterministic junk drawn from what breaks readers: tabs, quotes, line ends, markup, CJK.
fn junk(len: usize, seed: u64) -> String {
    const PIECES: [&str; 16] = [
        "\t",
        "\"",
        "\r\n",
        "\n",
        "\r",
        "<table>",
        "<tr>",
        "<td colspan=99 rowspan=999>",
        "</td>",
        "</table>",
        "&nbsp;",
        "1,295",
        "申请",
        "\u{feff}",
        "<style>",
        "x",
    ];
    let mut state = seed;
    let mut out = String::with_capacity(len + 32);
    while out.len() < len {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        out.push_str(PIECES[(state >> 60) as usize]);
    }
    out
}

#[test]
fn a_fifty_megabyte_paste_of_junk_returns() {
    let text = junk(50 * 1024 * 1024, 2025);
    let started = std::time::Instant::now();
    let rows = parse_block(&text, None);
    assert!(rows.len() <= MAX_BLOCK_ROWS);
    assert!(rows.iter().all(|r| r.len() <= MAX_BLOCK_COLUMNS));
    let rows = parse_block(&text, Some(&text));
    assert!(rows.len() <= MAX_BLOCK_ROWS);
    assert!(rows.iter().all(|r| r.len() <= MAX_BLOCK_COLUMNS));
    let _ = parse_count(&text);
    let _ = parse_fee(&text);
    println!("50 MB of junk, plain and HTML: {:?}", started.elapsed());
}

/// Each of the worst single pieces, at 5 MB: the time grows linearly (50 MB of tabs took 3.9 s
/// as plain text and 21 s with the HTML read first, in a debug build), so the size only slows
/// the test.
#[test]
fn megabytes_of_tabs_quotes_or_cells_return() {
    for piece in ["\t", "\n", "\"", "\"\t", "<td>"] {
        let text = piece.repeat(5 * 1024 * 1024 / piece.len());
        let started = std::time::Instant::now();
        let rows = parse_block(&text, None);
        let plain = started.elapsed();
        assert!(rows.len() <= MAX_BLOCK_ROWS, "{piece:?}");
        let rows = parse_block(&text, Some(&format!("<table>{text}")));
        println!(
            "5 MB of {piece:?}: plain {plain:?}, with HTML {:?}",
            started.elapsed()
        );
        assert!(rows.len() <= MAX_BLOCK_ROWS, "{piece:?}");
        assert!(
            rows.iter().all(|r| r.len() <= MAX_BLOCK_COLUMNS),
            "{piece:?}"
        );
    }
}
