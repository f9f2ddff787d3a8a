//! The rooms and their entries in the database: SQLite (one file, one process) or
//! PostgreSQL (any number of processes). One set of statements serves both, written with
//! `?` and numbered for PostgreSQL; the figure columns are named after
//! `cvc_core::room::FIGURES`, the one list of the figures a room counts. Every change to a
//! room raises its `version` in the same transaction, so a presenter's stream can tell
//! what it has seen; with PostgreSQL the change is also announced with `NOTIFY` on commit,
//! so that a stream on another process hears it.
//!
//! Nothing here stores a name or a network address: a room has a code, a presenter's
//! token (hashed) and a name the presenter gave it; an entry has the phone's random id,
//! the scenario and the figures the model gave it.

use cvc_core::room::FIGURES;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{AssertSqlSafe, Row};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, MutexGuard};

use crate::durable::{GroupSync, WriteAheadLog};

/// The channel PostgreSQL announces a room's change on; the payload is the room's code.
pub const CHANNEL: &str = "cvc_rooms";

/// The figures of one entry, in the order of [`FIGURES`].
pub type Figures = [Option<f64>; FIGURES.len()];

/// The database, of either kind.
#[derive(Clone, Debug)]
pub enum Db {
    /// SQLite takes one writer at a time; this process's writers queue for it here, in
    /// turn, rather than meet SQLite's lock and sleep in its busy handler (which put a
    /// burst's slowest answers in the hundreds of milliseconds).
    Sqlite(SqlitePool, Arc<Writers>),
    Postgres(PgPool),
}

/// This process's writers to a SQLite file: their turns, and their commits on the disk.
#[derive(Debug, Default)]
pub struct Writers {
    turn: Mutex<()>,
    on_disk: Arc<GroupSync>,
}

/// SQLite's write-ahead log for the database `pool` opened: its name as SQLite resolved
/// it (through any symbolic link) with `-wal`, found there once the schema is migrated
/// (which opened it), or an error: entries could not be put on the disk before they are
/// answered otherwise.
async fn write_ahead_log(pool: &SqlitePool) -> Result<PathBuf, String> {
    let file: String =
        sqlx::query_scalar("SELECT file FROM pragma_database_list WHERE name = 'main'")
            .fetch_one(pool)
            .await
            .map_err(|error| format!("the database's file: {error}"))?;
    let log = PathBuf::from(format!("{file}-wal"));
    if !log.exists() {
        return Err(format!(
            "SQLite's write-ahead log is not at {}: entries could not be put on the disk \
             before they are answered",
            log.display()
        ));
    }
    Ok(log)
}

/// A room's life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoomState {
    Open,
    /// Closed by its presenter: its entries are gone.
    Closed,
    /// No activity for the room's lifetime: its entries are gone.
    Expired,
}

impl RoomState {
    fn name(self) -> &'static str {
        match self {
            RoomState::Open => "open",
            RoomState::Closed => "closed",
            RoomState::Expired => "expired",
        }
    }

    fn of(name: &str) -> RoomState {
        match name {
            "open" => RoomState::Open,
            "closed" => RoomState::Closed,
            _ => RoomState::Expired,
        }
    }
}

/// A room as stored.
#[derive(Clone, Debug)]
pub struct Room {
    pub code: String,
    pub token_hash: String,
    pub name: String,
    /// The currency the room counts in: money in different currencies cannot be added.
    pub currency: String,
    /// Milliseconds since 1970.
    pub created_at: i64,
    pub active_at: i64,
    pub state: RoomState,
    pub revealed: bool,
    pub version: i64,
}

impl Room {
    /// The room's state now: an open room past its lifetime is expired, even before the
    /// sweep deletes its entries.
    pub fn state_at(&self, now: i64, lifetime_ms: i64) -> RoomState {
        match self.state {
            RoomState::Open if self.active_at + lifetime_ms < now => RoomState::Expired,
            state => state,
        }
    }
}

/// One entry as stored, for the presenter's export.
#[derive(Clone, Debug)]
pub struct StoredEntry {
    pub scenario: String,
    pub figures: Figures,
    pub paid_back: bool,
    pub updated_at: i64,
}

/// What a summary needs of one entry: its figures, and whether its payback falls within
/// its own horizon.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Counted {
    pub figures: Figures,
    pub paid_back: bool,
}

/// What became of a participant's entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Put {
    Stored {
        created: bool,
        version: i64,
        revealed: bool,
        participants: i64,
    },
    /// The room has its most participants, and this is a new one.
    Full,
    /// The entry is in another currency than the room's (which it names).
    OtherCurrency(String),
    /// No room of this code, or not open (its state).
    NotOpen(Option<RoomState>),
}

/// The error of a database call: the database could not be reached (the server answers
/// 503 and tries again on the next request), or something else went wrong.
#[derive(Debug)]
pub enum StoreError {
    Unavailable(String),
    Failed(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::Io(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Tls(_)
            | sqlx::Error::Protocol(_)
            | sqlx::Error::WorkerCrashed => StoreError::Unavailable(error.to_string()),
            sqlx::Error::Database(ref database)
                if database.code().is_some_and(|code| {
                    // PostgreSQL shutting down or starting up, or SQLite busy beyond its wait.
                    matches!(code.as_ref(), "57P01" | "57P02" | "57P03" | "5" | "6")
                }) =>
            {
                StoreError::Unavailable(error.to_string())
            }
            other => StoreError::Failed(other.to_string()),
        }
    }
}

/// `sql` with its `?` numbered for PostgreSQL (`$1`, `$2`, …). The statements here hold no
/// `?` inside a string.
fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut n = 0;
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            out.push('$');
            out.push_str(&n.to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// Runs `$body` with `$pool` the pool of either kind and `$q` the function that writes a
/// statement for it.
macro_rules! on_db {
    ($db:expr, |$pool:ident, $q:ident| $body:expr) => {
        match $db {
            Db::Sqlite($pool, _) => {
                let $q = |sql: &'static str| sql;
                $body
            }
            Db::Postgres($pool) => {
                // Audited: the statements are this file's own, only renumbered.
                let $q = |sql: &'static str| AssertSqlSafe(numbered(sql));
                $body
            }
        }
    };
}

/// Announces on [`CHANNEL`] that room `code` changed, inside the transaction `tx`, so that
/// other processes' streams hear of it only if it commits. PostgreSQL only: with SQLite
/// there is one process, and nothing to announce to.
macro_rules! announce_change {
    ($db:expr, $tx:ident, $q:ident, $code:expr) => {
        if matches!($db, Db::Postgres(_)) {
            sqlx::query($q("SELECT pg_notify(?, ?)"))
                .bind(CHANNEL)
                .bind($code)
                .execute(&mut *$tx)
                .await?;
        }
    };
}

/// The figure columns, as a statement lists them.
fn figure_columns() -> String {
    FIGURES.join(", ")
}

/// The schema's versions, each a list of statements, for SQLite and PostgreSQL. A new
/// version is added at the end; one that has run is never changed.
fn migrations(postgres: bool) -> Vec<Vec<String>> {
    let (integer, real) = if postgres {
        ("BIGINT", "DOUBLE PRECISION")
    } else {
        ("INTEGER", "REAL")
    };
    let figures: String = FIGURES
        .iter()
        .map(|name| format!(", {name} {real}"))
        .collect();
    vec![vec![
        format!(
            "CREATE TABLE rooms (code TEXT PRIMARY KEY, token_hash TEXT NOT NULL, name TEXT NOT NULL, \
             currency TEXT NOT NULL, created_at {integer} NOT NULL, active_at {integer} NOT NULL, state TEXT NOT NULL, \
             revealed {integer} NOT NULL, version {integer} NOT NULL, ended_at {integer})"
        ),
        format!(
            "CREATE TABLE entries (code TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE, \
             participant TEXT NOT NULL, scenario TEXT NOT NULL, updated_at {integer} NOT NULL, \
             paid_back {integer} NOT NULL{figures}, \
             PRIMARY KEY (code, participant))"
        ),
        "CREATE INDEX rooms_by_activity ON rooms (state, active_at)".to_string(),
    ]]
}

impl Db {
    /// This process's turn to write, with SQLite; nothing to wait for with PostgreSQL.
    async fn turn(&self) -> Option<MutexGuard<'_, ()>> {
        match self {
            Db::Sqlite(_, writers) => Some(writers.turn.lock().await),
            Db::Postgres(_) => None,
        }
    }

    /// Counts a change just committed, while the writer still holds its turn (so that the
    /// count follows the commits' order), and ends the turn.
    fn count_commit(&self, turn: Option<MutexGuard<'_, ()>>) {
        if let Db::Sqlite(_, writers) = self {
            writers.on_disk.committed();
        }
        drop(turn);
    }

    /// Waits, before a change is answered, until every commit it may have made or seen
    /// is on the disk: with SQLite, an fsync of its log shared with the commits around it
    /// (`durable`), so that neither its own change nor one it found already made (a
    /// withdrawal sent again, a room found closed) is lost in a power cut after the answer.
    /// PostgreSQL's commits waited for their own disk already.
    async fn settled(&self) -> Result<(), StoreError> {
        let Db::Sqlite(_, writers) = self else {
            return Ok(());
        };
        writers
            .on_disk
            .on_disk(writers.on_disk.latest())
            .await
            .map_err(|()| {
                StoreError::Unavailable(
                    "the database's log could not be written to disk: restart the server".into(),
                )
            })
    }

    /// Connects to `url` (`sqlite://PATH` or `postgres://…`), creating a SQLite file and
    /// its folder when missing, and brings the schema up to date.
    pub async fn connect(url: &str, connections: u32) -> Result<Db, String> {
        let db = if let Some(path) = url.strip_prefix("sqlite://") {
            if let Some(folder) = Path::new(path).parent() {
                if !folder.as_os_str().is_empty() {
                    std::fs::create_dir_all(folder)
                        .map_err(|error| format!("cannot create {}: {error}", folder.display()))?;
                }
            }
            let options = SqliteConnectOptions::from_str(url)
                .map_err(|error| format!("{url}: {error}"))?
                .create_if_missing(true)
                // WAL with NORMAL: a committed entry survives the process being killed, and
                // is on the disk before it is answered (`written`: one fsync for a group of
                // commits, rather than FULL's one for each).
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                // Checkpoints are run by [`Db::checkpoint`], off the writers' path: one run
                // by the commit that crosses the threshold would hold that writer (and all
                // queued behind it) for the checkpoint's fsync.
                .pragma("wal_autocheckpoint", "0")
                // A deleted entry's bytes are overwritten, not left in free pages: a closed
                // room's figures are gone from the file, not only from its tables.
                .pragma("secure_delete", "on")
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5));
            let pool = SqlitePoolOptions::new()
                .max_connections(connections.max(1))
                .connect_with(options)
                .await
                .map_err(|error| format!("cannot open {url}: {error}"))?;
            let writers = Arc::new(Writers::default());
            Db::Sqlite(pool, writers)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options = PgConnectOptions::from_str(url)
                .map_err(|error| format!("the database address: {error}"))?;
            let pool = PgPoolOptions::new()
                .max_connections(connections.max(1))
                .acquire_timeout(Duration::from_secs(3))
                .connect_with(options)
                .await
                .map_err(|error| format!("cannot reach the database: {error}"))?;
            Db::Postgres(pool)
        } else {
            return Err(format!(
                "--database {url:?}: give sqlite://PATH or postgres://URL"
            ));
        };
        db.migrate()
            .await
            .map_err(|error| format!("migrating the schema: {error:?}"))?;
        if let Db::Sqlite(pool, writers) = &db {
            let log = Arc::new(std::sync::Mutex::new(WriteAheadLog::new(
                write_ahead_log(pool).await?,
            )));
            tokio::spawn(writers.on_disk.clone().run(move || {
                let log = log.clone();
                async move {
                    // An fsync blocks its thread: off the runtime's workers.
                    tokio::task::spawn_blocking(move || {
                        log.lock()
                            .unwrap_or_else(|poisoned| poisoned.into_inner())
                            .sync()
                    })
                    .await
                    .unwrap_or_else(|error| Err(std::io::Error::other(error)))
                }
            }));
        }
        Ok(db)
    }

    /// Brings the schema up to date, one version at a time, each in its own transaction.
    /// Several processes starting at once against PostgreSQL take turns (an advisory lock).
    async fn migrate(&self) -> Result<(), StoreError> {
        let _turn = self.turn().await;
        on_db!(self, |pool, q| {
            let mut tx = pool.begin().await?;
            if matches!(self, Db::Postgres(_)) {
                sqlx::query("SELECT pg_advisory_xact_lock(4711)")
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")
                .execute(&mut *tx)
                .await?;
            let done: Option<i64> = sqlx::query("SELECT MAX(version) AS v FROM schema_version")
                .fetch_one(&mut *tx)
                .await?
                .try_get("v")?;
            let done = done.unwrap_or(0);
            for (i, statements) in migrations(matches!(self, Db::Postgres(_)))
                .into_iter()
                .enumerate()
            {
                let version = i as i64 + 1;
                if version <= done {
                    continue;
                }
                for statement in statements {
                    sqlx::query(AssertSqlSafe(statement))
                        .execute(&mut *tx)
                        .await?;
                }
                sqlx::query(q("INSERT INTO schema_version (version) VALUES (?)"))
                    .bind(version)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// Copies SQLite's write-ahead log into the database (without holding up writers); a
    /// background task calls it every second. Nothing to do with PostgreSQL.
    pub async fn checkpoint(&self) -> Result<(), StoreError> {
        if let Db::Sqlite(pool, _) = self {
            sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                .execute(pool)
                .await?;
        }
        Ok(())
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        on_db!(self, |pool, _q| {
            sqlx::query("SELECT 1").execute(pool).await?;
            Ok(())
        })
    }

    /// Stores a new room; `false` when its code is taken.
    pub async fn create_room(&self, room: &Room) -> Result<bool, StoreError> {
        let turn = self.turn().await;
        let created = on_db!(self, |pool, q| {
            let done = sqlx::query(q(
                "INSERT INTO rooms (code, token_hash, name, currency, created_at, active_at, state, revealed, version) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0) ON CONFLICT (code) DO NOTHING",
            ))
            .bind(&room.code)
            .bind(&room.token_hash)
            .bind(&room.name)
            .bind(&room.currency)
            .bind(room.created_at)
            .bind(room.active_at)
            .bind(room.state.name())
            .execute(pool)
            .await?;
            Ok::<_, StoreError>(done.rows_affected() == 1)
        })?;
        self.count_commit(turn);
        self.settled().await?;
        Ok(created)
    }

    pub async fn room(&self, code: &str) -> Result<Option<Room>, StoreError> {
        on_db!(self, |pool, q| {
            let row = sqlx::query(q(
                "SELECT code, token_hash, name, currency, created_at, active_at, state, revealed, version FROM rooms WHERE code = ?",
            ))
            .bind(code)
            .fetch_optional(pool)
            .await?;
            row.map(|row| {
                Ok(Room {
                    code: row.try_get("code")?,
                    token_hash: row.try_get("token_hash")?,
                    name: row.try_get("name")?,
                    currency: row.try_get("currency")?,
                    created_at: row.try_get("created_at")?,
                    active_at: row.try_get("active_at")?,
                    state: RoomState::of(&row.try_get::<String, _>("state")?),
                    revealed: row.try_get::<i64, _>("revealed")? != 0,
                    version: row.try_get("version")?,
                })
            })
            .transpose()
        })
    }

    /// How many entries a room has.
    pub async fn participants(&self, code: &str) -> Result<i64, StoreError> {
        on_db!(self, |pool, q| {
            Ok(
                sqlx::query(q("SELECT COUNT(*) AS n FROM entries WHERE code = ?"))
                    .bind(code)
                    .fetch_one(pool)
                    .await?
                    .try_get("n")?,
            )
        })
    }

    /// Stores a participant's entry, replacing their earlier one, in an open room that is
    /// not past its lifetime and has room for them.
    #[allow(clippy::too_many_arguments)]
    pub async fn put_entry(
        &self,
        code: &str,
        participant: &str,
        scenario: &str,
        currency: &str,
        entry: &Counted,
        now: i64,
        lifetime_ms: i64,
        max_participants: i64,
    ) -> Result<Put, StoreError> {
        let insert: &'static str = insert_entry_statement();
        // In a block of its own: a change rolled back returns from the block (in the
        // statements' early `return`s), and is settled below all the same.
        let put = async {
            let turn = self.turn().await;
            let stored = on_db!(self, |pool, q| {
                let mut tx = pool.begin().await?;
                // The room's row first: it takes the write lock at once (SQLite) and locks the
                // room against a second writer (PostgreSQL), so that the count below holds.
                let bumped = sqlx::query(q(
                    "UPDATE rooms SET version = version + 1, active_at = ? \
                     WHERE code = ? AND state = 'open' AND active_at >= ? RETURNING version, revealed, currency",
                ))
                .bind(now)
                .bind(code)
                .bind(now - lifetime_ms)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(bumped) = bumped else {
                    tx.rollback().await?;
                    let state = self
                        .room(code)
                        .await?
                        .map(|room| room.state_at(now, lifetime_ms));
                    return Ok(Put::NotOpen(state));
                };
                let version: i64 = bumped.try_get("version")?;
                let revealed = bumped.try_get::<i64, _>("revealed")? != 0;
                let room_currency: String = bumped.try_get("currency")?;
                if room_currency != currency {
                    tx.rollback().await?;
                    return Ok(Put::OtherCurrency(room_currency));
                }
                let counts = sqlx::query(q(
                    "SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN participant = ? THEN 1 ELSE 0 END), 0) AS mine \
                     FROM entries WHERE code = ?",
                ))
                .bind(participant)
                .bind(code)
                .fetch_one(&mut *tx)
                .await?;
                let (count, mine): (i64, i64) = (counts.try_get("n")?, counts.try_get("mine")?);
                let created = mine == 0;
                if created && count >= max_participants {
                    tx.rollback().await?;
                    return Ok(Put::Full);
                }
                let mut statement = sqlx::query(q(insert))
                    .bind(code)
                    .bind(participant)
                    .bind(scenario)
                    .bind(now)
                    .bind(i64::from(entry.paid_back));
                for figure in &entry.figures {
                    statement = statement.bind(*figure);
                }
                statement.execute(&mut *tx).await?;
                announce_change!(self, tx, q, code);
                tx.commit().await?;
                Ok::<_, StoreError>(Put::Stored {
                    created,
                    version,
                    revealed,
                    participants: count + i64::from(created),
                })
            })?;
            // A change that was rolled back returned above, with nothing to count.
            self.count_commit(turn);
            Ok::<_, StoreError>(stored)
        }
        .await?;
        self.settled().await?;
        Ok(put)
    }

    /// Withdraws a participant's entry. `Ok(None)` when the room is unknown, its state
    /// when it is not open.
    pub async fn delete_entry(
        &self,
        code: &str,
        participant: &str,
        now: i64,
        lifetime_ms: i64,
    ) -> Result<Result<(), Option<RoomState>>, StoreError> {
        self.change(code, now, lifetime_ms, Change::Withdraw(participant))
            .await
    }

    /// Shows or hides the room's figures on the phones.
    pub async fn reveal(
        &self,
        code: &str,
        revealed: bool,
        now: i64,
        lifetime_ms: i64,
    ) -> Result<Result<(), Option<RoomState>>, StoreError> {
        self.change(code, now, lifetime_ms, Change::Reveal(revealed))
            .await
    }

    /// Empties the room and hides its figures, for a new round.
    pub async fn reset(
        &self,
        code: &str,
        now: i64,
        lifetime_ms: i64,
    ) -> Result<Result<(), Option<RoomState>>, StoreError> {
        self.change(code, now, lifetime_ms, Change::Reset).await
    }

    /// Closes the room for good: its entries are deleted at once.
    pub async fn close(
        &self,
        code: &str,
        now: i64,
        lifetime_ms: i64,
    ) -> Result<Result<(), Option<RoomState>>, StoreError> {
        self.change(code, now, lifetime_ms, Change::Close).await
    }

    /// One change to an open room, with its version raised and, with PostgreSQL, announced.
    async fn change(
        &self,
        code: &str,
        now: i64,
        lifetime_ms: i64,
        change: Change<'_>,
    ) -> Result<Result<(), Option<RoomState>>, StoreError> {
        // In a block of its own, as in `put_entry`.
        let changed = async {
            let turn = self.turn().await;
            on_db!(self, |pool, q| {
                let mut tx = pool.begin().await?;
                let revealed: Option<i64> = match change {
                    Change::Reveal(revealed) => Some(i64::from(revealed)),
                    Change::Reset => Some(0),
                    _ => None,
                };
                let state = if matches!(change, Change::Close) {
                    "closed"
                } else {
                    "open"
                };
                let bumped = sqlx::query(q(
                    "UPDATE rooms SET version = version + 1, active_at = ?, revealed = COALESCE(?, revealed), \
                     state = ?, ended_at = CASE WHEN ? = 'open' THEN NULL ELSE ? END \
                     WHERE code = ? AND state = 'open' AND active_at >= ? RETURNING version",
                ))
                .bind(now)
                .bind(revealed)
                .bind(state)
                .bind(state)
                .bind(now)
                .bind(code)
                .bind(now - lifetime_ms)
                .fetch_optional(&mut *tx)
                .await?;
                if bumped.is_none() {
                    tx.rollback().await?;
                    let state = self
                        .room(code)
                        .await?
                        .map(|room| room.state_at(now, lifetime_ms));
                    return Ok(Err(state));
                }
                match change {
                    Change::Withdraw(participant) => {
                        let deleted =
                            sqlx::query(q("DELETE FROM entries WHERE code = ? AND participant = ?"))
                                .bind(code)
                                .bind(participant)
                                .execute(&mut *tx)
                                .await?;
                        // Nothing to withdraw changes nothing: not the version, and not the
                        // room's last activity, which a made-up id must not keep alive.
                        if deleted.rows_affected() == 0 {
                            tx.rollback().await?;
                            return Ok(Ok(()));
                        }
                    }
                    Change::Reset | Change::Close => {
                        sqlx::query(q("DELETE FROM entries WHERE code = ?"))
                            .bind(code)
                            .execute(&mut *tx)
                            .await?;
                    }
                    Change::Reveal(_) => {}
                }
                announce_change!(self, tx, q, code);
                tx.commit().await?;
                Ok::<_, StoreError>(())
            })?;
            // A change that was rolled back returned above, with nothing to count.
            self.count_commit(turn);
            Ok::<_, StoreError>(Ok(()))
        }
        .await?;
        self.settled().await?;
        Ok(changed)
    }

    /// What a summary needs of every entry of a room.
    pub async fn counted(&self, code: &str) -> Result<Vec<Counted>, StoreError> {
        let statement: &'static str = select_figures_statement();
        on_db!(self, |pool, q| {
            let rows = sqlx::query(q(statement)).bind(code).fetch_all(pool).await?;
            rows.iter()
                .map(|row| {
                    Ok(Counted {
                        figures: figures_of_row(row)?,
                        paid_back: row.try_get::<i64, _>("paid_back")? != 0,
                    })
                })
                .collect()
        })
    }

    /// One participant's figures, if they have an entry.
    pub async fn entry_figures(
        &self,
        code: &str,
        participant: &str,
    ) -> Result<Option<Figures>, StoreError> {
        let statement: &'static str = select_own_figures_statement();
        on_db!(self, |pool, q| {
            let row = sqlx::query(q(statement))
                .bind(code)
                .bind(participant)
                .fetch_optional(pool)
                .await?;
            row.as_ref().map(figures_of_row).transpose()
        })
    }

    /// Every entry of a room, without who sent it, for the presenter's export.
    pub async fn entries(&self, code: &str) -> Result<Vec<StoredEntry>, StoreError> {
        let statement: &'static str = select_entries_statement();
        on_db!(self, |pool, q| {
            let rows = sqlx::query(q(statement)).bind(code).fetch_all(pool).await?;
            rows.iter()
                .map(|row| {
                    Ok(StoredEntry {
                        scenario: row.try_get("scenario")?,
                        updated_at: row.try_get("updated_at")?,
                        paid_back: row.try_get::<i64, _>("paid_back")? != 0,
                        figures: figures_of_row(row)?,
                    })
                })
                .collect()
        })
    }

    /// Ends rooms past their lifetime (their entries deleted at once, the room kept a day
    /// so that its code answers 410), and forgets rooms ended more than a day ago (their
    /// code then answers 404). How many rooms were ended.
    pub async fn sweep(&self, now: i64, lifetime_ms: i64) -> Result<u64, StoreError> {
        const KEPT_MS: i64 = 24 * 3600 * 1000;
        let _turn = self.turn().await;
        on_db!(self, |pool, q| {
            let mut tx = pool.begin().await?;
            let ended: Vec<String> = sqlx::query_scalar(q(
                "UPDATE rooms SET state = 'expired', ended_at = ? WHERE state = 'open' AND active_at < ? RETURNING code",
            ))
            .bind(now)
            .bind(now - lifetime_ms)
            .fetch_all(&mut *tx)
            .await?;
            // Every process's streams hear of a room that ended, not only this one's (a
            // process that swept no room of its own never reads it again otherwise).
            for code in &ended {
                announce_change!(self, tx, q, code);
            }
            sqlx::query(
                "DELETE FROM entries WHERE code IN (SELECT code FROM rooms WHERE state <> 'open')",
            )
            .execute(&mut *tx)
            .await?;
            sqlx::query(q(
                "DELETE FROM rooms WHERE state <> 'open' AND ended_at < ?",
            ))
            .bind(now - KEPT_MS)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(ended.len() as u64)
        })
    }
}

/// A change to an open room.
#[derive(Clone, Copy)]
enum Change<'a> {
    Withdraw(&'a str),
    Reveal(bool),
    Reset,
    Close,
}

/// Reads [`FIGURES`] from a row, in order.
fn figures_of_row<R: Row>(row: &R) -> Result<Figures, StoreError>
where
    for<'a> &'a str: sqlx::ColumnIndex<R>,
    for<'a> Option<f64>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
{
    let mut figures = [None; FIGURES.len()];
    for (slot, name) in figures.iter_mut().zip(FIGURES) {
        *slot = row.try_get::<Option<f64>, _>(name)?;
    }
    Ok(figures)
}

/// Statements built once from [`FIGURES`], so that the columns are never named by hand.
fn insert_entry_statement() -> &'static str {
    static STATEMENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    STATEMENT.get_or_init(|| {
        let marks = vec!["?"; FIGURES.len()].join(", ");
        let updates: String = FIGURES
            .iter()
            .map(|name| format!(", {name} = excluded.{name}"))
            .collect();
        format!(
            "INSERT INTO entries (code, participant, scenario, updated_at, paid_back, {}) VALUES (?, ?, ?, ?, ?, {marks}) \
             ON CONFLICT (code, participant) DO UPDATE SET scenario = excluded.scenario, updated_at = excluded.updated_at, \
             paid_back = excluded.paid_back{updates}",
            figure_columns()
        )
    })
}

fn select_figures_statement() -> &'static str {
    static STATEMENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    STATEMENT.get_or_init(|| {
        format!(
            "SELECT paid_back, {} FROM entries WHERE code = ?",
            figure_columns()
        )
    })
}

fn select_own_figures_statement() -> &'static str {
    static STATEMENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    STATEMENT.get_or_init(|| {
        format!(
            "SELECT {} FROM entries WHERE code = ? AND participant = ?",
            figure_columns()
        )
    })
}

fn select_entries_statement() -> &'static str {
    static STATEMENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    STATEMENT.get_or_init(|| {
        format!(
            "SELECT scenario, updated_at, paid_back, {} FROM entries WHERE code = ? ORDER BY updated_at",
            figure_columns()
        )
    })
}

impl From<StoreError> for String {
    fn from(error: StoreError) -> String {
        match error {
            StoreError::Unavailable(message) | StoreError::Failed(message) => message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_are_numbered_for_postgres() {
        assert_eq!(numbered("a = ? AND b = ?"), "a = $1 AND b = $2");
        assert!(insert_entry_statement().contains("npv_gain = excluded.npv_gain"));
        assert_eq!(
            insert_entry_statement().matches('?').count(),
            5 + FIGURES.len()
        );
    }

    #[cfg(unix)]
    #[tokio::test]
    async fn the_log_written_to_disk_is_the_one_sqlite_writes_even_through_a_link() {
        let folder = std::env::temp_dir().join(format!("cvc-store-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(folder.join("real")).expect("a temporary folder");
        let real = folder.join("real").join("rooms.sqlite");
        let link = folder.join("rooms.sqlite");
        std::fs::write(&real, b"").expect("an empty database");
        std::os::unix::fs::symlink(&real, &link).expect("a link to it");
        let db = Db::connect(&format!("sqlite://{}", link.display()), 2)
            .await
            .expect("connected through the link");
        let Db::Sqlite(pool, _) = &db else {
            panic!("SQLite");
        };
        let log = write_ahead_log(pool).await.expect("the log found");
        let expected = std::fs::canonicalize(&real).expect("the real file");
        assert_eq!(log, PathBuf::from(format!("{}-wal", expected.display())));
        assert!(log.exists());
        // A change is answered once it is on the disk.
        let room = Room {
            code: "ACDEFG".into(),
            token_hash: "0".repeat(64),
            name: String::new(),
            currency: "ILS".into(),
            created_at: 0,
            active_at: 0,
            state: RoomState::Open,
            revealed: false,
            version: 0,
        };
        assert_eq!(db.create_room(&room).await.ok(), Some(true));
        let _ = std::fs::remove_dir_all(&folder);
    }
}
