//! Compressing once and choosing per request: cached pages and static files
//! keep brotli, gzip and plain bytes, and each request gets the best one it
//! accepts without any compression work.
use std::io::Write as _;

use axum::http::{HeaderMap, HeaderValue};
use bytes::Bytes;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The best encoding `Accept-Encoding` allows (brotli, then gzip);
    /// `q=0` refuses one.
    pub fn negotiate(headers: &HeaderMap) -> Self {
        let (mut br, mut gzip) = (false, false);
        for value in headers.get_all(axum::http::header::ACCEPT_ENCODING) {
            let Ok(value) = value.to_str() else { continue };
            for item in value.split(',') {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or_default().trim();
                let refused = parts.any(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                        .is_some_and(|q| q <= 0.0)
                });
                if refused {
                    continue;
                }
                if name.eq_ignore_ascii_case("br") {
                    br = true;
                } else if name.eq_ignore_ascii_case("gzip") {
                    gzip = true;
                }
            }
        }
        match (br, gzip) {
            (true, _) => Self::Brotli,
            (false, true) => Self::Gzip,
            _ => Self::Identity,
        }
    }

    pub fn header(self) -> Option<HeaderValue> {
        match self {
            Self::Brotli => Some(HeaderValue::from_static("br")),
            Self::Gzip => Some(HeaderValue::from_static("gzip")),
            Self::Identity => None,
        }
    }
}

/// One body in every encoding worth keeping (a compressed copy no smaller
/// than the original is dropped).
#[derive(Clone, Debug)]
pub struct Encoded {
    identity: Bytes,
    gzip: Option<Bytes>,
    brotli: Option<Bytes>,
}

/// How hard to compress: pages are compressed at each cache fill, files
/// once at startup.
#[derive(Clone, Copy, Debug)]
pub struct Effort {
    pub brotli: u32,
    pub gzip: u32,
}

impl Encoded {
    pub fn identity(body: Bytes) -> Self {
        Self {
            identity: body,
            gzip: None,
            brotli: None,
        }
    }

    pub fn compress(body: Bytes, effort: Effort) -> Self {
        let smaller = |c: Vec<u8>| (c.len() < body.len()).then(|| Bytes::from(c));
        let brotli = brotli_bytes(&body, effort.brotli).and_then(smaller);
        let gzip = gzip_bytes(&body, effort.gzip).and_then(smaller);
        Self {
            identity: body,
            gzip,
            brotli,
        }
    }

    /// The bytes to send for `wanted`, and the encoding they are in.
    pub fn pick(&self, wanted: Encoding) -> (Bytes, Encoding) {
        let brotli = self.brotli.as_ref().map(|b| (b, Encoding::Brotli));
        let gzip = self.gzip.as_ref().map(|b| (b, Encoding::Gzip));
        let chosen = match wanted {
            Encoding::Brotli => brotli.or(gzip),
            Encoding::Gzip => gzip,
            Encoding::Identity => None,
        };
        match chosen {
            Some((bytes, encoding)) => (bytes.clone(), encoding),
            None => (self.identity.clone(), Encoding::Identity),
        }
    }

    /// Bytes held, for the cache's weigher.
    pub fn weight(&self) -> usize {
        self.identity.len()
            + self.gzip.as_ref().map_or(0, Bytes::len)
            + self.brotli.as_ref().map_or(0, Bytes::len)
    }
}

fn brotli_bytes(body: &[u8], quality: u32) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len() / 3);
    let params = brotli::enc::BrotliEncoderParams {
        quality: quality as i32,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &body[..], &mut out, &params).ok()?;
    Some(out)
}

fn gzip_bytes(body: &[u8], level: u32) -> Option<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 3),
        flate2::Compression::new(level),
    );
    encoder.write_all(body).ok()?;
    encoder.finish().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    fn accept(value: &str) -> Encoding {
        let mut h = HeaderMap::new();
        h.insert(
            axum::http::header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).expect("header"),
        );
        Encoding::negotiate(&h)
    }

    #[test]
    fn best_accepted_encoding_wins() {
        assert_eq!(accept("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(accept("gzip"), Encoding::Gzip);
        assert_eq!(accept("br;q=0, gzip;q=0.5"), Encoding::Gzip);
        assert_eq!(accept("identity"), Encoding::Identity);
        assert_eq!(Encoding::negotiate(&HeaderMap::new()), Encoding::Identity);
    }

    #[test]
    fn every_copy_decodes_to_the_original() {
        let body = Bytes::from("<p>Merino tee</p>".repeat(200));
        let e = Encoded::compress(body.clone(), Effort { brotli: 5, gzip: 6 });
        let (gz, enc) = e.pick(Encoding::Gzip);
        assert_eq!(enc, Encoding::Gzip);
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut plain)
            .expect("gunzip");
        assert_eq!(plain, body);
        let (br, enc) = e.pick(Encoding::Brotli);
        assert_eq!(enc, Encoding::Brotli);
        let mut plain = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut plain).expect("unbrotli");
        assert_eq!(plain, body);
        assert!(br.len() < body.len() / 10);
    }

    #[test]
    fn tiny_bodies_stay_plain() {
        let e = Encoded::compress(Bytes::from_static(b"ok"), Effort { brotli: 5, gzip: 6 });
        assert_eq!(e.pick(Encoding::Brotli).1, Encoding::Identity);
    }
}
