//! Typed product attributes as the shop, the editor and the storefront name
//! them: what a category defines (a kind, a unit, the choices), how a typed
//! value becomes the one stored form, and how a stored value reads.
use serde::{Deserialize, Serialize};

named!(
    /// What an attribute holds.
    AttributeKind {
        Text => "Text",
        Number => "Number",
        Boolean => "Yes / no",
        Choice => "One of a list",
        MultiChoice => "Several of a list",
        Colour => "Colour swatch",
    }
);

impl AttributeKind {
    /// Kinds whose values come from the definition's list.
    pub fn has_choices(self) -> bool {
        matches!(self, Self::Choice | Self::MultiChoice | Self::Colour)
    }

    /// Free text is shown, never faceted: every product would be its own value.
    pub fn can_filter(self) -> bool {
        self != Self::Text
    }

    pub fn many(self) -> bool {
        self == Self::MultiChoice
    }
}

/// The stored form of a yes / no value.
pub const YES: &str = "yes";
pub const NO: &str = "no";

pub const MAX_CODE: usize = 40;
pub const MAX_NAME: usize = 60;
pub const MAX_UNIT: usize = 16;
pub const MAX_CHOICES: usize = 100;
pub const MAX_CHOICE: usize = 60;
/// A text value; longer belongs in the description.
pub const MAX_TEXT: usize = 200;
/// Attributes one category (with its ancestors') may define.
pub const MAX_PER_CATEGORY: usize = 30;
/// The URL parameter of an attribute filter, `code:value`, on category
/// listings and search alike.
pub const PARAM: &str = "attr";
/// Numbers keep at most this many decimals.
const MAX_DECIMALS: usize = 6;
/// Numbers are under this in size (a trillion), as typed.
const MAX_INTEGER_DIGITS: usize = 12;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    /// `#rrggbb`, for colour swatches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub swatch: Option<String>,
}

/// An attribute as a category defines it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeDef {
    /// Shop-wide: it names the facet in URLs and the CSV column.
    pub code: String,
    pub name: String,
    pub kind: AttributeKind,
    /// Numbers only ("g", "cm", "mAh"); empty when none.
    pub unit: String,
    pub choices: Vec<Choice>,
    /// Offered as a filter in listings and search.
    pub filterable: bool,
    /// The defining category's slug.
    pub category: String,
}

impl AttributeDef {
    /// Offered to shoppers as a filter: chosen so, and not free text.
    pub fn is_facet(&self) -> bool {
        self.filterable && self.kind.can_filter()
    }

    /// The one stored form of a typed value, or what is wrong with it, in
    /// words for the person who typed it.
    pub fn canonical(&self, raw: &str) -> Result<String, String> {
        let raw = raw.trim();
        match self.kind {
            AttributeKind::Text => {
                if raw.chars().count() > MAX_TEXT {
                    Err(format!(
                        "{}: keep it under {MAX_TEXT} characters.",
                        self.name
                    ))
                } else {
                    Ok(raw.to_owned())
                }
            }
            AttributeKind::Number => {
                let bare = raw
                    .strip_suffix(self.unit.as_str())
                    .filter(|_| !self.unit.is_empty())
                    .unwrap_or(raw)
                    .trim();
                number(bare).ok_or_else(|| {
                    format!(
                        "{}: enter a number like 12 or 0.5{}.",
                        self.name,
                        if self.unit.is_empty() {
                            String::new()
                        } else {
                            format!(" (in {})", self.unit)
                        }
                    )
                })
            }
            AttributeKind::Boolean => match raw.to_ascii_lowercase().as_str() {
                "yes" | "y" | "true" | "1" => Ok(YES.to_owned()),
                "no" | "n" | "false" | "0" => Ok(NO.to_owned()),
                _ => Err(format!("{}: answer yes or no.", self.name)),
            },
            AttributeKind::Choice | AttributeKind::MultiChoice | AttributeKind::Colour => self
                .choices
                .iter()
                .find(|c| c.value.eq_ignore_ascii_case(raw))
                .map(|c| c.value.clone())
                .ok_or_else(|| {
                    let list: Vec<&str> = self.choices.iter().map(|c| c.value.as_str()).collect();
                    format!("{}: choose one of {}.", self.name, list.join(", "))
                }),
        }
    }

    /// Typed values in their stored forms, each once, empty ones dropped;
    /// a list's values in the list's order. One value unless multi-choice.
    pub fn canonical_all(&self, raw: &[String]) -> Result<Vec<String>, String> {
        let mut out: Vec<String> = Vec::new();
        for r in raw.iter().filter(|r| !r.trim().is_empty()) {
            let v = self.canonical(r)?;
            if !v.is_empty() && !out.contains(&v) {
                out.push(v);
            }
        }
        if out.len() > 1 && !self.kind.many() {
            return Err(format!("{}: give one value.", self.name));
        }
        if self.kind.has_choices() {
            out.sort_by_key(|v| self.choices.iter().position(|c| c.value == *v));
        }
        Ok(out)
    }

    /// How a stored value reads: "250 g", "Yes", "Navy".
    pub fn label(&self, value: &str) -> String {
        match self.kind {
            AttributeKind::Number if !self.unit.is_empty() => format!("{value} {}", self.unit),
            AttributeKind::Boolean if value == YES => "Yes".to_owned(),
            AttributeKind::Boolean if value == NO => "No".to_owned(),
            _ => value.to_owned(),
        }
    }

    pub fn swatch(&self, value: &str) -> Option<String> {
        (self.kind == AttributeKind::Colour)
            .then(|| self.choices.iter().find(|c| c.value == value))
            .flatten()
            .and_then(|c| c.swatch.clone())
    }

    /// Where a value sorts among the attribute's: a list's in its order,
    /// numbers by size, yes before no, the rest A–Z.
    pub fn rank(&self, value: &str) -> (usize, i128, String) {
        if let Some(i) = self.choices.iter().position(|c| c.value == value) {
            return (i, 0, String::new());
        }
        match self.kind {
            AttributeKind::Number => (0, scaled(value).unwrap_or(0), String::new()),
            AttributeKind::Boolean => (usize::from(value != YES), 0, String::new()),
            _ => (0, 0, value.to_lowercase()),
        }
    }

    /// `code:value`, as filters and search documents carry a value.
    pub fn facet_value(&self, value: &str) -> String {
        format!("{}:{value}", self.code)
    }
}

/// A number as stored: no sign when positive, no leading or trailing
/// zeros, a dot for the decimals ("12", "0.5", "-3.25").
pub fn number(raw: &str) -> Option<String> {
    let (negative, digits) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    if int.len() > MAX_INTEGER_DIGITS || frac.len() > MAX_DECIMALS {
        return None;
    }
    let int = if int.is_empty() { "0" } else { int };
    let body = if frac.is_empty() {
        int.to_owned()
    } else {
        format!("{int}.{frac}")
    };
    Some(if negative && body != "0" {
        format!("-{body}")
    } else {
        body
    })
}

/// A stored number in millionths, for ordering.
fn scaled(value: &str) -> Option<i128> {
    let (negative, digits) = match value.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, value),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let frac = format!("{frac:0<6}");
    let n = int.parse::<i128>().ok()? * 1_000_000 + frac.get(..6)?.parse::<i128>().ok()?;
    Some(if negative { -n } else { n })
}

/// `#rgb` or `#rrggbb`, as `#rrggbb` in lowercase.
pub fn swatch(raw: &str) -> Option<String> {
    let hex = raw.trim().strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let full = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_owned(),
        _ => return None,
    };
    Some(format!("#{}", full.to_ascii_lowercase()))
}

/// Choices as staff type them, one per line; a colour's swatch follows its
/// name ("Navy #1f2a44").
pub fn choices_text(choices: &[Choice]) -> String {
    choices
        .iter()
        .map(|c| match &c.swatch {
            Some(s) => format!("{} {s}", c.value),
            None => c.value.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A category's attribute as staff edit it, every field as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeInput {
    /// The code being edited; empty defines a new attribute.
    pub original: String,
    /// Category slug.
    pub category: String,
    pub name: String,
    /// Empty: made from the name.
    pub code: String,
    pub kind: String,
    pub unit: String,
    /// One per line.
    pub choices: String,
    pub filterable: bool,
}

/// A definition on the staff page, with how many products carry it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeRow {
    pub def: AttributeDef,
    /// "Men › Tops"
    pub category_label: String,
    pub products: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributesAdmin {
    pub rows: Vec<AttributeRow>,
    pub categories: Vec<crate::catalog::CategoryChoice>,
}

/// One attribute's values on a product, as the editor holds them: typed
/// text (one entry, or several for a multi-choice).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeField {
    pub code: String,
    pub values: Vec<String>,
}

/// A definition the editor may show, with the category slugs it applies
/// to (its own and those below it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorAttribute {
    pub def: AttributeDef,
    pub categories: Vec<String>,
}

/// A row of a product page's specification table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spec {
    pub name: String,
    /// A number's unit, for structured data; labels already carry it.
    pub unit: String,
    pub values: Vec<SpecValue>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecValue {
    /// The stored form ("250", "yes").
    pub value: String,
    pub label: String,
    pub swatch: Option<String>,
}

/// An attribute's values in a category listing, with counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeFacet {
    pub code: String,
    pub name: String,
    pub values: Vec<AttributeFacetValue>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeFacetValue {
    /// The stored value (the URL carries `code:value`).
    pub value: String,
    pub label: String,
    pub swatch: Option<String>,
    pub count: u64,
    pub selected: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(kind: AttributeKind, unit: &str, choices: &[&str]) -> AttributeDef {
        AttributeDef {
            code: "x".into(),
            name: "Weight".into(),
            kind,
            unit: unit.into(),
            choices: choices
                .iter()
                .map(|c| Choice {
                    value: (*c).into(),
                    swatch: None,
                })
                .collect(),
            filterable: true,
            category: "c".into(),
        }
    }

    #[test]
    fn numbers_have_one_stored_form() {
        for (raw, stored) in [
            ("12", "12"),
            ("012.50", "12.5"),
            ("0.5", "0.5"),
            (".5", "0.5"),
            ("5.", "5"),
            ("-0", "0"),
            ("-3.250", "-3.25"),
            ("1000000", "1000000"),
        ] {
            assert_eq!(number(raw).as_deref(), Some(stored), "{raw}");
        }
        for bad in [
            "",
            ".",
            "1,5",
            "1e3",
            "12 kg",
            "--1",
            "1.1234567",
            "1234567890123",
        ] {
            assert_eq!(number(bad), None, "{bad}");
        }
    }

    #[test]
    fn typed_values_are_checked_by_kind() {
        let grams = def(AttributeKind::Number, "g", &[]);
        assert_eq!(grams.canonical("250 g"), Ok("250".into()));
        assert_eq!(grams.canonical("250.0"), Ok("250".into()));
        assert!(grams.canonical("heavy").unwrap_err().contains("(in g)"));
        assert_eq!(grams.label("250"), "250 g");

        let yes = def(AttributeKind::Boolean, "", &[]);
        assert_eq!(yes.canonical("TRUE"), Ok(YES.into()));
        assert_eq!(yes.label(NO), "No");
        assert!(yes.canonical("maybe").is_err());

        let material = def(AttributeKind::MultiChoice, "", &["Cotton", "Wool", "Linen"]);
        assert_eq!(
            material.canonical_all(&["linen".into(), " cotton ".into(), "Linen".into()]),
            Ok(vec!["Cotton".into(), "Linen".into()])
        );
        assert!(material
            .canonical_all(&["Silk".into()])
            .unwrap_err()
            .contains("Cotton, Wool, Linen"));

        let one = def(AttributeKind::Choice, "", &["A", "B"]);
        assert!(one.canonical_all(&["A".into(), "B".into()]).is_err());
        assert_eq!(one.canonical_all(&["".into()]), Ok(vec![]));
    }

    #[test]
    fn values_rank_as_shoppers_read_them() {
        let n = def(AttributeKind::Number, "", &[]);
        let mut values = vec!["10", "2", "-1", "2.5", "0.25"];
        values.sort_by_key(|v| n.rank(v));
        assert_eq!(values, ["-1", "0.25", "2", "2.5", "10"]);
        let b = def(AttributeKind::Boolean, "", &[]);
        assert!(b.rank(YES) < b.rank(NO));
    }

    #[test]
    fn swatches_are_hex_colours() {
        assert_eq!(swatch("#1F2A44").as_deref(), Some("#1f2a44"));
        assert_eq!(swatch("#abc").as_deref(), Some("#aabbcc"));
        for bad in ["1f2a44", "#12345", "#ggg", "red", "#1f2a44;x"] {
            assert_eq!(swatch(bad), None, "{bad}");
        }
    }
}
