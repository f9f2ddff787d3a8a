//! Group sync: SQLite's commits reach the disk together, before any of them is answered.
//!
//! With a write-ahead log and `synchronous=NORMAL`, SQLite writes a commit to the log
//! without waiting for the disk: it survives the process being killed, not a power cut.
//! `synchronous=FULL` waits for the disk at every commit, and as this process's writers
//! take turns, each waits for every fsync before its own (a burst's p99 went from 35 to
//! 235 ms, docs/benchmarks.md). Here each writer, once committed, waits for one fsync of
//! the log that covers its commit: one fsync serves every commit made before it began, so
//! under a burst a few fsyncs a second serve a thousand answers.

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tokio::sync::{watch, Notify};

/// How far the commits are on the disk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Synced {
    /// Every commit up to this number is on the disk.
    through: u64,
    /// The last fsync that failed covered commits up to this number.
    failed_through: u64,
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

impl GroupSync {
    /// Counts a commit just made; called while the writer still holds its turn, so that
    /// the numbers follow the commits' order. Its number, for [`GroupSync::on_disk`].
    pub fn committed(&self) -> u64 {
        self.committed.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// Waits until commit `number` is on the disk; `Err` if the fsync that covered it
    /// failed (the commit may then be lost in a power cut, so it is not acknowledged).
    pub async fn on_disk(&self, number: u64) -> Result<(), ()> {
        let mut synced = self.synced.subscribe();
        self.wanted.notify_one();
        loop {
            let now = *synced.borrow_and_update();
            if now.through >= number {
                return Ok(());
            }
            if now.failed_through >= number {
                return Err(());
            }
            if synced.changed().await.is_err() {
                return Err(());
            }
        }
    }

    /// The syncer: whenever a writer waits, runs `sync` (an fsync of the log), which
    /// covers every commit counted before it began. Runs for good.
    pub async fn run<S, F>(self: Arc<Self>, sync: S)
    where
        S: Fn() -> F,
        F: Future<Output = std::io::Result<()>>,
    {
        loop {
            self.wanted.notified().await;
            let target = self.committed.load(Ordering::SeqCst);
            if self.synced.borrow().through >= target {
                continue;
            }
            match sync().await {
                Ok(()) => self.synced.send_modify(|synced| synced.through = target),
                Err(error) => {
                    tracing::error!(%error, "the database's log could not be written to disk");
                    self.synced
                        .send_modify(|synced| synced.failed_through = target);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::time::Duration;

    /// A sync that takes `ms` and counts its calls, failing while `failing` is set.
    fn slow_sync(
        calls: Arc<AtomicUsize>,
        failing: Arc<std::sync::atomic::AtomicBool>,
        ms: u64,
    ) -> impl Fn() -> std::pin::Pin<Box<dyn Future<Output = std::io::Result<()>> + Send>> {
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

    #[tokio::test]
    async fn one_fsync_answers_every_commit_made_before_it_began() {
        let group = Arc::new(GroupSync::default());
        let calls = Arc::new(AtomicUsize::new(0));
        let failing = Arc::new(std::sync::atomic::AtomicBool::new(false));
        tokio::spawn(group.clone().run(slow_sync(calls.clone(), failing, 20)));
        // A hundred writers commit in turn and wait for the disk together.
        let waits: Vec<_> = (0..100)
            .map(|_| {
                let number = group.committed();
                let group = group.clone();
                tokio::spawn(async move { group.on_disk(number).await })
            })
            .collect();
        for wait in waits {
            assert_eq!(wait.await.ok(), Some(Ok(())));
        }
        let fsyncs = calls.load(Ordering::SeqCst);
        assert!((1..=3).contains(&fsyncs), "{fsyncs} fsyncs for 100 commits");
    }

    #[tokio::test]
    async fn a_commit_is_not_answered_before_an_fsync_that_began_after_it() {
        let group = Arc::new(GroupSync::default());
        let calls = Arc::new(AtomicUsize::new(0));
        let failing = Arc::new(std::sync::atomic::AtomicBool::new(false));
        tokio::spawn(group.clone().run(slow_sync(calls.clone(), failing, 50)));
        let first = group.committed();
        let waiting = {
            let group = group.clone();
            tokio::spawn(async move { group.on_disk(first).await })
        };
        // The first fsync is under way; a commit made now is not covered by it.
        tokio::time::sleep(Duration::from_millis(10)).await;
        let second = group.committed();
        let started = tokio::time::Instant::now();
        assert_eq!(group.on_disk(second).await, Ok(()));
        assert!(
            started.elapsed() >= Duration::from_millis(45),
            "answered by the first fsync"
        );
        assert_eq!(waiting.await.ok(), Some(Ok(())));
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_failed_fsync_answers_its_commits_with_an_error_and_a_later_one_recovers() {
        let group = Arc::new(GroupSync::default());
        let calls = Arc::new(AtomicUsize::new(0));
        let failing = Arc::new(std::sync::atomic::AtomicBool::new(true));
        tokio::spawn(group.clone().run(slow_sync(calls, failing.clone(), 5)));
        let lost = group.committed();
        assert_eq!(group.on_disk(lost).await, Err(()));
        failing.store(false, Ordering::SeqCst);
        let kept = group.committed();
        assert_eq!(group.on_disk(kept).await, Ok(()));
    }
}
