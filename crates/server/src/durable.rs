//! Group sync: SQLite's commits reach the disk together, before any of them is answered.
//!
//! With a write-ahead log and `synchronous=NORMAL`, SQLite writes a commit to the log
//! without waiting for the disk: it survives the process being killed, not a power cut.
//! `synchronous=FULL` waits for the disk at every commit, and as this process's writers
//! take turns, each waits for every fsync before its own (a burst's p99 went from 35 to
//! 235 ms, docs/benchmarks.md). Here a writer counts its commit while it holds its turn,
//! and its answer waits for one fsync of the log that began after that: one fsync serves
//! every commit counted before it began, so under a burst a few fsyncs serve many answers.
//!
//! A failed fsync is final: the kernel may have dropped the pages it could not write,
//! and a later fsync that succeeds does not bring them back (SQLite's log is a chain,
//! read up to its first missing frame). Every write from then on is refused, and the log
//! says to restart, so that SQLite's recovery decides what the disk holds.

use std::future::Future;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tokio::sync::{watch, Notify};

/// How far the commits are on the disk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Synced {
    /// Every commit up to this number is on the disk.
    through: u64,
    /// An fsync failed, or the syncer stopped: nothing more is acknowledged.
    failed: bool,
}

/// This process's commits and how far they are on the disk.
#[derive(Debug)]
pub struct GroupSync {
    committed: AtomicU64,
    synced: watch::Sender<Synced>,
    wanted: Notify,
}

impl Default for GroupSync {
    fn default() -> Self {
        GroupSync {
            committed: AtomicU64::new(0),
            synced: watch::Sender::new(Synced::default()),
            wanted: Notify::new(),
        }
    }
}

/// Marks the group failed when the syncer ends for any reason, even before it first ran
/// (it never ends otherwise), so that no writer waits for it for good.
struct FailedWhenDropped(Arc<GroupSync>);

impl Drop for FailedWhenDropped {
    fn drop(&mut self) {
        self.0.synced.send_modify(|synced| synced.failed = true);
    }
}

impl GroupSync {
    /// Counts a commit just made; called while the writer still holds its turn, so that
    /// the numbers follow the commits' order.
    pub fn committed(&self) -> u64 {
        self.committed.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// The last commit counted: what a writer that read the database since may have seen.
    pub fn latest(&self) -> u64 {
        self.committed.load(Ordering::SeqCst)
    }

    /// Waits until commit `number` is on the disk; `Err` once an fsync has failed (the
    /// commit may then be lost in a power cut, so it is not acknowledged).
    pub async fn on_disk(&self, number: u64) -> Result<(), ()> {
        let mut synced = self.synced.subscribe();
        self.wanted.notify_one();
        loop {
            let now = *synced.borrow_and_update();
            if now.failed {
                return Err(());
            }
            if now.through >= number {
                return Ok(());
            }
            // The sender lives as long as `self`; the syncer's end is `failed`, above.
            let _ = synced.changed().await;
        }
    }

    /// The syncer: whenever a writer waits, runs `sync` (an fsync of the log), which
    /// covers every commit counted before it began. Runs until an fsync fails.
    pub fn run<S, F>(self: Arc<Self>, mut sync: S) -> impl Future<Output = ()>
    where
        S: FnMut() -> F,
        F: Future<Output = std::io::Result<()>>,
    {
        // Made now, not when the future first runs: a syncer dropped unrun also fails.
        let failed_when_dropped = FailedWhenDropped(self.clone());
        async move {
            let _failed_when_dropped = failed_when_dropped;
            self.serve(&mut sync).await;
        }
    }

    async fn serve<S, F>(&self, sync: &mut S)
    where
        S: FnMut() -> F,
        F: Future<Output = std::io::Result<()>>,
    {
        loop {
            self.wanted.notified().await;
            let target = self.latest();
            if self.synced.borrow().through >= target {
                continue;
            }
            if let Err(error) = sync().await {
                tracing::error!(
                    %error,
                    "the database's log could not be written to disk: no change is taken from \
                     now on; restart the server, and SQLite's recovery keeps what the disk holds"
                );
                return;
            }
            self.synced.send_modify(|synced| synced.through = target);
        }
    }
}

/// SQLite's write-ahead log as the syncer writes it to disk: one file handle kept open,
/// so that an error of the disk's is reported to it however it was written, and opened
/// again when SQLite makes a new log (after the last connection closed and the old one
/// was checkpointed into the database and deleted).
#[derive(Debug)]
pub struct WriteAheadLog {
    path: PathBuf,
    open: Option<(std::fs::File, u64)>,
}

impl WriteAheadLog {
    pub fn new(path: PathBuf) -> WriteAheadLog {
        WriteAheadLog { path, open: None }
    }

    /// Writes the log's pages to disk. No log at its path: the last connection closed,
    /// and SQLite checkpointed every commit into the database (and synced it) first.
    pub fn sync(&mut self) -> std::io::Result<()> {
        let identity = match std::fs::metadata(&self.path) {
            Ok(metadata) => file_identity(&metadata),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                self.open = None;
                return Ok(());
            }
            Err(error) => return Err(error),
        };
        if self.open.as_ref().map(|(_, held)| *held) != Some(identity) {
            let file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(&self.path)?;
            self.open = Some((file, identity));
        }
        match &self.open {
            Some((file, _)) => file.sync_data(),
            None => Ok(()),
        }
    }
}

/// Which file a path names now (its inode), to know when SQLite made a new log.
#[cfg(unix)]
fn file_identity(metadata: &std::fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    metadata.ino()
}

/// Elsewhere no inode: the log is opened again for every fsync.
#[cfg(not(unix))]
fn file_identity(_metadata: &std::fs::Metadata) -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::SeqCst)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, AtomicUsize};
    use std::time::Duration;
    use tokio::time::Instant;

    type Sync = std::pin::Pin<Box<dyn Future<Output = std::io::Result<()>> + Send>>;

    /// A sync that takes `ms` (of the test's paused clock) and counts its calls, failing
    /// while `failing` is set.
    fn slow_sync(
        calls: Arc<AtomicUsize>,
        failing: Arc<AtomicBool>,
        ms: u64,
    ) -> impl FnMut() -> Sync {
        move || {
            let (calls, failing) = (calls.clone(), failing.clone());
            Box::pin(async move {
                calls.fetch_add(1, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(ms)).await;
                if failing.load(Ordering::SeqCst) {
                    Err(std::io::Error::other("disk gone"))
                } else {
                    Ok(())
                }
            })
        }
    }

    fn started(
        ms: u64,
    ) -> (
        Arc<GroupSync>,
        Arc<AtomicUsize>,
        Arc<AtomicBool>,
        tokio::task::JoinHandle<()>,
    ) {
        let group = Arc::new(GroupSync::default());
        let calls = Arc::new(AtomicUsize::new(0));
        let failing = Arc::new(AtomicBool::new(false));
        let syncer = tokio::spawn(
            group
                .clone()
                .run(slow_sync(calls.clone(), failing.clone(), ms)),
        );
        (group, calls, failing, syncer)
    }

    #[tokio::test(start_paused = true)]
    async fn commits_that_come_during_an_fsync_share_the_next_one() {
        let (group, calls, _, _syncer) = started(10);
        // Fifty writers commit one a millisecond, each waiting for the disk.
        let mut waits = Vec::new();
        for _ in 0..50 {
            let number = group.committed();
            let group = group.clone();
            waits.push(tokio::spawn(async move { group.on_disk(number).await }));
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        for wait in waits {
            assert_eq!(wait.await.ok(), Some(Ok(())));
        }
        // One fsync of 10 ms at a time: about one for each ten commits, not fifty.
        let fsyncs = calls.load(Ordering::SeqCst);
        assert!((4..=7).contains(&fsyncs), "{fsyncs} fsyncs for 50 commits");
    }

    #[tokio::test(start_paused = true)]
    async fn a_commit_is_not_answered_by_an_fsync_that_began_before_it() {
        let (group, calls, _, _syncer) = started(20);
        let first = group.committed();
        let start = Instant::now();
        let waiting = {
            let group = group.clone();
            tokio::spawn(async move { group.on_disk(first).await })
        };
        // The first fsync is under way (0 to 20 ms); a commit made now waits for the next.
        tokio::time::sleep(Duration::from_millis(5)).await;
        let second = group.committed();
        assert_eq!(group.on_disk(second).await, Ok(()));
        assert_eq!(
            start.elapsed(),
            Duration::from_millis(40),
            "answered by the first fsync"
        );
        assert_eq!(waiting.await.ok(), Some(Ok(())));
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn after_a_failed_fsync_nothing_is_acknowledged_even_if_the_disk_comes_back() {
        let (group, _, failing, syncer) = started(5);
        failing.store(true, Ordering::SeqCst);
        let lost = group.committed();
        assert_eq!(group.on_disk(lost).await, Err(()));
        failing.store(false, Ordering::SeqCst);
        let later = group.committed();
        assert_eq!(group.on_disk(later).await, Err(()));
        assert!(syncer.await.is_ok(), "the syncer ended");
    }

    #[tokio::test(start_paused = true)]
    async fn a_stopped_syncer_leaves_no_writer_waiting() {
        let (group, _, _, syncer) = started(5);
        syncer.abort();
        let _ = syncer.await;
        let number = group.committed();
        assert_eq!(group.on_disk(number).await, Err(()));
    }

    #[test]
    fn the_log_is_opened_again_when_sqlite_makes_a_new_one() {
        let folder = std::env::temp_dir().join(format!("cvc-wal-{}", std::process::id()));
        std::fs::create_dir_all(&folder).expect("a temporary folder");
        let path = folder.join("rooms.sqlite-wal");
        let mut log = WriteAheadLog::new(path.clone());
        // No log yet (or no more): nothing to write.
        assert!(log.sync().is_ok() && log.open.is_none());
        std::fs::write(&path, b"frames").expect("a log");
        assert!(log.sync().is_ok());
        let first = log.open.as_ref().map(|(_, identity)| *identity);
        assert!(first.is_some());
        // Checkpointed and deleted, then made again: another file (the old one's inode is
        // still held open, so the new one cannot have its number).
        std::fs::remove_file(&path).expect("the log deleted");
        std::fs::write(&path, b"new frames").expect("a new log");
        assert!(log.sync().is_ok());
        let second = log.open.as_ref().map(|(_, identity)| *identity);
        assert_ne!(second, first);
        assert_eq!(
            second,
            std::fs::metadata(&path).ok().map(|m| file_identity(&m))
        );
        let _ = std::fs::remove_dir_all(&folder);
    }
}
