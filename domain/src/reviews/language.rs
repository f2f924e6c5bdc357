//! The profanity filter on what shoppers write (rustrict: evasion-resistant
//! spellings, few false positives). Severe language is refused at submit
//! with a message saying what to change; milder findings let the review
//! through to a person, even when reviews publish on their own.
use rustrict::{Censor, Type};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Verdict {
    Clean,
    /// A moderator should look before it is published.
    Flag,
    /// Not accepted.
    Block,
}

pub(super) fn judge(text: &str) -> Verdict {
    let found = Censor::from_str(text).analyze();
    if found.is(Type::INAPPROPRIATE & Type::SEVERE) {
        Verdict::Block
    } else if found.is((Type::INAPPROPRIATE | Type::SPAM) & Type::MODERATE_OR_HIGHER) {
        Verdict::Flag
    } else {
        Verdict::Clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_praise_and_complaints_pass() {
        for text in [
            "Lovely scarf, warm and soft. The assassin's creed fan in me approves.",
            "Arrived late and the colour was off. Refund was quick though.",
        ] {
            assert_eq!(judge(text), Verdict::Clean, "{text}");
        }
    }

    #[test]
    fn severe_language_is_refused_even_disguised() {
        assert_eq!(judge("this is f u c k i n g garbage"), Verdict::Block);
    }

    #[test]
    fn milder_language_waits_for_a_person() {
        assert_eq!(judge("what a sh1t product"), Verdict::Flag);
        // Everyday bluntness is a review, not abuse.
        assert_eq!(judge("this is crap, don't bother"), Verdict::Clean);
    }
}
