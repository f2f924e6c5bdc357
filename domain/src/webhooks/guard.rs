//! Where webhooks may go. An admin names a URL; the shop must not become a
//! way to reach what only it can reach (its database, a cloud metadata
//! service, the admin of a router on the LAN). So a URL's host is resolved
//! and every address it resolves to must be public, unless the operator
//! allowed private ones (`MERCATO_WEBHOOK_ALLOW_PRIVATE`, for development).
//! The request then goes to exactly the vetted address: a DNS answer that
//! changes between the check and the request cannot redirect it.
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use crate::{Error, Result};

const MAX_URL: usize = 2048;

/// A URL that passed the checks, with the addresses it may be sent to.
#[derive(Clone, Debug)]
pub struct Vetted {
    pub url: reqwest::Url,
    pub host: String,
    pub addrs: Vec<SocketAddr>,
}

fn refused(why: &str) -> Error {
    Error::validation("url", why)
}

/// The form checks: an absolute http(s) URL with a host and no password.
pub fn parse(url: &str) -> Result<reqwest::Url> {
    let url = url.trim();
    if url.is_empty() || url.len() > MAX_URL {
        return Err(refused("Enter the endpoint's full URL (https://…)."));
    }
    let parsed = reqwest::Url::parse(url)
        .map_err(|_| refused("Enter the endpoint's full URL (https://…)."))?;
    if !matches!(parsed.scheme(), "https" | "http") {
        return Err(refused("Webhook URLs start with https:// (or http://)."));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(refused("The URL needs a host name."));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(refused(
            "Leave credentials out of the URL: requests are signed instead.",
        ));
    }
    Ok(parsed)
}

/// Resolves `url` and checks every address.
pub async fn vet(url: &str, allow_private: bool) -> Result<Vetted> {
    let url = parse(url)?;
    let host = url
        .host_str()
        .unwrap_or_default()
        .trim_matches(['[', ']'])
        .to_owned();
    let port = url.port_or_known_default().unwrap_or(443);
    let addrs: Vec<SocketAddr> = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        tokio::net::lookup_host((host.as_str(), port)),
    )
    .await
    .map_err(|_| refused("The endpoint's host name did not resolve in time."))?
    .map_err(|_| refused("The endpoint's host name does not resolve."))?
    .take(16)
    .collect();
    if addrs.is_empty() {
        return Err(refused("The endpoint's host name does not resolve."));
    }
    if !allow_private && addrs.iter().any(|a| !is_public(a.ip())) {
        return Err(refused(
            "That address is on a private or local network; webhooks only go to public addresses.",
        ));
    }
    Ok(Vetted { url, host, addrs })
}

/// Whether `ip` is an address on the public internet.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_v4(v4);
            }
            is_public_v6(v6)
        }
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_documentation()
        || ip.is_multicast()
        || a == 0
        // Carrier-grade NAT, 100.64.0.0/10.
        || (a == 100 && (64..128).contains(&b))
        // IETF protocol assignments, 192.0.0.0/24.
        || (a == 192 && b == 0 && c == 0)
        // Benchmarking, 198.18.0.0/15.
        || (a == 198 && (b == 18 || b == 19))
        // Reserved, 240.0.0.0/4.
        || a >= 240)
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        // Unique local, fc00::/7.
        || (first & 0xfe00) == 0xfc00
        // Link-local, fe80::/10.
        || (first & 0xffc0) == 0xfe80
        // Documentation, 2001:db8::/32.
        || (first == 0x2001 && ip.segments()[1] == 0x0db8)
        // NAT64 and IPv4-compatible forms carry an IPv4 address that was
        // not checked as one.
        || (first == 0x0064 && ip.segments()[1] == 0xff9b)
        || ip.segments()[..6].iter().all(|s| *s == 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_and_local_addresses_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::7f00:1",
            "::127.0.0.1",
        ] {
            let ip: IpAddr = ip.parse().expect("ip");
            assert!(!is_public(ip), "{ip} counted as public");
        }
        for ip in ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"] {
            let ip: IpAddr = ip.parse().expect("ip");
            assert!(is_public(ip), "{ip} counted as private");
        }
    }

    #[test]
    fn urls_need_a_scheme_a_host_and_no_password() {
        assert!(parse("https://hooks.example.com/in").is_ok());
        for bad in [
            "",
            "hooks.example.com",
            "ftp://hooks.example.com/",
            "https://user:pw@hooks.example.com/",
            "file:///etc/passwd",
        ] {
            assert!(parse(bad).is_err(), "{bad} accepted");
        }
        assert!(parse(&format!("https://a.example/{}", "x".repeat(3000))).is_err());
    }

    #[tokio::test]
    async fn loopback_is_refused_unless_allowed() {
        let refused = vet("http://127.0.0.1:9/hook", false).await;
        assert!(
            matches!(refused, Err(Error::Validation { .. })),
            "{refused:?}"
        );
        let localhost = vet("http://localhost:9/hook", false).await;
        assert!(localhost.is_err());
        let allowed = vet("http://127.0.0.1:9/hook", true).await.expect("allowed");
        assert_eq!(allowed.addrs, vec!["127.0.0.1:9".parse().expect("addr")]);
    }
}
