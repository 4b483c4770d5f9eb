//! Reading the numbers officials write in running Chinese text — 「75件」, 「７５件」, 「1,295件」,
//! 「一百零五件」, 「两件」 — and the years they name (「2023年」, 「二〇二三年」).
//!
//! A rough number (「140余条」, 「约20件」, 「十几件」, 「3-5件」, 「1.2万件」) is read but marked
//! inexact: no rule may compare it with a table.

/// A number the text states with its unit, e.g. 「749 件」 in 「共受理政府信息公开申请 749 件」.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct StatedNumber {
    /// Index, in chars of the scanned slice, of the number's first char.
    pub start: usize,
    /// Index just past the unit.
    pub end: usize,
    pub value: u64,
    /// False for a rough number: 「余」「多」「约」「近」「超过」…, a range, a decimal, 「三四件」,
    /// or a number that is a share of something (「各2件」, 「其余3件」).
    pub exact: bool,
    /// The unit written after it: 「件」, 「条」 …
    pub unit: char,
}

/// A year the text names: 「2023年」, 「2025 年」 (spaces removed by the caller), 「二〇二三年」.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct StatedYear {
    /// Index of the year's first digit.
    pub start: usize,
    /// Index just past 「年」.
    pub end: usize,
    pub value: i32,
}

/// Words right before a number that make it rough, or a share rather than a total.
const ROUGH_BEFORE: &[&str] = &[
    "约",
    "近",
    "超",
    "超过",
    "逾",
    "余",
    "上",
    "数",
    "几",
    "各",
    "每",
    "多",
    "少",
    "多达",
    "不足",
    "不到",
    "不少于",
    "至少",
    "平均",
];
/// Chars between a number and its unit that make it rough: 「75余件」, 「70多件」, 「十来件」, 「十几件」.
const ROUGH_BETWEEN: &[char] = &['余', '多', '来', '几'];
/// Words right after the unit that make the number rough (「10件以上」), or another unit (「件次」).
const ROUGH_AFTER: &[&str] = &["以上", "以下", "左右", "上下", "之多", "次"];
/// Marks of a range 「3-5件」, 「三至五件」: the second number is not a count on its own.
const RANGE_MARKS: &[char] = &['-', '－', '~', '～', '至', '到', '—', '–'];

fn arabic_digit(c: char) -> Option<u64> {
    match c {
        '0'..='9' => Some(u64::from(c) - u64::from('0')),
        '０'..='９' => Some(u64::from(c) - u64::from('０')),
        _ => None,
    }
}

fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// 十, 百, 千: units inside a group of four digits.
fn chinese_small_unit(c: char) -> Option<u64> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

/// 万, 亿: units that close a group of four digits.
fn chinese_big_unit(c: char) -> Option<u64> {
    match c {
        '万' => Some(10_000),
        '亿' => Some(100_000_000),
        _ => None,
    }
}

fn is_numeral(c: char) -> bool {
    arabic_digit(c).is_some()
        || chinese_digit(c).is_some()
        || chinese_small_unit(c).is_some()
        || chinese_big_unit(c).is_some()
}

/// Chars that may sit inside a written number: thousands separators and decimal points.
fn is_separator(c: char) -> bool {
    matches!(c, ',' | '.' | '．')
}

/// Arabic digits, full-width or not, with optional thousands separators (「1,295」).
fn parse_arabic(chars: &[char]) -> Option<u64> {
    let groups: Vec<&[char]> = chars.split(|c| *c == ',').collect();
    let well_grouped = groups.len() == 1
        || groups.iter().enumerate().all(|(i, g)| {
            if i == 0 {
                (1..=3).contains(&g.len())
            } else {
                g.len() == 3
            }
        });
    if !well_grouped {
        return None;
    }
    let mut value: u64 = 0;
    let mut any = false;
    for &c in chars.iter().filter(|c| **c != ',') {
        let d = arabic_digit(c)?;
        value = value.checked_mul(10)?.checked_add(d)?;
        any = true;
    }
    any.then_some(value)
}

/// Chinese numerals: positional (「一百零五」, 「十二」, 「两千三百万」) or digit by digit
/// (「二〇二三」).
fn parse_chinese(chars: &[char]) -> Option<u64> {
    if chars.is_empty() {
        return None;
    }
    if chars.iter().all(|c| chinese_digit(*c).is_some()) {
        let mut value: u64 = 0;
        for &c in chars {
            value = value.checked_mul(10)?.checked_add(chinese_digit(c)?)?;
        }
        return Some(value);
    }
    // Positional: a group below 万 is built from digit×unit pairs with units strictly falling
    // (「三千零五」); 万 and 亿 close a group. Anything else (「五三百」, 「百千」) is not a number.
    let mut total: u64 = 0;
    let mut group: u64 = 0;
    let mut digit: Option<u64> = None;
    let mut last_small = u64::MAX;
    let mut last_big = u64::MAX;
    for &c in chars {
        if let Some(d) = chinese_digit(c) {
            if digit.is_some() {
                return None;
            }
            // 零 only holds a place (「一百零五」); it is never a digit of its own here.
            if d != 0 {
                digit = Some(d);
            }
        } else if let Some(unit) = chinese_small_unit(c) {
            if unit >= last_small {
                return None;
            }
            // 「十二」 is twelve: a leading 十 stands for 一十. 「百」 alone is not written.
            let times = match digit.take() {
                Some(d) => d,
                None if unit == 10 => 1,
                None => return None,
            };
            group = group.checked_add(times.checked_mul(unit)?)?;
            last_small = unit;
        } else if let Some(unit) = chinese_big_unit(c) {
            if unit >= last_big {
                return None;
            }
            let closed = group.checked_add(digit.take().unwrap_or(0))?;
            if closed == 0 {
                return None;
            }
            total = total.checked_add(closed.checked_mul(unit)?)?;
            group = 0;
            last_small = u64::MAX;
            last_big = unit;
        } else {
            return None;
        }
    }
    total.checked_add(group)?.checked_add(digit.unwrap_or(0))
}

/// The value of a whole numeral: 「75」, 「７５」, 「1,295」, 「一百零五」, 「两」. None for anything
/// else, decimals and mixed forms (「3万」) included.
fn read_numeral(chars: &[char]) -> Option<u64> {
    if chars.is_empty() {
        return None;
    }
    if chars
        .iter()
        .all(|c| arabic_digit(*c).is_some() || *c == ',')
    {
        parse_arabic(chars)
    } else {
        parse_chinese(chars)
    }
}

/// The value of a numeral found in running text, and whether it is an exact count.
fn read_run(run: &[char]) -> Option<(u64, bool)> {
    if run.iter().any(|c| matches!(c, '.' | '．')) {
        // 「1.5万件」: a rounded figure, never a count to compare.
        return None;
    }
    let arabic = run.iter().any(|c| arabic_digit(*c).is_some());
    let chinese = run
        .iter()
        .any(|c| !(arabic_digit(*c).is_some() || *c == ','));
    match (arabic, chinese) {
        (true, false) => read_numeral(run).map(|v| (v, true)),
        (true, true) => {
            // 「3万件」: Arabic digits with a Chinese unit are rounded figures.
            let split = run
                .iter()
                .position(|c| arabic_digit(*c).is_none() && *c != ',')?;
            let (digits, unit) = run.split_at(split);
            let base = parse_arabic(digits)?;
            let unit = match unit {
                [c] => chinese_small_unit(*c).or_else(|| chinese_big_unit(*c))?,
                _ => return None,
            };
            base.checked_mul(unit).map(|v| (v, false))
        }
        (false, true) => {
            let value = read_numeral(run)?;
            // 「三四件」 means three or four; 「二〇二三」 is a year, not a count.
            let digit_by_digit = run.len() > 1 && run.iter().all(|c| chinese_digit(*c).is_some());
            Some((value, !digit_by_digit))
        }
        (false, false) => None,
    }
}

/// Whether `chars` end with `word`, compared a char at a time: these run for every word of the
/// rough lists around every number, and copying the word for each was the busiest caller of
/// `memcmp` in reading a section, in a CPU profile of `nianbao export --long`.
fn ends_with(chars: &[char], word: &str) -> bool {
    let mut before = chars.iter().rev();
    word.chars().rev().all(|c| before.next() == Some(&c))
}

fn starts_with(chars: &[char], word: &str) -> bool {
    let mut after = chars.iter();
    word.chars().all(|c| after.next() == Some(&c))
}

/// Index just before trailing whitespace of `chars[..end]`.
fn skip_space_back(chars: &[char], mut end: usize) -> usize {
    while end > 0 && chars.get(end - 1).is_some_and(|c| c.is_whitespace()) {
        end -= 1;
    }
    end
}

/// Every number written with one of `units` right after it (spaces allowed between): 「75件」,
/// 「749 件」, in the order they are written (a number's digits never reach back over the unit of
/// the one before). One pass for all the units: the reading rules scanned each clause once per
/// unit, a twentieth of `nianbao check` in a CPU profile.
pub(super) fn stated_numbers(chars: &[char], units: &[char]) -> Vec<StatedNumber> {
    let mut found = Vec::new();
    for (at, &unit) in chars.iter().enumerate() {
        if !units.contains(&unit) {
            continue;
        }
        let after = chars.get(at + 1..).unwrap_or(&[]);
        // 「一件事一次办」 is a slogan, not a count.
        if after.first() == Some(&'事') {
            continue;
        }
        let mut exact = !ROUGH_AFTER.iter().any(|w| starts_with(after, w));
        let mut number_end = skip_space_back(chars, at);
        if number_end > 0
            && chars
                .get(number_end - 1)
                .is_some_and(|c| ROUGH_BETWEEN.contains(c))
        {
            exact = false;
            number_end = skip_space_back(chars, number_end - 1);
        }
        let mut start = number_end;
        while start > 0
            && chars
                .get(start - 1)
                .is_some_and(|c| is_numeral(*c) || is_separator(*c))
        {
            start -= 1;
        }
        while start < number_end && chars.get(start).is_some_and(|c| is_separator(*c)) {
            start += 1;
        }
        let Some(run) = chars.get(start..number_end).filter(|r| !r.is_empty()) else {
            continue;
        };
        let Some((value, exact_run)) = read_run(run) else {
            continue;
        };
        exact &= exact_run;
        let before = chars.get(..skip_space_back(chars, start)).unwrap_or(&[]);
        // 「第3件」 is an ordinal; 「A3件」 a code.
        if before
            .last()
            .is_some_and(|c| *c == '第' || c.is_ascii_alphanumeric())
        {
            continue;
        }
        // 「剩余2件」 is the rest, counted exactly; 数 is rough before 十 or 百 (「数十件」), not
        // before digits (「行政处罚案件数2件」).
        let count_of =
            ends_with(before, "数") && run.first().is_some_and(|c| arabic_digit(*c).is_some());
        if ROUGH_BEFORE.iter().any(|w| ends_with(before, w))
            && !ends_with(before, "剩余")
            && !count_of
        {
            exact = false;
        }
        if let [.., first, mark] = before {
            if RANGE_MARKS.contains(mark) && is_numeral(*first) {
                exact = false;
            }
        }
        found.push(StatedNumber {
            start,
            end: at + 1,
            value,
            exact,
            unit,
        });
    }
    found
}

/// A share the text states: 「17.46%」, 「50%」.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct StatedPercent {
    pub start: usize,
    /// Index just past 「%」.
    pub end: usize,
    /// The number without its point: 1746 for 「17.46%」.
    pub scaled: u64,
    /// Digits after the point (at most 2 are read).
    pub decimals: u32,
}

/// Every share written with 「%」 or 「％」 right after its digits; a rough one (「约50%」,
/// 「90%以上」) is left out.
pub(super) fn stated_percents(chars: &[char]) -> Vec<StatedPercent> {
    let mut found = Vec::new();
    for (at, &c) in chars.iter().enumerate() {
        if c != '%' && c != '％' {
            continue;
        }
        let end = skip_space_back(chars, at);
        let mut start = end;
        while start > 0
            && chars
                .get(start - 1)
                .is_some_and(|c| arabic_digit(*c).is_some() || matches!(c, '.' | '．'))
        {
            start -= 1;
        }
        let Some(run) = chars.get(start..end).filter(|r| !r.is_empty()) else {
            continue;
        };
        let text: String = run
            .iter()
            .map(|c| match arabic_digit(*c) {
                Some(d) => char::from_digit(d as u32, 10).unwrap_or('0'),
                None => '.',
            })
            .collect();
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        if whole.is_empty() || fraction.len() > 2 || fraction.contains('.') {
            continue;
        }
        let Ok(scaled) = format!("{whole}{fraction}").parse::<u64>() else {
            continue;
        };
        let before = chars.get(..start).unwrap_or(&[]);
        let after = chars.get(at + 1..).unwrap_or(&[]);
        if ROUGH_BEFORE.iter().any(|w| ends_with(before, w))
            || ROUGH_AFTER.iter().any(|w| starts_with(after, w))
        {
            continue;
        }
        found.push(StatedPercent {
            start,
            end: at + 1,
            scaled,
            decimals: fraction.len() as u32,
        });
    }
    found
}

/// Every year written as four digits before 「年」: 「2023年」, 「2025 年」, 「二〇二三年」.
pub(super) fn stated_years(chars: &[char]) -> Vec<StatedYear> {
    let mut found = Vec::new();
    for (at, &c) in chars.iter().enumerate() {
        if c != '年' {
            continue;
        }
        let end = skip_space_back(chars, at);
        let mut start = end;
        while start > 0
            && chars
                .get(start - 1)
                .is_some_and(|c| arabic_digit(*c).is_some() || chinese_digit(*c).is_some())
        {
            start -= 1;
        }
        let Some(run) = chars.get(start..end).filter(|r| r.len() == 4) else {
            continue;
        };
        let all_arabic = run.iter().all(|c| arabic_digit(*c).is_some());
        let all_chinese = run.iter().all(|c| chinese_digit(*c).is_some());
        let value = if all_arabic {
            parse_arabic(run)
        } else if all_chinese {
            parse_chinese(run)
        } else {
            None
        };
        if let Some(value) = value
            .and_then(|v| i32::try_from(v).ok())
            .filter(|v| (1900..=2199).contains(v))
        {
            found.push(StatedYear {
                start,
                end: at + 1,
                value,
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn read_numeral(s: &str) -> Option<u64> {
        super::read_numeral(&chars(s))
    }

    /// The exact counts stated with 件, as (value, the number as written).
    fn counts(s: &str) -> Vec<u64> {
        stated_numbers(&chars(s), &['件'])
            .into_iter()
            .filter(|n| n.exact)
            .map(|n| n.value)
            .collect()
    }

    /// The char-by-char comparisons are the slices' own.
    #[test]
    fn starts_and_ends_with_words_as_slices_do() {
        let texts = ["", "约", "约有50", "以上", "50%以上", "剩余约"];
        let words = ["", "约", "约有", "以上", "上", "剩余约", "超过"];
        for text in texts {
            let text = chars(text);
            for word in words {
                let word_chars = chars(word);
                assert_eq!(
                    starts_with(&text, word),
                    text.starts_with(&word_chars),
                    "{word} at the start of {text:?}"
                );
                assert_eq!(
                    ends_with(&text, word),
                    text.ends_with(&word_chars),
                    "{word} at the end of {text:?}"
                );
            }
        }
    }

    #[test]
    fn reads_arabic_and_full_width_digits() {
        assert_eq!(read_numeral("75"), Some(75));
        assert_eq!(read_numeral("７５"), Some(75));
        assert_eq!(read_numeral("713"), Some(713));
        assert_eq!(counts("收到政府信息公开申请75件"), [75]);
        assert_eq!(counts("收到政府信息公开申请７５件"), [75]);
        // 沭阳县人民政府 2025, as OCR copied it.
        assert_eq!(counts("共受理政府信息公开申请 749 件"), [749]);
    }

    #[test]
    fn reads_thousands_separators() {
        assert_eq!(read_numeral("1,295"), Some(1295));
        assert_eq!(read_numeral("517,645"), Some(517_645));
        assert_eq!(counts("办结申请共计1,295件"), [1295]);
        // Not thousands: a list, or a clause break, must not join two numbers.
        assert_eq!(read_numeral("12,95"), None);
        assert_eq!(counts("收到3,办结12,95件"), Vec::<u64>::new());
    }

    #[test]
    fn reads_chinese_numerals() {
        assert_eq!(read_numeral("十二"), Some(12));
        assert_eq!(read_numeral("十"), Some(10));
        assert_eq!(read_numeral("二十"), Some(20));
        assert_eq!(read_numeral("一百零五"), Some(105));
        assert_eq!(read_numeral("一千一百九十一"), Some(1191));
        assert_eq!(read_numeral("两千零三"), Some(2003));
        assert_eq!(read_numeral("三万五千"), Some(35_000));
        assert_eq!(read_numeral("两"), Some(2));
        assert_eq!(read_numeral("零"), Some(0));
        assert_eq!(read_numeral("二〇二三"), Some(2023));
        assert_eq!(counts("行政复议十二件"), [12]);
        assert_eq!(counts("共收到申请一百零五件"), [105]);
        assert_eq!(counts("行政诉讼两件"), [2]);
    }

    #[test]
    fn rejects_what_is_not_a_numeral() {
        for bad in ["", "百", "五三百", "百千", "十十", "万", "7a", "1.5", "3万"] {
            assert_eq!(read_numeral(bad), None, "{bad}");
        }
    }

    #[test]
    fn rough_numbers_are_not_exact() {
        for text in [
            "共收到申请75余件",
            "共收到申请70多件",
            "约20件",
            "近30件",
            "超过100件",
            "十余件",
            "十几件",
            "数十件",
            "三四件",
            "3-5件",
            "三至五件",
            "10件以上",
            "行政复议、行政诉讼案件各2件",
            "其余3件",
            "3万件",
        ] {
            let found = stated_numbers(&chars(text), &['件']);
            assert!(
                found.iter().all(|n| !n.exact),
                "{text} read as exact: {found:?}"
            );
        }
        // Decimals are not read at all.
        assert!(stated_numbers(&chars("1.2万件"), &['件']).is_empty());
    }

    #[test]
    fn words_that_end_in_the_unit_are_not_counts() {
        // 文件, 案件, 条件: no numeral before 件. 第3件 is an ordinal, 一件事 a slogan.
        assert!(counts("现行有效规范性文件").is_empty());
        assert!(counts("第3件").is_empty());
        assert!(counts("推进“一件事一次办”").is_empty());
        // The seed's 「“一件一审”」 is read as 1: only a keyword before it could make it a count.
        assert_eq!(counts("认真落实信息发布“一件一审”管理制度"), [1]);
    }

    #[test]
    fn numbers_of_every_unit_come_in_the_order_written() {
        let text = chars("办理2条意见，收到申请3件，其中1份不予公开，另有5 件");
        let found = stated_numbers(&text, &['件', '个', '条', '份']);
        let read: Vec<(u64, char)> = found.iter().map(|n| (n.value, n.unit)).collect();
        assert_eq!(read, [(2, '条'), (3, '件'), (1, '份'), (5, '件')]);
        assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn positions_cover_number_and_unit() {
        let text = chars("上年结转36件，结转下年度继续办理31件");
        let found = stated_numbers(&text, &['件']);
        assert_eq!(found.len(), 2);
        let first: String = text[found[0].start..found[0].end].iter().collect();
        let second: String = text[found[1].start..found[1].end].iter().collect();
        assert_eq!(first, "36件");
        assert_eq!(second, "31件");
    }

    #[test]
    fn reads_years() {
        let years =
            |s: &str| -> Vec<i32> { stated_years(&chars(s)).iter().map(|y| y.value).collect() };
        assert_eq!(years("截至2023年12月31日"), [2023]);
        assert_eq!(years("２０２３年"), [2023]);
        assert_eq!(years("二〇二三年度"), [2023]);
        assert_eq!(years("设立于1986年3月"), [1986]);
        // Not years: counts of years, five digits, 「两年」.
        assert!(years("近十年").is_empty());
        assert!(years("12023年").is_empty());
        assert!(years("两年来").is_empty());
    }
}
