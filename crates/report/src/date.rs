//! Dates: the publication date of the report header, as the JSON format writes it
//! (`YYYY-MM-DD`), as published reports sign it (「2026年1月23日」), and as the deadline rules count
//! with it. One type for the JSON reader, the importer and the rules.
//!
//! A date may be written that names no day of the calendar (2025-02-31). It is kept as written —
//! nothing typed is lost — and C-date names it; [`Date::is_real`] tells the two apart.

use std::fmt;

/// A year, month and day, ordered by them. The month is 1–12 and the day 1–31; whether that day
/// exists in that month is [`Date::is_real`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A date of the calendar, or None.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let date = Date { year, month, day };
        date.is_real().then_some(date)
    }

    /// Strictly `YYYY-MM-DD` (the date field's and the JSON format's way), with a month 01–12
    /// and a day 01–31: 2025-02-31 reads, to be named by C-date; 2025-2-3 does not.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        let digits = |part: &str, len: usize| {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u32>().ok())
                .flatten()
        };
        if parts.next().is_some() {
            return None;
        }
        let date = Date {
            year: i32::try_from(digits(year, 4)?).ok()?,
            month: digits(month, 2)?,
            day: digits(day, 2)?,
        };
        date.in_range().then_some(date)
    }

    /// A date as a published report signs it: 「2026年1月23日」, 「（2024年1月17日）」,
    /// 「2024-01-17」, 「2024.1.17」, 「2024/1/17」, with half- or full-width digits and brackets
    /// (`fold` gives the line folded to half width). Years 1990–2100 only: a report's.
    pub fn from_written(folded: &str) -> Option<Date> {
        let inner = folded
            .strip_prefix('(')
            .and_then(|l| l.strip_suffix(')'))
            .unwrap_or(folded);
        let parts: Vec<&str> = if inner.ends_with('日') {
            inner.trim_end_matches('日').split(['年', '月']).collect()
        } else {
            inner.split(['-', '.', '/']).collect()
        };
        let [year, month, day] = parts.as_slice() else {
            return None;
        };
        let date = Date {
            year: year.parse().ok()?,
            month: month.parse().ok()?,
            day: day.parse().ok()?,
        };
        ((1990..=2100).contains(&date.year) && date.in_range()).then_some(date)
    }

    /// Whether the day exists: 2024-02-29 does, 2025-02-29 does not.
    pub fn is_real(self) -> bool {
        self.in_range() && self.day <= days_in_month(self.year, self.month)
    }

    fn in_range(self) -> bool {
        (1..=12).contains(&self.month) && (1..=31).contains(&self.day)
    }

    /// The days in this date's month.
    pub fn days_in_month(self) -> u32 {
        days_in_month(self.year, self.month)
    }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil), to say how late a report is.
    pub fn days(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year =
            (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }
}

/// The year a report written on `today` is about: last year's from January to September (the
/// reports are due by 31 January, governments' by March, and late ones come through the
/// summer), this year's from October, when offices start on the year that is ending.
pub fn report_year_on(today: Date) -> i32 {
    if today.month >= 10 {
        today.year
    } else {
        today.year - 1
    }
}

/// `YYYY-MM-DD`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn reads_iso_dates_and_keeps_impossible_days_for_the_rule() {
        assert_eq!(Date::parse_iso("2026-01-23"), Some(date(2026, 1, 23)));
        assert!(Date::parse_iso("2024-02-29").is_some_and(Date::is_real));
        let impossible = Date::parse_iso("2025-02-31").expect("kept as written");
        assert!(!impossible.is_real());
        assert_eq!(impossible.to_string(), "2025-02-31");
        for bad in [
            "2026-13-01",
            "2026-01-32",
            "2026-00-10",
            "2026-1-23",
            "2026年1月23日",
            "2026/01/23",
            "2026-01-23-1",
            "+202-01-23",
            "２０２６-01-23",
            "",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn reads_dates_as_reports_sign_them() {
        let read = |s: &str| Date::from_written(s).map(|d| d.to_string());
        assert_eq!(read("2024年1月17日").as_deref(), Some("2024-01-17"));
        assert_eq!(read("(2026年1月23日)").as_deref(), Some("2026-01-23"));
        assert_eq!(read("2024-01-17").as_deref(), Some("2024-01-17"));
        assert_eq!(read("2024.1.7").as_deref(), Some("2024-01-07"));
        assert_eq!(read("2023年2月30日").as_deref(), Some("2023-02-30"));
        assert_eq!(read("2023年12月"), None);
        assert_eq!(read("截至2023年12月31日"), None);
        assert_eq!(read("1949年10月1日"), None);
    }

    #[test]
    fn only_days_of_the_calendar_are_real() {
        assert_eq!(Date::new(2025, 2, 29), None);
        assert_eq!(Date::new(2024, 2, 29), Some(date(2024, 2, 29)));
        assert_eq!(Date::new(2100, 2, 29), None);
        assert_eq!(Date::new(2000, 2, 29), Some(date(2000, 2, 29)));
        assert_eq!(Date::new(2026, 4, 31), None);
        assert_eq!(date(2025, 2, 1).days_in_month(), 28);
    }

    #[test]
    fn the_report_year_turns_in_october() {
        assert_eq!(report_year_on(date(2026, 1, 1)), 2025);
        assert_eq!(report_year_on(date(2026, 9, 30)), 2025);
        assert_eq!(report_year_on(date(2026, 10, 1)), 2026);
        assert_eq!(report_year_on(date(2026, 12, 4)), 2026);
    }

    #[test]
    fn counts_days_across_months_and_leap_years() {
        let day = |year, month, d| date(year, month, d).days();
        assert_eq!(day(1970, 1, 1), 0);
        assert_eq!(day(2026, 2, 21) - day(2026, 2, 20), 1);
        assert_eq!(day(2024, 3, 1) - day(2024, 2, 28), 2);
        assert_eq!(day(2025, 3, 1) - day(2025, 2, 28), 1);
    }
}
