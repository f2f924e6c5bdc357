//! A cached page is sent as stored, compressed bytes, so it cannot get a
//! fresh nonce per response. Instead its policy names the SHA-256 hash of
//! each inline script the render itself emitted: the scripts carrying the
//! render's one-off nonce. Anything else in the markup (a script tag that
//! slipped into shop data) never had that nonce, so it is not hashed and
//! the browser refuses it. Decision D36 in docs/ARCHITECTURE.md.
use base64::Engine as _;
use sha2::{Digest as _, Sha256};

/// `policy` with its `'nonce-…'` source replaced by the hashes of the
/// scripts in `html` that carry that nonce; `None` when the policy has no
/// nonce (it is then kept as it is).
pub fn pin_to_hashes(policy: &str, html: &str) -> Option<String> {
    let start = policy.find("'nonce-")?;
    let rest = &policy[start + "'nonce-".len()..];
    let nonce = &rest[..rest.find('\'')?];
    let source = format!("'nonce-{nonce}'");
    let attribute = format!("nonce=\"{nonce}\"");
    let mut hashes: Vec<String> = Vec::new();
    let mut at = 0;
    while let Some(open) = html[at..].find("<script") {
        let tag_start = at + open;
        let Some(tag_len) = html[tag_start..].find('>') else {
            break;
        };
        let tag = &html[tag_start..tag_start + tag_len];
        let body_start = tag_start + tag_len + 1;
        let Some(body_len) = html[body_start..].find("</script") else {
            break;
        };
        if tag.contains(&attribute) {
            let digest = Sha256::digest(&html.as_bytes()[body_start..body_start + body_len]);
            let hash = format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            );
            if !hashes.contains(&hash) {
                hashes.push(hash);
            }
        }
        at = body_start + body_len;
    }
    Some(policy.replacen(&source, &hashes.join(" "), 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = "default-src 'self'; script-src 'self' 'nonce-abc' 'wasm-unsafe-eval'";

    #[test]
    fn own_scripts_are_hashed_and_the_nonce_goes() {
        let html = r#"<script nonce="abc">hydrate()</script><p>x</p><script type="module" nonce="abc">go()</script>"#;
        let pinned = pin_to_hashes(POLICY, html).expect("pinned");
        let hash = |s: &str| {
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
            )
        };
        assert_eq!(
            pinned,
            format!(
                "default-src 'self'; script-src 'self' {} {} 'wasm-unsafe-eval'",
                hash("hydrate()"),
                hash("go()")
            )
        );
    }

    #[test]
    fn a_script_without_the_nonce_is_not_allowed() {
        let html = r#"<script nonce="abc">ok()</script><div><script>steal()</script></div>"#;
        let pinned = pin_to_hashes(POLICY, html).expect("pinned");
        let stolen = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"steal()"));
        assert!(!pinned.contains(&stolen), "{pinned}");
        assert!(!pinned.contains("nonce"), "{pinned}");
        assert_eq!(pinned.matches("'sha256-").count(), 1);
    }

    #[test]
    fn a_policy_without_nonce_is_left_alone() {
        assert_eq!(
            pin_to_hashes("default-src 'none'", "<script>x</script>"),
            None
        );
    }
}
