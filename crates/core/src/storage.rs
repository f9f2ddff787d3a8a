//! What the calculator keeps in the browser's storage: saved scenarios (their entry
//! schema, its migration, and every change to them) and the language the reader picked.
//! Pure code over a [`Store`] (a trait object, so that the code is in the wasm once): the
//! browser's `localStorage` in the app (`cvc_browser::local_storage`), a map in tests.
//!
//! Each scenario is its own entry, under `cvc.saved.<id>`, so that one entry that is
//! corrupt, or written by a newer release, costs nothing but itself. An entry is JSON:
//!
//! ```json
//! {"version": 1, "name": "Dental clinic, 2027", "saved_at": 1795000000000,
//!  "scenario": { …the scenario file, as the command-line tool reads it… }}
//! ```
//!
//! Reading never deletes. An entry that cannot be read, or comes from a newer version of
//! the calculator, is left where it is and skipped, with a notice; the others load. An
//! entry whose scenario is of an older schema (scenario files of schema 1 had no
//! uncertainty settings) is migrated through the scenario file's own reader and written
//! back in the current form. A field that is wrong takes its default and is named in the
//! notice, as for an imported file.
//!
//! No two entries share a name: a name already taken is saved or renamed as "name (2)",
//! "name (3)" … ([`distinct_name`]), since the list and the comparison name entries only
//! by their names.

use crate::codec::json::{self, Json};
use crate::codec::scenario_file;
use cvc_model::fields::FieldError;
use cvc_model::scenario::SCHEMA_VERSION;
use cvc_model::ValidScenario;

/// The key of every entry starts with this.
pub const PREFIX: &str = "cvc.saved.";

/// The key under which the language the reader picked is kept on this device (its tag).
pub const LANGUAGE_KEY: &str = "cvc.language";

/// The entry layout this release writes.
pub const ENTRY_VERSION: u32 = 1;

/// Names are kept short enough to show in a list on a phone.
pub const MAX_NAME_CHARS: usize = 80;

/// Why the store refused a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's quota is used up.
    Full,
    /// There is no storage (private browsing, storage turned off, a sandboxed frame).
    Unavailable,
    /// Another tab renamed, replaced or deleted the entry since this one read it; nothing
    /// was written, so that change stands.
    ChangedElsewhere,
}

/// Key–value text storage, as `localStorage` offers it.
pub trait Store {
    fn keys(&self) -> Vec<String>;
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
}

/// One saved scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedScenario {
    /// The part of the key after [`PREFIX`].
    pub id: String,
    pub name: String,
    /// Milliseconds since 1970, as `Date.now()` gives them.
    pub saved_at: f64,
    pub scenario: ValidScenario,
}

/// An entry that was left in storage unread.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Skipped {
    /// Not JSON, or not an entry's shape.
    Unreadable { key: String },
    /// Written by a newer release of the calculator, whose layout this one does not know.
    Newer { key: String, version: u32 },
}

/// What loading the saved scenarios found.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Shelf {
    /// Newest first.
    pub entries: Vec<SavedScenario>,
    pub skipped: Vec<Skipped>,
    /// Names of entries brought up to the current layout.
    pub migrated: Vec<String>,
    /// Fields that took their defaults, by entry name.
    pub problems: Vec<(String, FieldError)>,
    /// Whether the store could be read at all.
    pub available: bool,
}

impl Shelf {
    /// Whether anything calls for a notice.
    pub fn has_news(&self) -> bool {
        !self.skipped.is_empty() || !self.migrated.is_empty() || !self.problems.is_empty()
    }

    pub fn find(&self, id: &str) -> Option<&SavedScenario> {
        self.entries.iter().find(|entry| entry.id == id)
    }
}

/// A name as it is kept: trimmed, control characters dropped, at most
/// [`MAX_NAME_CHARS`] characters. `None` if nothing is left.
pub fn clean_name(name: &str) -> Option<String> {
    let cleaned: String = name
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .chars()
        .take(MAX_NAME_CHARS)
        .collect();
    (!cleaned.is_empty()).then_some(cleaned)
}

fn entry_json(name: &str, saved_at: f64, scenario: &ValidScenario) -> String {
    let entry = Json::Object(vec![
        ("version".into(), Json::Number(f64::from(ENTRY_VERSION))),
        ("name".into(), Json::String(name.into())),
        ("saved_at".into(), Json::Number(saved_at)),
        (
            "scenario".into(),
            scenario_file::to_json(scenario.scenario()),
        ),
    ]);
    json::write_pretty(&entry)
}

enum Parsed {
    Entry(Box<SavedScenario>, Vec<FieldError>, bool),
    Skip(Skipped),
}

fn parse_entry(key: &str, text: &str) -> Parsed {
    let id = key[PREFIX.len()..].to_string();
    let unreadable = || Parsed::Skip(Skipped::Unreadable { key: key.into() });
    let Ok(entry) = json::parse(text) else {
        return unreadable();
    };
    let version = match entry.get("version") {
        Some(Json::Number(n)) if n.fract() == 0.0 && *n >= 1.0 && *n <= f64::from(u32::MAX) => {
            *n as u32
        }
        _ => return unreadable(),
    };
    if version > ENTRY_VERSION {
        return Parsed::Skip(Skipped::Newer {
            key: key.into(),
            version,
        });
    }
    let name = match entry.get("name") {
        Some(Json::String(name)) => clean_name(name),
        _ => None,
    };
    let (Some(name), Some(scenario)) = (name, entry.get("scenario")) else {
        return unreadable();
    };
    let saved_at = match entry.get("saved_at") {
        Some(Json::Number(at)) if at.is_finite() && *at >= 0.0 => *at,
        _ => 0.0,
    };
    let Ok(reading) = scenario_file::read_value(scenario) else {
        return unreadable();
    };
    let old_schema = !matches!(
        scenario.get("schema_version"),
        Some(Json::Number(n)) if *n == f64::from(SCHEMA_VERSION)
    );
    Parsed::Entry(
        Box::new(SavedScenario {
            id,
            name,
            saved_at,
            scenario: reading.scenario,
        }),
        reading.problems,
        old_schema,
    )
}

/// Reads every saved scenario, migrating old ones in place and skipping what cannot be
/// read. It never removes an entry.
pub fn load(store: &mut dyn Store, available: bool) -> Shelf {
    let mut shelf = Shelf {
        available,
        ..Shelf::default()
    };
    let mut keys: Vec<String> = store
        .keys()
        .into_iter()
        .filter(|key| key.starts_with(PREFIX) && key.len() > PREFIX.len())
        .collect();
    keys.sort();
    for key in keys {
        let Some(text) = store.get(&key) else {
            continue;
        };
        match parse_entry(&key, &text) {
            Parsed::Skip(skipped) => shelf.skipped.push(skipped),
            Parsed::Entry(entry, problems, old_schema) => {
                if old_schema {
                    // Written back in the current layout; if the store refuses, the entry
                    // is migrated again next time, and nothing is lost.
                    let _ = store.set(
                        &key,
                        &entry_json(&entry.name, entry.saved_at, &entry.scenario),
                    );
                    shelf.migrated.push(entry.name.clone());
                }
                for problem in problems {
                    shelf.problems.push((entry.name.clone(), problem));
                }
                shelf.entries.push(*entry);
            }
        }
    }
    shelf.entries.sort_by(|a, b| {
        b.saved_at
            .partial_cmp(&a.saved_at)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| b.id.cmp(&a.id))
    });
    shelf
}

fn base36(mut n: u64) -> String {
    let mut digits = String::new();
    loop {
        digits.insert(0, char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            return digits;
        }
    }
}

/// An id no entry has: the time and the tab, in base 36, with a counter if that is taken.
/// Two tabs that save in the same millisecond each check for a free id before the other
/// has written, so the tab's own number keeps their ids apart.
fn new_id(store: &dyn Store, now: f64, tab: u32) -> String {
    let mut stamp = if now.is_finite() && now > 0.0 {
        now as u64
    } else {
        0
    };
    loop {
        let id = format!("{}-{}", base36(stamp), base36(u64::from(tab)));
        if store.get(&format!("{PREFIX}{id}")).is_none() {
            return id;
        }
        stamp += 1;
    }
}

/// `name`, or the first of "name (2)", "name (3)" … that no entry of `shelf` but the one
/// with the id `except` has (ASCII letter case aside): the Saved list and the comparison's
/// choices name entries by their names, and two alike could be told apart only by the
/// minute they were saved. The suffix fits in [`MAX_NAME_CHARS`], so that the name read
/// back is the name given. `shelf` is the page's last reading of the store, which follows
/// other tabs' changes as they are made.
pub fn distinct_name(name: String, shelf: &[SavedScenario], except: &str) -> String {
    let is_taken = |candidate: &str| name_taken(shelf, candidate, except);
    if !is_taken(&name) {
        return name;
    }
    (2..)
        .map(|n| {
            let suffix = format!(" ({n})");
            let room = MAX_NAME_CHARS - suffix.chars().count();
            let base: String = name.chars().take(room).collect();
            format!("{}{suffix}", base.trim_end())
        })
        .find(|candidate| !is_taken(candidate))
        .unwrap_or(name)
}

/// Whether an entry of `shelf` other than the one with the id `except` is named `name`.
/// ASCII's letter case only: Unicode's case tables would cost the panels' chunk 3.5 KB, and
/// Hebrew has no case.
fn name_taken(shelf: &[SavedScenario], name: &str, except: &str) -> bool {
    shelf
        .iter()
        .any(|entry| entry.id != except && entry.name.eq_ignore_ascii_case(name))
}

/// The name a scenario saved without one is given: `base` and the first number from the
/// count of entries on that no entry of `shelf` is named with ("Scenario 3").
pub fn default_name(base: &str, shelf: &[SavedScenario]) -> String {
    (shelf.len() + 1..)
        .map(|n| format!("{base} {n}"))
        .find(|name| !name_taken(shelf, name, ""))
        .unwrap_or_default()
}

/// Saves a scenario under a name no entry of `shelf` has ([`distinct_name`]), as a new
/// entry. `tab` is a number the page drew at random when it opened (see [`new_id`]).
pub fn save(
    store: &mut dyn Store,
    shelf: &[SavedScenario],
    name: &str,
    scenario: &ValidScenario,
    now: f64,
    tab: u32,
) -> Result<SavedScenario, StoreError> {
    let name = distinct_name(clean_name(name).unwrap_or_else(|| "—".into()), shelf, "");
    let id = new_id(store, now, tab);
    store.set(&format!("{PREFIX}{id}"), &entry_json(&name, now, scenario))?;
    Ok(SavedScenario {
        id,
        name,
        saved_at: now,
        scenario: scenario.clone(),
    })
}

/// The key of `entry` in the store, if the store still holds it as it was read: other
/// tabs share the store, and a change made there must not be written over unseen.
fn unchanged(store: &dyn Store, entry: &SavedScenario) -> Result<String, StoreError> {
    let key = format!("{PREFIX}{}", entry.id);
    match store.get(&key).map(|text| parse_entry(&key, &text)) {
        Some(Parsed::Entry(stored, _, _)) if *stored == *entry => Ok(key),
        _ => Err(StoreError::ChangedElsewhere),
    }
}

/// Gives a saved scenario a new name that no other in `shelf` has ([`distinct_name`]; its
/// figures and time stay), unless another tab changed it since it was read. Returns the
/// name it now has.
pub fn rename(
    store: &mut dyn Store,
    shelf: &[SavedScenario],
    entry: &SavedScenario,
    name: &str,
) -> Result<String, StoreError> {
    let Some(name) = clean_name(name) else {
        return Ok(entry.name.clone());
    };
    let key = unchanged(store, entry)?;
    let name = distinct_name(name, shelf, &entry.id);
    store.set(&key, &entry_json(&name, entry.saved_at, &entry.scenario))?;
    Ok(name)
}

/// Deletes `entry`, unless another tab changed it since it was read.
pub fn delete(store: &mut dyn Store, entry: &SavedScenario) -> Result<(), StoreError> {
    let key = unchanged(store, entry)?;
    store.remove(&key)
}

/// A store in memory: what the tests use, and what the app falls back to when the browser
/// has no storage, so that saving still works for the visit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MemoryStore {
    pub items: Vec<(String, String)>,
    /// Refuse writes, as a full quota does.
    pub full: bool,
}

impl Store for MemoryStore {
    fn keys(&self) -> Vec<String> {
        self.items.iter().map(|(key, _)| key.clone()).collect()
    }

    fn get(&self, key: &str) -> Option<String> {
        self.items
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, value)| value.clone())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.full {
            return Err(StoreError::Full);
        }
        match self.items.iter_mut().find(|(k, _)| k == key) {
            Some((_, old)) => *old = value.into(),
            None => self.items.push((key.into(), value.into())),
        }
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.items.retain(|(k, _)| k != key);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Saves as the page does: told apart from what the store holds now.
    fn save_in(
        store: &mut MemoryStore,
        name: &str,
        scenario: &ValidScenario,
        now: f64,
        tab: u32,
    ) -> Result<SavedScenario, StoreError> {
        let shelf = load(store, true).entries;
        save(store, &shelf, name, scenario, now, tab)
    }

    fn rename_in(
        store: &mut MemoryStore,
        entry: &SavedScenario,
        name: &str,
    ) -> Result<String, StoreError> {
        let shelf = load(store, true).entries;
        rename(store, &shelf, entry, name)
    }
    use cvc_model::fields::{FieldName, Problem};
    use cvc_model::{Field, Scenario};

    fn scenario(lifetime_profit: f64) -> ValidScenario {
        Scenario {
            lifetime_profit,
            ..Scenario::default()
        }
        .validate()
        .expect("valid")
    }

    #[test]
    fn a_saved_scenario_loads_back_the_same() {
        let mut store = MemoryStore::default();
        let saved = save_in(
            &mut store,
            "  Clinic\u{7}, 2027 ",
            &scenario(45_000.0),
            1e12,
            0,
        )
        .unwrap();
        assert_eq!(saved.name, "Clinic, 2027");
        let shelf = load(&mut store, true);
        assert_eq!(shelf.entries, vec![saved]);
        assert!(!shelf.has_news());
    }

    #[test]
    fn entries_are_newest_first_and_ids_never_collide() {
        let mut store = MemoryStore::default();
        let first = save_in(&mut store, "first", &scenario(1_000.0), 5e11, 0).unwrap();
        let second = save_in(&mut store, "second", &scenario(2_000.0), 5e11, 0).unwrap();
        let third = save_in(&mut store, "third", &scenario(3_000.0), 6e11, 0).unwrap();
        assert_ne!(first.id, second.id);
        let names: Vec<_> = load(&mut store, true)
            .entries
            .into_iter()
            .map(|entry| entry.name)
            .collect();
        assert_eq!(names, ["third", "second", "first"]);
        let _ = third;
    }

    #[test]
    fn rename_keeps_the_figures_and_delete_removes_only_that_entry() {
        let mut store = MemoryStore::default();
        let a = save_in(&mut store, "a", &scenario(1_000.0), 1.0, 0).unwrap();
        let b = save_in(&mut store, "b", &scenario(2_000.0), 2.0, 0).unwrap();
        rename_in(&mut store, &a, "renamed").unwrap();
        delete(&mut store, &b).unwrap();
        let shelf = load(&mut store, true);
        assert_eq!(shelf.entries.len(), 1);
        assert_eq!(shelf.entries[0].name, "renamed");
        assert_eq!(shelf.entries[0].scenario, a.scenario);
        assert_eq!(shelf.entries[0].saved_at, 1.0);
    }

    #[test]
    fn no_two_saved_scenarios_have_the_same_name() {
        let mut store = MemoryStore::default();
        let names: Vec<String> = ["Client A", "Client A", "client a", "Client A (2)"]
            .iter()
            .enumerate()
            .map(|(i, name)| {
                save_in(&mut store, name, &scenario(1_000.0), i as f64 + 1.0, 0)
                    .unwrap()
                    .name
            })
            .collect();
        assert_eq!(
            names,
            [
                "Client A",
                "Client A (2)",
                "client a (3)",
                "Client A (2) (2)"
            ]
        );
        // A rename to a name another entry has is told apart too; to its own name, kept.
        let b = save_in(&mut store, "B", &scenario(2_000.0), 9.0, 0).unwrap();
        assert_eq!(
            rename_in(&mut store, &b, " Client A ").unwrap(),
            "Client A (4)"
        );
        let shelf = load(&mut store, true);
        let first = shelf
            .entries
            .iter()
            .find(|entry| entry.name == "Client A")
            .unwrap();
        assert_eq!(
            rename_in(&mut store, first, "client A").unwrap(),
            "client A"
        );
        let mut read: Vec<String> = load(&mut store, true)
            .entries
            .into_iter()
            .map(|entry| entry.name.to_lowercase())
            .collect();
        read.sort();
        read.dedup();
        assert_eq!(read.len(), 5, "{read:?}");
    }

    #[test]
    fn a_scenario_saved_without_a_name_takes_the_next_number_no_entry_has() {
        let mut store = MemoryStore::default();
        assert_eq!(
            default_name("Scenario", &load(&mut store, true).entries),
            "Scenario 1"
        );
        for (i, name) in ["Scenario 1", "scenario 3"].iter().enumerate() {
            save_in(&mut store, name, &scenario(1_000.0), i as f64 + 1.0, 0).unwrap();
        }
        // Two entries: 3 is next, but "scenario 3" has it (ASCII case aside).
        assert_eq!(
            default_name("Scenario", &load(&mut store, true).entries),
            "Scenario 4"
        );
    }

    #[test]
    fn a_name_made_distinct_still_fits_and_reads_back_the_same() {
        let long = "x".repeat(MAX_NAME_CHARS);
        let mut store = MemoryStore::default();
        save_in(&mut store, &long, &scenario(1_000.0), 1.0, 0).unwrap();
        let second = save_in(&mut store, &long, &scenario(1_000.0), 2.0, 0).unwrap();
        assert_eq!(second.name.chars().count(), MAX_NAME_CHARS);
        assert!(second.name.ends_with("x (2)"), "{}", second.name);
        let names: Vec<String> = load(&mut store, true)
            .entries
            .into_iter()
            .map(|entry| entry.name)
            .collect();
        assert!(
            names.contains(&second.name) && names.contains(&long),
            "{names:?}"
        );
    }

    #[test]
    fn two_tabs_saving_in_the_same_millisecond_keep_both() {
        // Each tab looks for a free id in the store as it was before either wrote.
        let before = MemoryStore::default();
        let (mut one, mut other) = (before.clone(), before);
        let a = save_in(&mut one, "one", &scenario(1_000.0), 7e11, 17).unwrap();
        let b = save_in(&mut other, "other", &scenario(2_000.0), 7e11, 42).unwrap();
        assert_ne!(a.id, b.id);
        let mut shared = one;
        shared.items.extend(other.items);
        assert_eq!(load(&mut shared, true).entries.len(), 2);
    }

    #[test]
    fn a_change_made_in_another_tab_is_never_written_over() {
        // Two tabs share one store; each acts on the entry as it last read it.
        let mut store = MemoryStore::default();
        save_in(&mut store, "plan", &scenario(1_000.0), 1.0, 0).unwrap();
        let seen = load(&mut store, true).entries.remove(0);
        // The other tab renames it: this tab's rename and delete are refused.
        rename_in(&mut store, &seen, "theirs").unwrap();
        assert_eq!(
            rename_in(&mut store, &seen, "mine"),
            Err(StoreError::ChangedElsewhere)
        );
        assert_eq!(delete(&mut store, &seen), Err(StoreError::ChangedElsewhere));
        assert_eq!(load(&mut store, true).entries[0].name, "theirs");
        // Read again, the entry can be renamed, then deleted.
        let fresh = load(&mut store, true).entries.remove(0);
        rename_in(&mut store, &fresh, "mine").unwrap();
        let fresh = load(&mut store, true).entries.remove(0);
        delete(&mut store, &fresh).unwrap();
        // Deleted in the other tab: a rename here does not bring it back.
        assert_eq!(
            rename_in(&mut store, &fresh, "back"),
            Err(StoreError::ChangedElsewhere)
        );
        assert!(store.items.is_empty(), "{:?}", store.items);
    }

    #[test]
    fn an_entry_brought_up_to_date_by_another_tab_is_still_the_same_entry() {
        let mut store = MemoryStore::default();
        let entry = save_in(&mut store, "plan", &scenario(1_000.0), 1.0, 0).unwrap();
        let key = format!("{PREFIX}{}", entry.id);
        // The same entry as another release might have laid it out: other spacing.
        let text = store.get(&key).unwrap().replace('\n', "");
        store.set(&key, &text).unwrap();
        let seen = load(&mut store, true).entries.remove(0);
        assert_eq!(seen, entry);
        rename_in(&mut store, &entry, "renamed").unwrap();
        assert_eq!(load(&mut store, true).entries[0].name, "renamed");
    }

    #[test]
    fn a_corrupt_entry_is_skipped_kept_and_costs_nothing_else() {
        let mut store = MemoryStore::default();
        save_in(&mut store, "good", &scenario(30_000.0), 1.0, 0).unwrap();
        for (key, text) in [
            ("cvc.saved.x1", "{not json"),
            ("cvc.saved.x2", "[1, 2]"),
            ("cvc.saved.x3", r#"{"version": 1, "name": "no scenario"}"#),
            (
                "cvc.saved.x4",
                r#"{"version": 1, "name": " ", "scenario": {}}"#,
            ),
            ("cvc.saved.x5", r#"{"name": "no version", "scenario": {}}"#),
            (
                "cvc.saved.x6",
                r#"{"version": 1, "name": "n", "scenario": 7}"#,
            ),
        ] {
            store.set(key, text).unwrap();
        }
        store.set("other.key", "untouched").unwrap();
        let before = store.clone();
        let shelf = load(&mut store, true);
        assert_eq!(shelf.entries.len(), 1);
        assert_eq!(shelf.entries[0].name, "good");
        assert_eq!(shelf.skipped.len(), 6);
        assert!(shelf
            .skipped
            .iter()
            .all(|skipped| matches!(skipped, Skipped::Unreadable { .. })));
        assert_eq!(store, before, "reading removes and rewrites nothing");
    }

    #[test]
    fn an_entry_from_a_newer_release_is_left_alone() {
        let mut store = MemoryStore::default();
        let text = r#"{"version": 7, "name": "future", "layout": "unknown"}"#;
        store.set("cvc.saved.zz", text).unwrap();
        let shelf = load(&mut store, true);
        assert_eq!(
            shelf.skipped,
            vec![Skipped::Newer {
                key: "cvc.saved.zz".into(),
                version: 7
            }]
        );
        assert_eq!(store.get("cvc.saved.zz").as_deref(), Some(text));
    }

    #[test]
    fn an_entry_of_the_old_scenario_schema_is_migrated_and_written_back() {
        // Scenario files of schema 1 had no uncertainty settings or draws.
        let mut store = MemoryStore::default();
        store
            .set(
                "cvc.saved.old",
                r#"{"version": 1, "name": "2025 plan", "saved_at": 1700000000000,
                    "scenario": {"schema_version": 1, "currency": "USD", "lifetime_profit": 12000}}"#,
            )
            .unwrap();
        let shelf = load(&mut store, true);
        assert_eq!(shelf.migrated, vec!["2025 plan".to_string()]);
        let entry = &shelf.entries[0];
        assert_eq!(entry.scenario.lifetime_profit, 12_000.0);
        assert_eq!(entry.scenario.currency, "USD");
        assert_eq!(entry.scenario.uncertainty, Scenario::default().uncertainty);
        // Written back in the current form: the next load has nothing to migrate.
        let again = load(&mut store, true);
        assert!(again.migrated.is_empty(), "{:?}", again.migrated);
        assert_eq!(again.entries, shelf.entries);
    }

    #[test]
    fn a_bad_field_takes_its_default_and_is_named() {
        let mut store = MemoryStore::default();
        store
            .set(
                "cvc.saved.bad",
                r#"{"version": 1, "name": "typo", "saved_at": 5,
                    "scenario": {"schema_version": 2, "unhappy_share_now": 1.5, "lifetime_profit": 9000}}"#,
            )
            .unwrap();
        let shelf = load(&mut store, true);
        assert_eq!(shelf.entries[0].scenario.lifetime_profit, 9_000.0);
        assert_eq!(
            shelf.entries[0].scenario.unhappy_share_now,
            Scenario::default().unhappy_share_now
        );
        assert_eq!(
            shelf.problems,
            vec![(
                "typo".to_string(),
                FieldError {
                    field: FieldName::Numeric(Field::UnhappyShareNow),
                    problem: Problem::OutOfRange(1.5)
                }
            )]
        );
    }

    #[test]
    fn a_full_store_refuses_with_a_reason_and_keeps_what_it_had() {
        let mut store = MemoryStore::default();
        let kept = save_in(&mut store, "kept", &scenario(1_000.0), 1.0, 0).unwrap();
        store.full = true;
        assert_eq!(
            save_in(&mut store, "new", &scenario(2_000.0), 2.0, 0),
            Err(StoreError::Full)
        );
        assert_eq!(rename_in(&mut store, &kept, "x"), Err(StoreError::Full));
        assert_eq!(load(&mut store, true).entries, vec![kept]);
    }
}
