//! `cvc-server`: where it starts. Reads its flags, opens the database (creating a SQLite
//! file and bringing the schema up to date), reads the bundle, listens, and on SIGINT or
//! SIGTERM stops taking requests, ends every stream cleanly, and exits.

use clap::Parser;
use cvc_server::config::Config;
use cvc_server::hub::{self, Hub};
use cvc_server::limits::Limits;
use cvc_server::listener::{self, ConnectionRules};
use cvc_server::statics::Bundle;
use cvc_server::store::Db;
use cvc_server::{now_ms, router, AppState};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_env("CVC_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    if config.log_json {
        tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    match run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            eprintln!("cvc-server: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config) -> Result<(), String> {
    let db = Db::connect(&config.database, config.db_connections).await?;
    let bundle = Bundle::load(&config.dist, &config.frame_ancestors)?;
    if bundle.is_empty() {
        tracing::warn!(dist = %config.dist.display(), "no bundle to serve: the API alone");
    }
    let (stop, shutdown) = watch::channel(false);
    let hub = Arc::new(Hub::default());
    let state = Arc::new(AppState {
        limits: Limits::new(
            config.participant_rate,
            config.address_rate,
            config.rooms_per_hour,
        ),
        config: config.clone(),
        db: db.clone(),
        hub: hub.clone(),
        bundle,
        shutdown,
    });
    tokio::spawn(hub::listen(db.clone(), hub.clone()));
    tokio::spawn(sweep(state.clone()));
    tokio::spawn(checkpoint(db.clone()));
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|error| format!("cannot listen on {}: {error}", config.listen))?;
    let rules = ConnectionRules {
        max_connections: config.connection_cap(),
        head_time: Duration::from_secs_f64(config.request_head_seconds),
    };
    tracing::info!(
        listen = %config.listen,
        database = state.db_kind(),
        connections = rules.max_connections,
        "serving"
    );
    listener::serve(listener, router(state), rules, async move {
        stopped().await;
        tracing::info!("stopping: ending streams and open requests");
        let _ = stop.send(true);
    })
    .await;
    tracing::info!("stopped");
    Ok(())
}

/// Waits for SIGINT or SIGTERM.
async fn stopped() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(signal) => signal,
                Err(_) => return interrupt.await.unwrap_or(()),
            };
        tokio::select! {
            _ = interrupt => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
}

/// Ends rooms past their lifetime, once a minute.
async fn sweep(state: Arc<AppState>) {
    let mut every = tokio::time::interval(Duration::from_secs(60));
    loop {
        every.tick().await;
        match state.db.sweep(now_ms(), state.lifetime_ms()).await {
            Ok(0) => {}
            Ok(ended) => {
                tracing::info!(ended, "rooms expired");
                state.hub.all_changed();
            }
            Err(error) => tracing::warn!(error = %String::from(error), "the sweep failed"),
        }
    }
}

/// SQLite's checkpoints, once a second, off the writers' path.
async fn checkpoint(db: Db) {
    if !matches!(db, Db::Sqlite(..)) {
        return;
    }
    let mut every = tokio::time::interval(Duration::from_secs(1));
    loop {
        every.tick().await;
        if let Err(error) = db.checkpoint().await {
            tracing::warn!(error = %String::from(error), "a checkpoint failed");
        }
    }
}
