//! The parts of the calculator that its first answer does not need, and the chunks of the
//! program that draw them. Each entry of the program (the page, the embed) is cut at one
//! split point per [`Chunk`] (src/lib.rs; `wasm-split-cli`,
//! scripts/post-build/program-wasm.mjs): each chunk is
//! fetched the first time one of its parts is wanted, and its parts are then ordinary
//! components of the one App, which hear of the scenario, the Monte Carlo and the page's
//! callbacks as properties. What a part asks of the page is a [`Request`].
//!
//! The chunks' names are build facts (`cvc_cli::facts`): the build names each chunk's file
//! after them, and the size budget and the service worker's precache list check them.

use cvc_model::Field;

/// A part of the calculator that the first answer does not need, drawn by a chunk of its
/// own when first wanted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The Share panel: the link, its copy button and share sheet, and its QR code.
    Share,
    /// The Embed panel: the snippets for another site.
    Embed,
    /// The Saved scenarios panel, with the comparison.
    Saved,
    /// The Export and print panel.
    Files,
    /// The presenter view.
    Presenter,
    /// The four charts.
    Charts,
    /// The helper that works out the lifetime profit from yearly figures.
    LifetimeHelper,
    /// The helper that works out the unhappy share from service metrics.
    MetricsHelper,
    /// The workshop room on a participant's phone (a link with `room=`).
    Room,
    /// The lead capture form after the answers, where the host switched it on
    /// (`crate::leads`).
    Lead,
}

impl Part {
    pub const ALL: [Part; 10] = [
        Part::Share,
        Part::Embed,
        Part::Saved,
        Part::Files,
        Part::Presenter,
        Part::Charts,
        Part::LifetimeHelper,
        Part::MetricsHelper,
        Part::Room,
        Part::Lead,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Part::Share => "share",
            Part::Embed => "embed",
            Part::Saved => "saved",
            Part::Files => "files",
            Part::Presenter => "presenter",
            Part::Charts => "charts",
            Part::LifetimeHelper => "lifetime-helper",
            Part::MetricsHelper => "metrics-helper",
            Part::Room => "room",
            Part::Lead => "lead",
        }
    }

    pub fn from_name(name: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|part| part.name() == name)
    }

    /// The chunk that draws this part.
    pub fn chunk(self) -> Chunk {
        match self {
            Part::Share | Part::Embed | Part::Saved | Part::Files => Chunk::Panels,
            Part::Presenter => Chunk::Presenter,
            Part::Charts => Chunk::Charts,
            Part::LifetimeHelper | Part::MetricsHelper => Chunk::Helpers,
            Part::Room => Chunk::Room,
            Part::Lead => Chunk::Lead,
        }
    }
}

/// A chunk of the program, cut at its own split point, and the parts it draws. Finer than
/// one module of everything: a wide screen wants the charts at once, not the panels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Chunk {
    /// Share, Embed, Saved scenarios (with the comparison), and Export and print.
    Panels,
    /// The presenter view, with the workshop room's presenter side.
    Presenter,
    /// The four charts and their tables.
    Charts,
    /// The two helpers under the form.
    Helpers,
    /// The workshop room's bar on a participant's phone.
    Room,
    /// The lead capture form.
    Lead,
}

impl Chunk {
    /// Every chunk, in the order the build groups the code several chunks share: each shared
    /// piece goes into one file for the first chunk of this list that waits for it
    /// (scripts/post-build/shared-chunks.mjs). The charts are first, as they come without
    /// being asked (at once on a wide screen, when scrolled to on a phone); the rest is the
    /// order, of all 120, in which the chunks with what they wait for add up to the fewest
    /// bytes (docs/size.md, "Shared chunks"): the helpers under the form, the room, the lead
    /// form, the panels, the presenter view.
    pub const ALL: [Chunk; 6] = [
        Chunk::Charts,
        Chunk::Helpers,
        Chunk::Room,
        Chunk::Lead,
        Chunk::Panels,
        Chunk::Presenter,
    ];

    /// The chunks a calculator may fetch though it never fetches the charts: the lead form
    /// under a calculator that shows only its headline (`show="headline"`). The code the
    /// charts (first in [`Chunk::ALL`]) share with one of these is a file apart from the
    /// rest of the charts' group (scripts/post-build/shared-chunks.mjs), so that such a
    /// calculator does not fetch the charts' code with its lead form.
    pub const WITHOUT_CHARTS: [Chunk; 1] = [Chunk::Lead];

    /// The chunks a calculator on another site may fetch (the embed's entry and the
    /// iframe's, whose loader is `customer_value_calculator::load_part_on_other_sites`): it has no tools bar,
    /// presenter view or workshop room, so their chunks are not cut for those entries, and
    /// the words and data only those chunks read are not in their main modules.
    pub const ON_OTHER_SITES: [Chunk; 3] = [Chunk::Charts, Chunk::Helpers, Chunk::Lead];

    /// The chunk's name: its split point's, and its file's (`split_<name>`).
    pub fn name(self) -> &'static str {
        match self {
            Chunk::Panels => "panels",
            Chunk::Presenter => "presenter",
            Chunk::Charts => "charts",
            Chunk::Helpers => "helpers",
            Chunk::Room => "room",
            Chunk::Lead => "lead",
        }
    }
}

/// What a part asks of the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// Put this scenario on screen (a saved one opened, or a file read): its link's query.
    Show(String),
    /// Leave the presenter view.
    Leave,
    /// Put these figures from a helper into the form, in model units.
    Apply(Vec<(Field, f64)>),
    /// A lead was delivered, for the scenario of this link: the host page hears of it.
    LeadDelivered(String),
}

/// The query of a link to the calculator (from its `?`), which carries the scenario and
/// the language; empty when it has none.
pub fn query_of(link: &str) -> &str {
    link.find('?').map_or("", |at| &link[at..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_is_read_back_from_its_name() {
        for part in Part::ALL {
            assert_eq!(Part::from_name(part.name()), Some(part));
        }
        assert_eq!(Part::from_name("chart"), None);
    }

    #[test]
    fn the_charts_group_first_and_the_lead_form_comes_without_them() {
        // shared-chunks.mjs cuts the group of the first chunk for WITHOUT_CHARTS: that
        // group must be the charts'.
        assert_eq!(Chunk::ALL[0], Chunk::Charts);
        assert!(!Chunk::WITHOUT_CHARTS.contains(&Chunk::Charts));
        assert!(Chunk::WITHOUT_CHARTS.contains(&Chunk::Lead));
    }

    #[test]
    fn every_chunk_draws_a_part_and_names_are_distinct() {
        for chunk in Chunk::ALL {
            assert!(
                Part::ALL.iter().any(|part| part.chunk() == chunk),
                "{chunk:?}"
            );
        }
        let mut names: Vec<_> = Chunk::ALL.iter().map(|chunk| chunk.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Chunk::ALL.len());
        // A split point's name is a Rust identifier.
        assert!(names
            .iter()
            .all(|name| name.chars().all(|c| c.is_ascii_lowercase())));
    }

    #[test]
    fn the_query_starts_at_the_question_mark() {
        assert_eq!(
            query_of("https://x.test/?lifetime_profit=1"),
            "?lifetime_profit=1"
        );
        assert_eq!(query_of("https://x.test/"), "");
    }
}
