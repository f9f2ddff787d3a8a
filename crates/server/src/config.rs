//! How an operator runs the server: flags, each also an environment variable, with the
//! defaults a consultant running it on a laptop needs. `--listen`, `--database` and
//! `--dist` are fixed names, since operators script them.

use clap::Parser;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Parser, Clone, Debug)]
#[command(
    name = "cvc-server",
    version,
    about = "The workshop room's server for the Customer Value Calculator: the room API over \
             SQLite (one process) or PostgreSQL (any number behind a load balancer), and the \
             release bundle with its hosting rules, from one binary.",
    after_help = "Each figure a phone sends is recomputed here from its scenario; no name and no \
                  address is stored, and the logs carry no figures. README.md, \"The workshop \
                  room's server\", documents the API."
)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "CVC_LISTEN", default_value = "127.0.0.1:8081")]
    pub listen: SocketAddr,

    /// sqlite://PATH (a file, created with its folder on first start) or postgres://URL.
    #[arg(
        long,
        env = "CVC_DATABASE",
        default_value = "sqlite://data/rooms.sqlite"
    )]
    pub database: String,

    /// The release bundle to serve (scripts/build.sh writes it); the API alone when absent.
    #[arg(long, env = "CVC_DIST", default_value = "dist")]
    pub dist: PathBuf,

    /// Origins of pages served elsewhere (a CDN) that may call the API, comma-separated.
    #[arg(
        long = "allow-origin",
        env = "CVC_ALLOW_ORIGINS",
        value_delimiter = ','
    )]
    pub allow_origins: Vec<String>,

    /// The Content-Security-Policy's frame-ancestors for the served page: which sites may
    /// put the calculator in an iframe ('none', 'self', or origins; * for any).
    #[arg(long, env = "CVC_FRAME_ANCESTORS", default_value = "*")]
    pub frame_ancestors: String,

    /// The page's public address, for the join link (by default the request's own host).
    #[arg(long, env = "CVC_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Hours a room lives after its last activity; it is then deleted with its entries.
    #[arg(long, env = "CVC_ROOM_HOURS", default_value_t = 4.0, value_parser = hours)]
    pub room_hours: f64,

    /// Most participants in one room.
    #[arg(long, env = "CVC_MAX_PARTICIPANTS", default_value_t = 500)]
    pub max_participants: usize,

    /// Most bytes in a request's body.
    #[arg(long, env = "CVC_MAX_BODY", default_value_t = 65_536)]
    pub max_body: usize,

    /// Entries one participant may send a second (a burst of 20 is allowed).
    #[arg(long, env = "CVC_PARTICIPANT_RATE", default_value_t = 5.0, value_parser = rate)]
    pub participant_rate: f64,

    /// Requests a second from one network address (a venue's Wi-Fi is one address for all
    /// its phones); a burst of ten seconds' worth is allowed.
    #[arg(long, env = "CVC_ADDRESS_RATE", default_value_t = 1000.0, value_parser = rate)]
    pub address_rate: f64,

    /// Rooms one network address may open an hour (a burst of a tenth of that, at least 10).
    #[arg(long, env = "CVC_ROOMS_PER_HOUR", default_value_t = 30.0, value_parser = rate)]
    pub rooms_per_hour: f64,

    /// Connections open at once; the next waits until one closes. By default as many as
    /// the process's limit on open files (`ulimit -n`) allows, less 64 and the database's
    /// connections (each connection is an open file).
    #[arg(long, env = "CVC_MAX_CONNECTIONS", value_parser = connections)]
    pub max_connections: Option<usize>,

    /// Seconds a client has to send a request's head once its connection is ready for one
    /// (an idle connection is closed after as long).
    #[arg(long, env = "CVC_REQUEST_HEAD_SECONDS", default_value_t = 10.0, value_parser = seconds)]
    pub request_head_seconds: f64,

    /// Database connections this process keeps.
    #[arg(long, env = "CVC_DB_CONNECTIONS", default_value_t = 8)]
    pub db_connections: u32,

    /// Reverse proxies in front of this server (TLS, a load balancer), by address, comma
    /// separated: for a request from one of them, the rate limits count the network its
    /// `X-Forwarded-For` names. Without it the header is ignored, and behind a proxy every
    /// visitor shares the proxy's limits.
    #[arg(
        long = "trusted-proxy",
        env = "CVC_TRUSTED_PROXIES",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<std::net::IpAddr>,

    /// Logs as JSON lines, for a log collector.
    #[arg(long, env = "CVC_LOG_JSON")]
    pub log_json: bool,
}

/// A number above zero and at most `most`, or `refusal` (NaN and infinity are neither).
fn above_zero_at_most(text: &str, most: f64, refusal: &str) -> Result<f64, String> {
    let value: f64 = text
        .parse()
        .map_err(|_| format!("{text:?} is not a number"))?;
    if value > 0.0 && value <= most {
        Ok(value)
    } else {
        Err(refusal.into())
    }
}

/// A room's lifetime in hours: more than none, and at most a year. A larger figure would
/// overflow the clock's arithmetic and stop the sweep that deletes expired rooms.
fn hours(text: &str) -> Result<f64, String> {
    above_zero_at_most(
        text,
        8_760.0,
        "a room lives more than 0 and at most 8760 hours (a year)",
    )
}

/// A number of connections: at least one, or nothing could be served.
fn connections(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(count) if (1..=1_000_000).contains(&count) => Ok(count),
        _ => Err(format!("{text:?}: a whole number from 1 to 1,000,000")),
    }
}

/// A time in seconds: more than none, and at most an hour.
fn seconds(text: &str) -> Result<f64, String> {
    above_zero_at_most(text, 3_600.0, "more than 0 and at most 3600 seconds")
}

/// A rate: a finite number above zero (zero would refuse everything).
fn rate(text: &str) -> Result<f64, String> {
    above_zero_at_most(text, 1e9, "a rate above 0 and at most 1,000,000,000")
}

impl Config {
    /// Connections open at once: as asked, or as many as the open-file limit leaves once
    /// the database's connections, the bundle's files and a margin are counted.
    pub fn connection_cap(&self) -> usize {
        self.max_connections.unwrap_or_else(|| {
            let limit = open_file_limit().unwrap_or(1024);
            limit
                .saturating_sub(64 + self.db_connections as usize)
                .max(64)
        })
    }

    /// How long a room lives after its last activity.
    pub fn room_lifetime(&self) -> Duration {
        Duration::from_secs_f64((self.room_hours.max(0.0) * 3600.0).max(1.0))
    }
}

/// The process's limit on open files, where the system says it (Linux's
/// `/proc/self/limits`, read rather than asked of libc, which would need `unsafe`).
fn open_file_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    open_file_limit_in(&limits)
}

/// The soft limit on open files in the text of `/proc/self/limits`.
fn open_file_limit_in(limits: &str) -> Option<usize> {
    let line = limits
        .lines()
        .find(|line| line.starts_with("Max open files"))?;
    line["Max open files".len()..]
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_open_file_limit_is_read_from_the_systems_table() {
        let limits = "Limit                     Soft Limit           Hard Limit           Units     \n\
                      Max processes             127590               127590               processes \n\
                      Max open files            20000                524288               files     \n";
        assert_eq!(open_file_limit_in(limits), Some(20000));
        let unlimited =
            "Max open files            unlimited            unlimited            files\n";
        assert_eq!(open_file_limit_in(unlimited), None);
        assert_eq!(open_file_limit_in(""), None);
    }

    #[test]
    fn connections_by_default_leave_room_for_the_database_and_files() {
        let mut config = Config::parse_from(["cvc-server", "--db-connections", "8"]);
        if open_file_limit().is_some() {
            assert_eq!(
                config.connection_cap(),
                open_file_limit().unwrap_or(0).saturating_sub(72).max(64)
            );
        }
        config.max_connections = Some(3);
        assert_eq!(config.connection_cap(), 3);
    }
}
