//! The saved scenarios in the browser: `localStorage` behind the pure [`crate::app::saved`]
//! store, and a hook that loads them once and keeps the list in step with each change.
//! When the browser has no storage (private browsing, storage turned off), scenarios are
//! kept in memory for the visit, and the panel says so.

use crate::app::saved::{self, MemoryStore, SavedScenario, Shelf, Store, StoreError};
use crate::model::ValidScenario;
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
    fn store(&mut self) -> &mut dyn StoreObject {
        match self {
            Backing::Local(store) => store,
            Backing::Memory(store) => store,
        }
    }
}

/// [`Store`] as a trait object, for the one place that picks a store at run time.
trait StoreObject {
    fn shelf(&mut self, available: bool) -> Shelf;
    fn save(&mut self, name: &str, scenario: &ValidScenario) -> Result<SavedScenario, StoreError>;
    fn rename(&mut self, entry: &SavedScenario, name: &str) -> Result<(), StoreError>;
    fn delete(&mut self, id: &str) -> Result<(), StoreError>;
}

impl<S: Store> StoreObject for S {
    fn shelf(&mut self, available: bool) -> Shelf {
        saved::load(self, available)
    }
    fn save(&mut self, name: &str, scenario: &ValidScenario) -> Result<SavedScenario, StoreError> {
        saved::save(self, name, scenario, js_sys::Date::now())
    }
    fn rename(&mut self, entry: &SavedScenario, name: &str) -> Result<(), StoreError> {
        saved::rename(self, entry, name)
    }
    fn delete(&mut self, id: &str) -> Result<(), StoreError> {
        saved::delete(self, id)
    }
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
        let outcome = self.backing.borrow_mut().store().save(name, scenario);
        self.after(outcome)
    }

    pub fn rename(&self, entry: &SavedScenario, name: &str) -> Result<(), StoreError> {
        let outcome = self.backing.borrow_mut().store().rename(entry, name);
        self.after(outcome)
    }

    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        let outcome = self.backing.borrow_mut().store().delete(id);
        self.after(outcome)
    }
}

/// Loads the saved scenarios once, and again after every change.
#[hook]
pub fn use_saved() -> SavedHandle {
    let backing = use_memo((), |_| {
        RefCell::new(match LocalStore::open() {
            Some(store) => Backing::Local(store),
            None => Backing::Memory(MemoryStore::default()),
        })
    });
    let available = matches!(*backing.borrow(), Backing::Local(_));
    let shelf = {
        let backing = backing.clone();
        use_state(move || Rc::new(backing.borrow_mut().store().shelf(available)))
    };
    let refresh = {
        let (backing, shelf) = (backing.clone(), shelf.clone());
        Callback::from(move |()| {
            shelf.set(Rc::new(backing.borrow_mut().store().shelf(available)));
        })
    };
    SavedHandle {
        shelf: (*shelf).clone(),
        backing,
        refresh,
    }
}
