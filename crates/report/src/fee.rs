//! The fee (信息处理费), an amount in 万元: the one place that knows it is a decimal.
//!
//! A fee is kept exactly as typed ("5949.088667" stays "5949.088667", "18.50" stays "18.50"):
//! a report is a document, and its figures are printed as the office wrote them. Arithmetic
//! (the summary's sums, the 图解's change against last year, H-sum's comparison) is done on
//! the digits scaled to whole numbers, never in floating point, so that 0.1 + 0.2 is 0.3.

use crate::clipboard::{self, CellError, CellProblem};

/// An amount in 万元, kept exactly as typed. A fee read from a published copy may be text that
/// is not a number ([`Decimal::is_valid`] is false): it is kept, and the check flags it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Decimal(pub String);

/// More decimals than any amount of money has; arithmetic refuses past this.
const MAX_PLACES: usize = 12;

impl Decimal {
    /// Zero, as the 「填零」 button and the tests fill a blank fee.
    pub fn zero() -> Decimal {
        Decimal("0".into())
    }

    /// A whole number of 万元 (an importer that read the fee as a count).
    pub fn from_whole(n: u64) -> Decimal {
        Decimal(n.to_string())
    }

    /// The text as the JSON format and the schema accept it: digits, at most one point with
    /// digits after it. None for anything else (thousands separators, a unit, a sign).
    pub fn exact(text: &str) -> Option<Decimal> {
        let fee = Decimal(text.to_owned());
        fee.is_valid().then_some(fee)
    }

    /// A cell as typed or pasted into the fee cell: Ok(None) for blank, the amount (digits made
    /// ASCII, thousands separators and a trailing 「万元」 dropped) for a number ≥ 0, an error
    /// for anything else. The importer reads a published cell by the same rule.
    pub fn parse_cell(cell: &str) -> Result<Option<Decimal>, CellError> {
        let trimmed = cell.trim();
        let amount = trimmed.strip_suffix("万元").unwrap_or(trimmed);
        match clipboard::read_number(amount) {
            clipboard::Number::Blank if amount.len() == trimmed.len() => Ok(None),
            clipboard::Number::Whole(digits) | clipboard::Number::Fraction(digits) => {
                Ok(Some(Decimal(digits)))
            }
            clipboard::Number::Blank | clipboard::Number::Other => {
                Err(CellError::new(CellProblem::NotAnAmount, cell))
            }
        }
    }

    /// Whether the text is a non-negative decimal number (digits, at most one point).
    pub fn is_valid(&self) -> bool {
        let s = self.0.as_str();
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        !int.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
    }

    pub fn is_zero(&self) -> bool {
        self.is_valid() && self.0.bytes().all(|b| b == b'0' || b == b'.')
    }

    /// How many digits follow the point.
    fn places(&self) -> usize {
        self.0.split_once('.').map_or(0, |(_, f)| f.len())
    }

    /// `amount × 10^places` as a whole number, when the text is a valid amount with at most
    /// `places` decimals.
    fn scaled(&self, places: usize) -> Option<u128> {
        if !self.is_valid() || places > MAX_PLACES {
            return None;
        }
        let (int, frac) = self.0.split_once('.').unwrap_or((&self.0, ""));
        if frac.len() > places || int.len() > 24 {
            return None;
        }
        format!("{int}{frac:0<places$}").parse().ok()
    }

    /// The amount as a float, to sort and take quartiles by; None when it is not an amount.
    /// Through whole numbers: parsing a float adds kilobytes of code to the download.
    pub fn approximate(&self) -> Option<f64> {
        let places = self.places();
        let scaled = self.scaled(places)? as f64;
        Some(scaled / 10f64.powi(places as i32))
    }

    /// Two amounts compared as numbers ("18.50" = "18.5"); texts that are not amounts are
    /// the same only when they are the same text.
    pub fn same_amount(&self, other: &Decimal) -> bool {
        match (self.scaled(MAX_PLACES), other.scaled(MAX_PLACES)) {
            (Some(x), Some(y)) => x == y,
            _ => self == other,
        }
    }

    /// The exact sum, with as many decimals as the longer of the two. None when either is not
    /// an amount (or the sum is beyond any fee).
    pub fn checked_add(&self, other: &Decimal) -> Option<Decimal> {
        let places = self.places().max(other.places());
        let sum = self.scaled(places)?.checked_add(other.scaled(places)?)?;
        let digits = format!("{sum:0>width$}", width = places + 1);
        let (int, frac) = digits.split_at(digits.len() - places);
        Some(Decimal(if places == 0 {
            int.to_owned()
        } else {
            format!("{int}.{frac}")
        }))
    }

    /// `self − before`, exactly: the difference scaled by `10^places` and those places (the
    /// longer of the two), for printing as a signed change. None when either is not an amount.
    pub fn change_from(&self, before: &Decimal) -> Option<(i128, usize)> {
        let places = self.places().max(before.places()).min(MAX_PLACES);
        let now = i128::try_from(self.scaled(places)?).ok()?;
        let before = i128::try_from(before.scaled(places)?).ok()?;
        Some((now - before, places))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fee(s: &str) -> Decimal {
        Decimal(s.into())
    }

    #[test]
    fn an_amount_is_digits_with_at_most_one_point() {
        assert!(fee("5949.088667").is_valid());
        assert_eq!(fee("5949.088667").0, "5949.088667");
        assert!(fee("0").is_valid());
        for bad in [
            "", ".5", "5.", "1,000", "-1", "1.2.3", "１２", "5万元", " 5", "1e3",
        ] {
            assert!(!fee(bad).is_valid(), "{bad:?}");
        }
        assert!(fee("0.00").is_zero());
        assert!(!fee("0.01").is_zero());
        assert!(!fee("x0").is_zero());
        assert_eq!(Decimal::exact("4068.208"), Some(fee("4068.208")));
        assert_eq!(Decimal::exact("4,068.208"), None);
        assert_eq!(Decimal::from_whole(12), fee("12"));
        assert!(Decimal::zero().is_zero());
    }

    #[test]
    fn a_cell_is_read_as_typed_in_excel_or_wps() {
        assert_eq!(Decimal::parse_cell("  "), Ok(None));
        assert_eq!(Decimal::parse_cell("4,068.208"), Ok(Some(fee("4068.208"))));
        assert_eq!(Decimal::parse_cell("１２.５万元"), Ok(Some(fee("12.5"))));
        assert_eq!(Decimal::parse_cell("18.50"), Ok(Some(fee("18.50"))));
        for bad in ["万元", "-3", "约5", "abc"] {
            let error = Decimal::parse_cell(bad).unwrap_err();
            assert_eq!(error.problem, CellProblem::NotAnAmount, "{bad:?}");
        }
    }

    #[test]
    fn sums_are_exact_and_keep_the_longer_decimals() {
        let sum = |a: &str, b: &str| fee(a).checked_add(&fee(b)).map(|d| d.0);
        assert_eq!(sum("0.1", "0.2").as_deref(), Some("0.3"));
        assert_eq!(sum("1", "2.50").as_deref(), Some("3.50"));
        assert_eq!(sum("0.001", "0").as_deref(), Some("0.001"));
        assert_eq!(sum("7", "8").as_deref(), Some("15"));
        // The units of 沭阳县: 发展和改革局 and another.
        assert_eq!(
            sum("4068.208", "5949.088667").as_deref(),
            Some("10017.296667")
        );
        assert_eq!(sum("0.5", "0.5").as_deref(), Some("1.0"));
        assert_eq!(sum("18651.06", "1").as_deref(), Some("18652.06"));
        assert_eq!(sum("x", "1"), None);
        assert!(fee("18.50").same_amount(&fee("18.5")));
        assert!(!fee("18.51").same_amount(&fee("18.5")));
        assert!(fee("n/a").same_amount(&fee("n/a")));
    }

    #[test]
    fn a_change_is_exact_and_signed() {
        assert_eq!(fee("0.3").change_from(&fee("0.1")), Some((2, 1)));
        assert_eq!(fee("1").change_from(&fee("1.25")), Some((-25, 2)));
        assert_eq!(fee("2.50").change_from(&fee("2.5")), Some((0, 2)));
        assert_eq!(fee("x").change_from(&fee("1")), None);
    }
}
