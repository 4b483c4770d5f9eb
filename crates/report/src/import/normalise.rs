//! Reading published text the way a reader does: for matching only, whitespace is dropped and
//! the variants of punctuation are made one (「（一）」 = 「(一)」, 「，」 = 「,」 = 「、」), and a
//! cell's value is read whatever digits, separators or blank marks it was printed with.
//!
//! The text kept in the report is always the text as published; nothing here changes it.

use crate::model::MAX_COUNT;

/// Whitespace of any width, and the invisible marks that copies carry.
pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}')
}

/// The text folded for matching: no whitespace, one form of each punctuation mark.
pub(super) fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    folded.extend(text.chars().filter(|c| !is_space(*c)).map(fold_char));
    folded
}

/// The beginning of a text, at most `chars` chars: what a heading or a numbering can be judged
/// by without folding a whole paragraph.
pub(super) fn head(text: &str, chars: usize) -> &str {
    match text.char_indices().nth(chars) {
        Some((at, _)) => text.get(..at).unwrap_or(text),
        None => text,
    }
}

fn fold_char(c: char) -> char {
    match c {
        // Full-width forms of ASCII: （）０９，：；．／－ …
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        // 「、」 and 「，」 are used for one another in copies (「逾期不补正, 行政机关」).
        '、' => ',',
        '“' | '”' | '„' | '〝' | '〞' => '"',
        '‘' | '’' => '\'',
        '—' | '–' | '―' | '‐' | '‑' | '−' | '─' => '-',
        '〔' | '【' => '[',
        '〕' | '】' => ']',
        _ => c,
    }
}

/// The rest of `original` after its first `folded_chars` non-whitespace chars, trimmed.
pub(super) fn after_folded(original: &str, folded_chars: usize) -> &str {
    let mut seen = 0;
    for (at, c) in original.char_indices() {
        if seen == folded_chars {
            return original.get(at..).unwrap_or("").trim();
        }
        if !is_space(c) {
            seen += 1;
        }
    }
    ""
}

pub(super) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// The numbering a label or heading starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ordinal {
    /// 「四、」
    Top(u32),
    /// 「（四）」
    Paren(u32),
    /// 「4.」 「4、」
    Number(u32),
}

/// 一 … 九十九 as a number.
fn chinese_number(text: &str) -> Option<u32> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .and_then(|d| u32::try_from(d).ok())
    };
    let mut chars = text.chars();
    let value = match (chars.next(), chars.next(), chars.next(), chars.next()) {
        (Some('十'), None, _, _) => 10,
        (Some(d), None, _, _) => digit(d)?,
        (Some('十'), Some(d), None, _) => 10 + digit(d)?,
        (Some(t), Some('十'), None, _) => digit(t)? * 10,
        (Some(t), Some('十'), Some(d), None) => digit(t)? * 10 + digit(d)?,
        _ => return None,
    };
    (value > 0).then_some(value)
}

/// Splits a folded label into its numbering and the words after it.
pub(super) fn split_ordinal(folded: &str) -> (Option<Ordinal>, &str) {
    if let Some(inner) = folded.strip_prefix('(') {
        if let Some(close) = inner.find(')') {
            let number = inner.get(..close).unwrap_or("");
            let rest = inner.get(close + 1..).unwrap_or("");
            if let Some(n) = chinese_number(number) {
                return (Some(Ordinal::Paren(n)), rest);
            }
            if let Ok(n) = number.parse::<u32>() {
                return (Some(Ordinal::Number(n)), rest);
            }
        }
        return (None, folded);
    }
    let numeral_end = folded
        .char_indices()
        .find(|(_, c)| !"零一二三四五六七八九十".contains(*c))
        .map_or(folded.len(), |(at, _)| at);
    if numeral_end > 0 {
        let rest = folded.get(numeral_end..).unwrap_or("");
        if let (Some(n), Some(rest)) = (
            chinese_number(folded.get(..numeral_end).unwrap_or("")),
            rest.strip_prefix([',', '.']),
        ) {
            return (Some(Ordinal::Top(n)), rest);
        }
        return (None, folded);
    }
    let digits_end = folded
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(folded.len(), |(at, _)| at);
    if digits_end > 0 && digits_end <= 2 {
        let rest = folded.get(digits_end..).unwrap_or("");
        // 「1.5」 is a number, not an item.
        let item = rest
            .strip_prefix([',', '.'])
            .filter(|after| !after.starts_with(|c: char| c.is_ascii_digit()));
        if let (Ok(n), Some(rest)) = (folded.get(..digits_end).unwrap_or("").parse(), item) {
            return (Some(Ordinal::Number(n)), rest);
        }
    }
    (None, folded)
}

/// What a table cell holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Value {
    /// Nothing, or a mark that means nothing: 「/」 「—」 「-」.
    Blank,
    Count(u64),
    /// A decimal as published, digits made ASCII and separators dropped: 「4068.208」.
    Decimal(String),
    /// Looks like a number but cannot be read as one; quoted in a note.
    Unread(String),
}

/// Units a cell sometimes repeats after its number (「8件」).
const UNITS: [char; 4] = ['件', '条', '个', '项'];

/// Longest text read as a value (「5,949.088667」, 「1,000,000,000,000」 with spaces).
const MAX_VALUE_BYTES: usize = 48;

/// What the cell holds, or None when it is words (a label or a header).
pub(crate) fn parse_value(raw: &str) -> Option<Value> {
    let trimmed = raw.trim();
    if raw.len() > MAX_VALUE_BYTES || trimmed.starts_with(is_cjk) {
        return None;
    }
    // Most cells are plain digits.
    if !trimmed.is_empty() && trimmed.len() <= 12 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return trimmed
            .parse::<u64>()
            .ok()
            .filter(|n| *n <= MAX_COUNT)
            .map(Value::Count);
    }
    let folded = fold(raw);
    let text = folded
        .strip_suffix(UNITS)
        .filter(|t| !t.is_empty())
        .unwrap_or(&folded);
    if text.is_empty() || text.chars().all(|c| matches!(c, '/' | '-' | '\\')) {
        return Some(Value::Blank);
    }
    if let Some(digits) = without_thousands_separators(text) {
        if let Some((int, frac)) = digits.split_once('.') {
            if !int.is_empty()
                && !frac.is_empty()
                && int.bytes().all(|b| b.is_ascii_digit())
                && frac.bytes().all(|b| b.is_ascii_digit())
            {
                return Some(Value::Decimal(digits));
            }
        } else if digits.bytes().all(|b| b.is_ascii_digit()) {
            return Some(match digits.parse::<u64>() {
                Ok(n) if n <= MAX_COUNT => Value::Count(n),
                _ => Value::Unread(raw.trim().to_owned()),
            });
        }
    }
    // 「〇」 or a letter O where a zero was printed or read by OCR: a value, but not one to guess.
    if text.chars().count() <= 3 && text.chars().all(|c| matches!(c, '〇' | 'O' | 'o')) {
        return Some(Value::Unread(raw.trim().to_owned()));
    }
    let has_digit = text.chars().any(|c| c.is_ascii_digit());
    let letters = text.chars().filter(|c| c.is_ascii_alphabetic()).count();
    let words = text.chars().any(|c| is_cjk(c) || c == '%');
    if has_digit && !words && letters < 3 && text.chars().count() <= 16 {
        return Some(Value::Unread(raw.trim().to_owned()));
    }
    None
}

/// 「1,295」 → 「1295」; None when the commas do not group thousands.
fn without_thousands_separators(text: &str) -> Option<String> {
    if !text.contains(',') {
        return Some(text.to_owned());
    }
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let mut groups = int.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits = first.to_owned();
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(group);
    }
    if let Some(frac) = frac {
        digits.push('.');
        digits.push_str(frac);
    }
    Some(digits)
}

/// Length of the longest run of chars two short texts share (for headings worded a little
/// differently from the format's).
pub(super) fn longest_common_run(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut best = 0;
    let mut previous = vec![0usize; b.len() + 1];
    for ca in &a {
        let mut current = vec![0usize; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            if ca == cb {
                let run = previous.get(j).copied().unwrap_or(0) + 1;
                if let Some(slot) = current.get_mut(j + 1) {
                    *slot = run;
                }
                best = best.max(run);
            }
        }
        previous = current;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_and_full_width_fold_alike() {
        assert_eq!(fold("（一）予以公开"), fold("(一) 予以公开"));
        assert_eq!(
            fold("1.申请人无正当理由逾期不补正、行政机关"),
            fold("1. 申请人无正当理由逾期不补正, 行政机关")
        );
        assert_eq!(fold("３.危及“三安全一稳定”"), "3.危及\"三安全一稳定\"");
    }

    #[test]
    fn ordinals() {
        assert_eq!(
            split_ordinal(&fold("四、结转下年度继续办理")),
            (Some(Ordinal::Top(4)), "结转下年度继续办理")
        );
        assert_eq!(
            split_ordinal(&fold("（七）总计")),
            (Some(Ordinal::Paren(7)), "总计")
        );
        assert_eq!(
            split_ordinal(&fold("8.属于行政查询事项")),
            (Some(Ordinal::Number(8)), "属于行政查询事项")
        );
        assert_eq!(split_ordinal("1.5"), (None, "1.5"));
        assert_eq!(split_ordinal("总计"), (None, "总计"));
    }

    #[test]
    fn values_as_published() {
        assert_eq!(parse_value(" 0 "), Some(Value::Count(0)));
        assert_eq!(parse_value("１２"), Some(Value::Count(12)));
        assert_eq!(parse_value("1,295"), Some(Value::Count(1295)));
        assert_eq!(parse_value("517645"), Some(Value::Count(517645)));
        assert_eq!(
            parse_value("4068.208"),
            Some(Value::Decimal("4068.208".into()))
        );
        for blank in ["", "/", "／", "—", "-", "——", "\u{a0}"] {
            assert_eq!(parse_value(blank), Some(Value::Blank), "{blank:?}");
        }
        assert_eq!(parse_value("1O"), Some(Value::Unread("1O".into())));
        assert_eq!(parse_value("1,2"), Some(Value::Unread("1,2".into())));
        assert_eq!(parse_value("数据1"), None);
        assert_eq!(parse_value("1.属于国家秘密"), None);
        assert_eq!(parse_value("行政许可"), None);
    }

    #[test]
    fn common_run() {
        assert_eq!(
            longest_common_run("依申请公开情况", "主动公开政府信息情况"),
            2
        );
        assert_eq!(longest_common_run("abcdef", "xxcdeyy"), 3);
    }
}
