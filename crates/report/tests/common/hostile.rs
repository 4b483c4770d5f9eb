//! Inputs made to hurt the importer: random bytes, a megabyte of the format's words in random
//! order, floods of one piece, tables nested deep or spanning far. The tests check what the
//! importer makes of them; benches/core.rs times them (timings are never asserted).

#![allow(dead_code)]

/// A small xorshift generator: the same junk on every run.
pub struct Junk(pub u64);

impl Junk {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

pub fn random_bytes() -> Vec<u8> {
    let mut junk = Junk(0x9e37_79b9_7f4a_7c15);
    (0..4096).map(|_| junk.next() as u8).collect()
}

/// 1 MB of text-like junk, with bars, numbers and words of the format.
pub fn megabyte_of_words() -> String {
    let mut junk = Junk(0x2545_f491_4f6c_dd1d);
    let words = [
        "|",
        "0",
        "12",
        " ",
        "\n",
        "一、",
        "（三）",
        "总计",
        "<td>",
        "行政复议",
        "数据",
        "报告",
        "。",
        "规章",
    ];
    let mut big = String::new();
    while big.len() < 1 << 20 {
        big.push_str(words[(junk.next() % words.len() as u64) as usize]);
    }
    big
}

/// Floods of one piece each, with a name.
pub fn floods() -> Vec<(&'static str, String)> {
    vec![
        ("unclosed tables", "<table>x".repeat(100_000)),
        ("headings", "六、一二三四五六七八九十\n".repeat(30_000)),
        ("agency endings", "局镇乡".repeat(350_000)),
        (
            "one long row",
            format!(
                "一、总体情况\n二、主动公开政府信息情况\n规章{}",
                "|0".repeat(400_000)
            ),
        ),
        ("numberings", "1.\n".repeat(300_000)),
        ("deeply nested tables", "<table><tr><td>".repeat(20_000)),
        (
            "huge spans",
            "<table><tr><td colspan=999999 rowspan=999999>1</td></tr></table>".repeat(500),
        ),
    ]
}
