//! Who is listening for a room's changes in this process: each presenter's stream waits on
//! its room's signal here. A change made in this process signals at once; with
//! PostgreSQL, [`listen`] also signals every change any process announced (`NOTIFY`), so a
//! stream on one process hears an entry sent to another, through the database itself.
//! When that connection is lost and comes back, every room is signalled, since a change
//! may have been missed meanwhile (a stream then reads the room again, and says the same
//! summary twice at most).

use crate::store::{Db, CHANNEL};
use sqlx::postgres::PgListener;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;

/// The rooms someone listens to in this process.
#[derive(Default)]
pub struct Hub {
    rooms: Mutex<HashMap<String, watch::Sender<u64>>>,
}

impl Hub {
    /// A signal that changes whenever `code` does; `None` when `most` already listen to
    /// it in this process.
    pub fn subscribe(&self, code: &str, most: usize) -> Option<watch::Receiver<u64>> {
        let mut rooms = self
            .rooms
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // Rooms nobody listens to any more are forgotten as others subscribe.
        rooms.retain(|_, sender| sender.receiver_count() > 0);
        let sender = rooms
            .entry(code.to_string())
            .or_insert_with(|| watch::channel(0).0);
        (sender.receiver_count() < most).then(|| sender.subscribe())
    }

    /// Signals that `code` changed.
    pub fn changed(&self, code: &str) {
        let rooms = self
            .rooms
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(sender) = rooms.get(code) {
            sender.send_modify(|n| *n = n.wrapping_add(1));
        }
    }

    /// Signals every room (after a change may have been missed).
    pub fn all_changed(&self) {
        let rooms = self
            .rooms
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        for sender in rooms.values() {
            sender.send_modify(|n| *n = n.wrapping_add(1));
        }
    }
}

/// With PostgreSQL, hears every room's change announced by any process, for as long as
/// the server runs, reconnecting after the database restarts.
pub async fn listen(db: Db, hub: Arc<Hub>) {
    let Db::Postgres(pool) = db else {
        return;
    };
    loop {
        let mut listener = match PgListener::connect_with(&pool).await {
            Ok(listener) => listener,
            Err(error) => {
                tracing::warn!(%error, "cannot listen for room changes; trying again");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        if let Err(error) = listener.listen(CHANNEL).await {
            tracing::warn!(%error, "cannot listen for room changes; trying again");
            tokio::time::sleep(Duration::from_secs(1)).await;
            continue;
        }
        tracing::info!("listening for room changes");
        // Anything may have changed while no one listened.
        hub.all_changed();
        loop {
            match listener.try_recv().await {
                Ok(Some(notification)) => hub.changed(notification.payload()),
                // The connection was lost; the listener reconnects on the next call, and
                // whatever was announced meanwhile is gone.
                Ok(None) => {
                    tracing::warn!("lost the database's announcements; listening again");
                    hub.all_changed();
                }
                Err(error) => {
                    tracing::warn!(%error, "lost the database's announcements");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                    break;
                }
            }
        }
    }
}
