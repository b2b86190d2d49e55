//! Exact decimal money: parsing, checked arithmetic, and the one rounding rule.
//!
//! **Rounding rule.** Amounts are computed exactly (`rust_decimal`, 28 significant digits) and
//! rounded only at the presentation edge: each cost line's `amount` is `quantity × unitPrice`
//! rounded to the cent **half away from zero** ("commercial" rounding: `0.125 → 0.13`), and
//! totals are the sums of the rounded line amounts, so the lines on paper always add up to the
//! total. Unit prices and quantities are shown unrounded (normalised, at least two decimals for
//! prices).
//!
//! ```
//! use cosmos_backup::pricing::money;
//! use rust_decimal::Decimal;
//! let d: Decimal = "0.125".parse().unwrap();
//! assert_eq!(money::cents(money::round(d)), "0.13");
//! ```

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;
use std::str::FromStr;

/// Rounds to the cent, half away from zero (the documented rule).
pub fn round(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Formats an amount with exactly two decimals (`400` → `"400.00"`).
pub fn cents(d: Decimal) -> String {
    format!("{:.2}", round(d))
}

/// Formats a unit price: normalised, with at least two decimals (`0.2` → `"0.20"`, `0.1235` kept).
pub fn price(d: Decimal) -> String {
    let n = d.normalize();
    if n.scale() < 2 {
        format!("{n:.2}")
    } else {
        n.to_string()
    }
}

/// Formats a quantity: normalised (`8000.000` → `"8000"`).
pub fn quantity(d: Decimal) -> String {
    d.normalize().to_string()
}

/// Parses decimal text: plain (`"0.20"`) or scientific (`"1e3"`).
pub fn parse(text: &str) -> Option<Decimal> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    Decimal::from_str(t).ok().or_else(|| Decimal::from_scientific(t).ok())
}

/// A JSON number or decimal string as a decimal (`None` for anything else).
pub fn from_json(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number(n) => parse(&n.to_string()),
        Value::String(s) => parse(s),
        _ => None,
    }
}

/// `a × b`, `None` on overflow.
pub fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// `a + b`, `None` on overflow.
pub fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// Sums decimals, `None` on overflow.
pub fn sum<I: IntoIterator<Item = Decimal>>(items: I) -> Option<Decimal> {
    items.into_iter().try_fold(Decimal::ZERO, add)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test code")]
    use super::*;

    fn d(s: &str) -> Decimal {
        parse(s).unwrap()
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(cents(d("0.125")), "0.13");
        assert_eq!(cents(d("0.135")), "0.14");
        assert_eq!(cents(d("0.124999")), "0.12");
        assert_eq!(cents(d("-0.125")), "-0.13");
        assert_eq!(cents(d("400")), "400.00");
    }

    #[test]
    fn formats_prices_and_quantities() {
        assert_eq!(price(d("0.2")), "0.20");
        assert_eq!(price(d("0.1235")), "0.1235");
        assert_eq!(price(d("0")), "0.00");
        assert_eq!(quantity(d("8000.000")), "8000");
        assert_eq!(quantity(d("1.50")), "1.5");
    }

    #[test]
    fn parses_json_numbers_and_strings() {
        assert_eq!(from_json(&serde_json::json!(1000)), Some(d("1000")));
        assert_eq!(from_json(&serde_json::json!(0.1)), Some(d("0.1")));
        assert_eq!(from_json(&serde_json::json!("1e3")), Some(d("1000")));
        assert_eq!(from_json(&serde_json::json!("abc")), None);
        assert_eq!(from_json(&serde_json::json!(true)), None);
    }
}
