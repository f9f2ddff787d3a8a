//! Saved scenarios in the browser: `localStorage` behind the pure [`cvc_core::storage`]
//! store, and a hook that loads them once and keeps the list in step with each change,
//! this tab's and other tabs' (the `storage` event, which the browser sends to every other
//! page of the origin).
//! When the browser has no storage (private browsing, storage turned off), scenarios are
//! kept in memory for the visit, and the panel says so.

use cvc_core::storage::{self, MemoryStore, SavedScenario, Shelf, Store, StoreError, PREFIX};
use cvc_model::ValidScenario;
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// `window.localStorage`, as a [`Store`].
pub struct LocalStore(web_sys::Storage);

impl LocalStore {
    /// The browser's storage, if it offers one and lets this page use it.
    pub fn open() -> Option<LocalStore> {
        let storage = web_sys::window()?.local_storage().ok().flatten()?;
        // Some browsers hand out a storage that refuses every write; try one.
        let probe = "cvc.probe";
        storage.set_item(probe, "1").ok()?;
        let _ = storage.remove_item(probe);
        Some(LocalStore(storage))
    }
}

fn store_error(error: wasm_bindgen::JsValue) -> StoreError {
    let quota = error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|exception| {
            exception.name() == "QuotaExceededError" || exception.code() == 22
        });
    if quota {
        StoreError::Full
    } else {
        StoreError::Unavailable
    }
}

impl Store for LocalStore {
    fn keys(&self) -> Vec<String> {
        let count = self.0.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }

    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set_item(key, value).map_err(store_error)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.0.remove_item(key).map_err(store_error)
    }
}

enum Backing {
    Local(LocalStore),
    Memory(MemoryStore),
}

impl Backing {
    fn store(&mut self) -> &mut dyn Store {
        match self {
            Backing::Local(store) => store,
            Backing::Memory(store) => store,
        }
    }
}

thread_local! {
    /// This page's number among the tabs that share the store, drawn once.
    static TAB: u32 = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    /// The page's one store, opened on first use. It outlives the Saved panel: scenarios
    /// kept in memory (no storage) must last for the visit, not until the panel closes.
    static BACKING: Rc<RefCell<Backing>> = Rc::new(RefCell::new(match LocalStore::open() {
        Some(store) => Backing::Local(store),
        None => Backing::Memory(MemoryStore::default()),
    }));
}

/// The saved scenarios and what the user can do with them.
#[derive(Clone)]
pub struct SavedHandle {
    pub shelf: Rc<Shelf>,
    backing: Rc<RefCell<Backing>>,
    refresh: Callback<()>,
}

impl PartialEq for SavedHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.shelf, &other.shelf)
    }
}

impl SavedHandle {
    fn after<T>(&self, outcome: Result<T, StoreError>) -> Result<T, StoreError> {
        self.refresh.emit(());
        outcome
    }

    pub fn save(&self, name: &str, scenario: &ValidScenario) -> Result<SavedScenario, StoreError> {
        let outcome = storage::save(
            self.backing.borrow_mut().store(),
            &self.shelf.entries,
            name,
            scenario,
            js_sys::Date::now(),
            TAB.with(|tab| *tab),
        );
        self.after(outcome)
    }

    /// Returns the name the entry now has (told apart from the others' names).
    pub fn rename(&self, entry: &SavedScenario, name: &str) -> Result<String, StoreError> {
        let outcome = storage::rename(
            self.backing.borrow_mut().store(),
            &self.shelf.entries,
            entry,
            name,
        );
        self.after(outcome)
    }

    pub fn delete(&self, entry: &SavedScenario) -> Result<(), StoreError> {
        let outcome = storage::delete(self.backing.borrow_mut().store(), entry);
        self.after(outcome)
    }
}

/// Loads the saved scenarios once, and again after every change here or in another tab.
#[hook]
pub fn use_saved() -> SavedHandle {
    let backing = BACKING.with(Rc::clone);
    let available = matches!(*backing.borrow(), Backing::Local(_));
    let shelf = {
        let backing = backing.clone();
        use_state(move || Rc::new(storage::load(backing.borrow_mut().store(), available)))
    };
    let refresh = {
        let (backing, shelf) = (backing.clone(), shelf.clone());
        Callback::from(move |()| {
            shelf.set(Rc::new(storage::load(
                backing.borrow_mut().store(),
                available,
            )));
        })
    };
    {
        let refresh = refresh.clone();
        use_effect_with((), move |()| {
            let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
                // A key of null means another tab cleared the whole storage.
                let key = event
                    .dyn_ref::<web_sys::StorageEvent>()
                    .and_then(web_sys::StorageEvent::key);
                if key.is_none_or(|key| key.starts_with(PREFIX)) {
                    refresh.emit(());
                }
            });
            move || drop(listener)
        });
    }
    SavedHandle {
        shelf: (*shelf).clone(),
        backing,
        refresh,
    }
}
