//! The ISO lists the profile chooses from: countries and currencies.

use serde::Serialize;
use ts_rs::TS;

const COUNTRIES: &str = include_str!("../data/countries.tsv");
const CURRENCIES: &str = include_str!("../data/currencies.tsv");

/// One entry of an ISO list: a code and its English name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CodeName {
    pub code: &'static str,
    pub name: &'static str,
}

/// A country as the profile form offers it (ISO 3166-1 alpha-2).
pub type Country = CodeName;
/// A currency as the profile form offers it (ISO 4217).
pub type Currency = CodeName;

fn entries(list: &'static str) -> impl Iterator<Item = CodeName> {
    list.lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .filter_map(|line| line.split_once('\t'))
        .map(|(code, name)| CodeName { code, name })
}

/// Every country the tool knows, sorted by code.
pub fn countries() -> impl Iterator<Item = Country> {
    entries(COUNTRIES)
}

/// Every currency the tool knows, sorted by code.
pub fn currencies() -> impl Iterator<Item = Currency> {
    entries(CURRENCIES)
}

pub fn country_name(code: &str) -> Option<&'static str> {
    countries().find(|c| c.code == code).map(|c| c.name)
}

pub fn currency_name(code: &str) -> Option<&'static str> {
    currencies().find(|c| c.code == code).map(|c| c.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_iso_lists_are_complete_and_sorted() {
        assert_eq!(country_name("MX"), Some("Mexico"));
        assert_eq!(country_name("GR"), Some("Greece"));
        assert!(
            countries().count() > 240,
            "the whole ISO 3166-1 list is there"
        );
        assert_eq!(currency_name("INR"), Some("Indian Rupee"));
        assert_eq!(currency_name("EUR"), Some("Euro"));
        assert_eq!(currency_name("XAU"), None, "gold is not a budget currency");
        for list in [countries().collect::<Vec<_>>(), currencies().collect()] {
            assert!(
                list.windows(2).all(|w| w[0].code < w[1].code),
                "sorted and unique"
            );
        }
    }
}
