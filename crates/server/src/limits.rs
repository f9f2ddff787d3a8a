//! Rate limits that refuse a flood but that a room of phones never meets: per participant
//! (a phone sends a handful of updates a minute), per network address (generous, since a
//! venue's Wi-Fi is one address for hundreds of phones), and on opening rooms. Buckets live
//! in this process's memory only, keyed by a salted hash (the salt is made at start and
//! never leaves memory), so no network address is ever stored, and they are forgotten once
//! full again.
//!
//! Behind a reverse proxy (TLS, a load balancer) every request comes from the proxy's
//! address; `--trusted-proxy` names those proxies, and for a request from one of them the
//! network is the nearest address in `X-Forwarded-For` that is not a trusted proxy
//! ([`client_address`]). From anyone else the header is ignored: a client could write any
//! address into it, and so choose its own bucket.

use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

/// The network a request counts against: the peer's address, or, where the peer is a
/// trusted proxy, the nearest address its `X-Forwarded-For` names that is not one (read
/// from the right, as each proxy appends the address it took the request from). A hop
/// that is not an address ends the reading at the last one that was.
pub fn client_address<'a>(
    peer: IpAddr,
    forwarded_for: impl Iterator<Item = &'a str>,
    trusted: &[IpAddr],
) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let hops: Vec<&str> = forwarded_for.flat_map(|value| value.split(',')).collect();
    let mut client = peer;
    for hop in hops.into_iter().rev() {
        let Ok(address) = hop.trim().parse::<IpAddr>() else {
            return client;
        };
        client = address;
        if !trusted.contains(&address) {
            return address;
        }
    }
    client
}

/// A token bucket: `rate` a second, up to `burst` at once.
#[derive(Clone, Copy, Debug)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Buckets of one kind, by key.
pub struct Limiter {
    rate: f64,
    burst: f64,
    salt: [u8; 16],
    buckets: Mutex<HashMap<[u8; 16], Bucket>>,
}

impl Limiter {
    pub fn new(rate: f64, burst: f64) -> Limiter {
        let mut salt = [0u8; 16];
        // Without randomness the salt is zeros: the keys are still hashes, only guessable.
        let _ = getrandom::fill(&mut salt);
        Limiter {
            rate: rate.max(0.0),
            burst: burst.max(1.0),
            salt,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    fn key(&self, text: &[u8]) -> [u8; 16] {
        let digest = Sha256::new()
            .chain_update(self.salt)
            .chain_update(text)
            .finalize();
        let mut key = [0u8; 16];
        key.copy_from_slice(&digest[..16]);
        key
    }

    /// Takes one token for `key`; `false` when its bucket is empty.
    pub fn allow(&self, key: &[u8]) -> bool {
        self.allow_at(key, Instant::now())
    }

    fn allow_at(&self, key: &[u8], now: Instant) -> bool {
        let key = self.key(key);
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() > 100_000 {
            // Forget buckets that have filled up again: they hold nothing.
            let (rate, burst) = (self.rate, self.burst);
            buckets.retain(|_, bucket| {
                bucket.tokens + now.duration_since(bucket.at).as_secs_f64() * rate < burst
            });
        }
        let bucket = buckets.entry(key).or_insert(Bucket {
            tokens: self.burst,
            at: now,
        });
        let elapsed = now.duration_since(bucket.at).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * self.rate).min(self.burst);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// The same for a network address.
    pub fn allow_address(&self, address: IpAddr) -> bool {
        match address {
            IpAddr::V4(v4) => self.allow(&v4.octets()),
            // A whole /64 is one household or venue.
            IpAddr::V6(v6) => self.allow(&v6.octets()[..8]),
        }
    }
}

/// The server's limits.
pub struct Limits {
    pub participant: Limiter,
    pub address: Limiter,
    pub rooms: Limiter,
}

impl Limits {
    pub fn new(participant_rate: f64, address_rate: f64, rooms_per_hour: f64) -> Limits {
        Limits {
            participant: Limiter::new(participant_rate, 20.0),
            address: Limiter::new(address_rate, address_rate * 10.0),
            rooms: Limiter::new(rooms_per_hour / 3600.0, (rooms_per_hour / 6.0).max(10.0)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_forwarded_address_counts_only_from_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.2".parse().expect("an address");
        let inner: IpAddr = "10.0.0.3".parse().expect("an address");
        let phone: IpAddr = "203.0.113.7".parse().expect("an address");
        let trusted = [proxy, inner];
        // From anyone else the header is the client's own word: ignored.
        assert_eq!(
            client_address(phone, ["198.51.100.1"].into_iter(), &trusted),
            phone
        );
        // From the proxy: the nearest address it names that is not a proxy.
        assert_eq!(
            client_address(proxy, ["203.0.113.7"].into_iter(), &trusted),
            phone
        );
        assert_eq!(
            client_address(
                proxy,
                ["198.51.100.9, 203.0.113.7, 10.0.0.3"].into_iter(),
                &trusted
            ),
            phone,
            "a client's own forged hops on the left are never reached"
        );
        assert_eq!(
            client_address(proxy, ["198.51.100.9", "203.0.113.7"].into_iter(), &trusted),
            phone,
            "two headers read as one list"
        );
        assert_eq!(client_address(proxy, std::iter::empty(), &trusted), proxy);
        assert_eq!(
            client_address(proxy, ["garbage"].into_iter(), &trusted),
            proxy
        );
        assert_eq!(
            client_address(proxy, ["2001:db8::1", "10.0.0.3"].into_iter(), &trusted),
            "2001:db8::1".parse::<IpAddr>().expect("an address")
        );
    }

    #[test]
    fn a_bucket_refuses_a_flood_and_fills_again() {
        let limiter = Limiter::new(5.0, 20.0);
        let start = Instant::now();
        let allowed = (0..30)
            .filter(|_| limiter.allow_at(b"phone", start))
            .count();
        assert_eq!(allowed, 20, "the burst");
        assert!(
            limiter.allow_at(b"other phone", start),
            "each key its own bucket"
        );
        let later = start + Duration::from_secs(1);
        let again = (0..30)
            .filter(|_| limiter.allow_at(b"phone", later))
            .count();
        assert_eq!(again, 5, "a second's rate");
    }

    #[test]
    fn keys_are_hashes_never_the_address() {
        let limiter = Limiter::new(1.0, 1.0);
        limiter.allow_address("203.0.113.7".parse().expect("an address"));
        let buckets = limiter.buckets.lock().expect("unpoisoned");
        let key = buckets.keys().next().expect("one bucket");
        assert_ne!(&key[..4], &[203, 0, 113, 7]);
    }
}
