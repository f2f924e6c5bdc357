//! Word rules both search adapters share: how text splits into words, how
//! many typos a word may carry, synonyms, "did you mean" and highlighting.
//! Keeping them here is what makes the embedded engine and Meilisearch
//! answer the same way.

/// Groups of interchangeable phrases. Meilisearch gets them as its synonyms
/// setting; the embedded index stores every member of a matching group in
/// the document's `aliases` field, so any member finds the others.
pub const SYNONYMS: &[&[&str]] = &[
    &["tee", "t-shirt", "tshirt"],
    &["hoodie", "hooded sweatshirt"],
    &["sneakers", "trainers"],
    &["pants", "trousers"],
    &["sweater", "jumper", "pullover"],
    &["jacket", "coat"],
];

/// Lower-cased alphanumeric runs, the same split the embedded index's
/// default tokenizer makes (and close to Meilisearch's for Latin text).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Typos forgiven in a word: none under 5 letters, 1 from 5, 2 from 9 —
/// Meilisearch's defaults, which we also set on it explicitly.
pub fn typo_budget(word: &str) -> u8 {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Whether the last word is still being typed and should match as a prefix.
pub fn last_word_is_prefix(text: &str) -> bool {
    !text.ends_with(char::is_whitespace)
}

/// Every member of each synonym group that `text` mentions, as words.
pub fn aliases(text: &str) -> Vec<String> {
    let have = words(text);
    let mut out: Vec<String> = Vec::new();
    for group in SYNONYMS {
        let mentioned = group
            .iter()
            .any(|phrase| contains_phrase(&have, &words(phrase)));
        if mentioned {
            for phrase in group.iter() {
                for w in words(phrase) {
                    if !out.contains(&w) {
                        out.push(w);
                    }
                }
            }
        }
    }
    out
}

fn contains_phrase(haystack: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && haystack.windows(phrase.len()).any(|w| w == phrase)
}

/// Optimal-string-alignment distance: insertions, deletions, substitutions
/// and swaps of neighbours each cost one (so "jakcet" is one from "jacket").
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// Whether query word `q` matches indexed word `token` under the typo rules;
/// as a prefix when `prefix` (the word being typed).
pub fn matches(q: &str, token: &str, prefix: bool) -> bool {
    let budget = typo_budget(q) as usize;
    if prefix {
        let n = q.chars().count();
        // A typo may add or drop a letter, so try prefixes one either side.
        (n.saturating_sub(budget)..=n + budget).any(|len| {
            let head: String = token.chars().take(len).collect();
            head.chars().count() == len && distance(q, &head) <= budget
        })
    } else {
        distance(q, token) <= budget
    }
}

/// The closest known word to a query word the index doesn't know, for
/// "did you mean". Candidates come from the engine with how many documents
/// hold them; ties go to the commoner word.
pub fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = (&'a str, u64)>,
) -> Option<String> {
    let limit = if word.chars().count() >= 5 { 3 } else { 2 };
    candidates
        .into_iter()
        .filter(|(c, _)| *c != word && c.chars().count() > 1)
        .map(|(c, freq)| (distance(word, c), std::cmp::Reverse(freq), c))
        .filter(|(d, _, _)| *d <= limit)
        .min()
        .map(|(_, _, c)| c.to_owned())
}

pub use model::search::Segment;

/// Splits `text` into segments, marking the words the query matched.
pub fn highlight(text: &str, query: &str) -> Vec<Segment> {
    let q = words(query);
    let prefix = last_word_is_prefix(query);
    let mut out: Vec<Segment> = Vec::new();
    let mut push = |piece: &str, hit: bool| match out.last_mut() {
        Some(last) if last.hit == hit => last.text.push_str(piece),
        _ => out.push(Segment {
            text: piece.to_owned(),
            hit,
        }),
    };
    let mut rest = text;
    while !rest.is_empty() {
        let start = rest.find(char::is_alphanumeric).unwrap_or(rest.len());
        if start > 0 {
            push(&rest[..start], false);
            rest = &rest[start..];
            continue;
        }
        let end = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        let word = &rest[..end];
        let lower = word.to_lowercase();
        let hit = q.iter().enumerate().any(|(i, w)| {
            let is_last = i + 1 == q.len();
            matches(w, &lower, prefix && is_last)
        });
        push(word, hit);
        rest = &rest[end..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_and_lowercase() {
        assert_eq!(
            words("Slim-fit T-Shirt, BLUE"),
            ["slim", "fit", "t", "shirt", "blue"]
        );
        assert!(words("  -- ").is_empty());
    }

    #[test]
    fn typo_budget_follows_word_length() {
        assert_eq!(typo_budget("tee"), 0);
        assert_eq!(typo_budget("shirt"), 1);
        assert_eq!(typo_budget("sweatshir"), 2);
    }

    #[test]
    fn swaps_count_as_one_typo() {
        assert_eq!(distance("jakcet", "jacket"), 1);
        assert_eq!(distance("shrit", "shirt"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn matching_applies_budget_and_prefix() {
        assert!(matches("shrit", "shirts", true));
        assert!(!matches("shrit", "shirts", false));
        assert!(matches("jac", "jacket", true));
        assert!(!matches("jac", "jacket", false));
        assert!(!matches("tee", "toe", false), "short words get no typos");
        assert!(matches("sweatshrit", "sweatshirt", false));
    }

    #[test]
    fn aliases_cover_whole_groups() {
        let a = aliases("Organic Cotton T-Shirt");
        assert!(a.contains(&"tee".to_owned()) && a.contains(&"tshirt".to_owned()));
        assert!(
            aliases("Plain shirt").is_empty(),
            "shirt alone is not a t-shirt"
        );
    }

    #[test]
    fn closest_prefers_near_then_common() {
        let vocab = [("jacket", 10), ("jackets", 50), ("packet", 99)];
        assert_eq!(closest("jakcet", vocab).as_deref(), Some("jacket"));
        assert_eq!(closest("zzzzzz", vocab), None);
    }

    #[test]
    fn highlight_marks_matched_words_only() {
        let segs = highlight("Rowan Merino T-Shirt", "merno t-sh");
        let hits: Vec<&str> = segs
            .iter()
            .filter(|s| s.hit)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(hits, ["Merino", "T", "Shirt"]);
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, "Rowan Merino T-Shirt");
    }
}
