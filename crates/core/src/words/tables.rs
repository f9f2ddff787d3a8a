//! The shape of a language's words: what every language file fills in, table for table.
//! A word missing in one language is a compile error there.

use cvc_model::fields::Unit;
use cvc_model::Why;
use serde::Serialize;

/// Which way a language runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

/// What the calculator needs to know of a language besides its words.
pub struct About {
    /// BCP 47 tag, for `lang`, for `Intl` and for links (`lang=he`).
    pub tag: &'static str,
    pub direction: Direction,
    /// The language's own name, for the switch.
    pub endonym: &'static str,
    /// The primary subtags of a browser's language that ask for this one.
    pub browser_tags: &'static [&'static str],
}

/// A counted word: how it is written for one, for two, and for any other count (`{n}`,
/// the count as the reader writes numbers). Hebrew has a form of its own for two
/// (שנתיים); English writes the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Plural {
    pub one: &'static str,
    pub two: &'static str,
    pub many: &'static str,
}

impl Plural {
    /// `n` counted, with `written` the count as the reader writes it (`2,000`).
    pub fn count(&self, n: f64, written: &str) -> String {
        if n == 1.0 {
            self.one.to_string()
        } else if n == 2.0 {
            self.two.to_string()
        } else {
            self.many.replace("{n}", written)
        }
    }
}

/// Words for one input field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FieldText {
    pub label: &'static str,
    pub hint: &'static str,
    /// The "why this number?" note: where the default comes from.
    pub why: &'static str,
}

#[derive(Serialize)]
pub struct Texts {
    pub title: &'static str,
    pub language_label: &'static str,
    pub inputs_heading: &'static str,
    pub advanced_summary: &'static str,
    pub why_label: &'static str,
    /// The unit beside a field of customers, for the value 1 and for any other.
    pub unit_customer: &'static str,
    pub unit_customers: &'static str,
    /// A number of customers in a sentence or a table cell: "1 customer", "40 customers".
    pub customers: Plural,
    /// The unit beside a field of years, for the value 1 and for any other.
    pub unit_year: &'static str,
    pub unit_years: &'static str,
    /// A number of years: "5 years" (over 5 years).
    pub years: Plural,
    /// The same, definite: "the 5 years" (within the 5 years).
    pub the_years: Plural,
    pub currency_label: &'static str,
    /// The currencies the list offers, each by its code and the name owners know it by
    /// ("₪ Israeli shekel"), in the list's order.
    pub currencies: &'static [(&'static str, &'static str)],
    pub currency_other: &'static str,
    pub currency_hint: &'static str,
    pub count_after_horizon_label: &'static str,
    pub count_after_horizon_hint: &'static str,
    /// Over the last valid result, whether one entry is invalid or more.
    pub stale: &'static str,
    /// What leaves the browser on the calculator's own page (an embed says what is true
    /// where it runs: [`EmbedTexts`], `crate::privacy`).
    pub privacy: &'static str,
    /// The same on the page opened to join a workshop room.
    pub privacy_room: &'static str,
    /// Two ends of a range in words, each isolated: "12% to 14%". Slots: {low}, {high}.
    pub range_words: &'static str,

    pub error_required: &'static str,
    pub error_not_number: &'static str,
    /// Slots: {min}, {max}.
    pub error_range: &'static str,
    pub error_above: &'static str,
    pub error_whole: &'static str,
    pub error_currency: &'static str,
    /// Beside a share typed under 1% (`numbers::share_meant_as_fraction`), which is taken
    /// as typed. Slots: {meant}, the share a fraction would have meant; {digits}, what to
    /// type for it.
    pub note_share_fraction: &'static str,

    pub results_heading: &'static str,
    pub summary_cost: &'static str,
    pub summary_gain: &'static str,
    pub summary_stale: &'static str,
    pub cost_title: &'static str,
    pub per_year: &'static str,
    /// Slots: {revenue}, {margin}.
    pub revenue_line: &'static str,
    /// Under the yearly cost: what the figure counts (model.md: a·(E(p1) − E(p0)), each
    /// year's new customers over their whole relationship), so that it is not read as the
    /// cash of one year.
    pub cost_basis: &'static str,
    /// In place of the yearly cost where word of mouth grows without limit today already.
    pub unbounded_cost: &'static str,
    /// In place of the yearly cost where it grows without limit only at the target.
    pub unbounded_cost_at_target: &'static str,
    /// After either: said only where the projection has figures to show.
    pub projection_still_applies: &'static str,
    /// In place of the yearly cost where the target is no better than today.
    pub cost_no_cut: &'static str,
    /// The summary bar's words where the yearly cost has no figure.
    pub summary_no_cost: &'static str,
    /// In place of a figure that has no limit.
    pub unbounded_short: &'static str,
    pub beyond_range: &'static str,
    /// Slot: {yearly_budget}, the budget as paid each year.
    pub return_title: &'static str,
    pub roi_label: &'static str,
    /// Slots: {month}, {year}.
    pub payback_month: &'static str,
    pub payback_never: &'static str,
    pub no_budget: &'static str,
    pub no_margin: &'static str,
    pub no_break_even: &'static str,
    /// When the target share of badly served customers is no lower than today's, so service
    /// buys nothing back. Slots: {unhappy_cost}, {p0}, {p1}, {loss}.
    pub sentence_no_cut: &'static str,
    pub unhappy_title: &'static str,
    /// Slots: {happy}, {unhappy}.
    pub happy_against_unhappy: &'static str,
    /// Slots: {unhappy_cost}, {p0}, {p1}, {lost}, {years}, {budget} (the budget's present
    /// value over the horizon), {cash} (the budget as paid: a year's budget times the
    /// years), {gain}.
    pub sentence_gain: &'static str,
    /// Slots: {unhappy_cost}, {p0}, {p1}, {lost}, {years}, {budget}, {cash}, {loss},
    /// {break_even}.
    pub sentence_loss: &'static str,
    /// Slots: {years}, {gain}.
    pub sentence_unbounded: &'static str,
    /// The same when the gain counts what comes after the horizon. Slots: {the_years}, {gain}.
    pub sentence_unbounded_total: &'static str,
    pub sentence_beyond_range: &'static str,

    pub invest: &'static str,
    pub year: &'static str,
    pub p10: &'static str,
    pub p50: &'static str,
    pub p90: &'static str,
    pub updating: &'static str,

    pub lifetime_helper_open: &'static str,
    pub metrics_helper_open: &'static str,
    pub problem_size: &'static str,
    pub apply: &'static str,
    pub close: &'static str,

    pub error_grouping: &'static str,
    /// Slot: {sign}.
    pub error_sign: &'static str,
    pub error_low_above_high: &'static str,
    /// Slot: {value}.
    pub error_range_excludes: &'static str,
    pub error_draws: &'static str,
    /// Slot: {years}.
    pub net_gain_label: &'static str,
    /// Slot: {years}.
    pub summary_gain_horizon_only: &'static str,
    /// Slot: {years}.
    pub net_gain_total_label: &'static str,
    /// Slot: {years}.
    pub net_gain_within_label: &'static str,
    pub payback_cash_label: &'static str,
    /// Slots: {unhappy_cost}, {p0}, {p1}, {lost}, {years}, {budget}, {cash}, {gain}.
    pub sentence_gain_horizon_only: &'static str,
    /// Slots: {unhappy_cost}, {p0}, {p1}, {lost}, {years}, {budget}, {cash}, {loss},
    /// {break_even}.
    pub sentence_loss_horizon_only: &'static str,
    /// Slots: {within}, {after}, {years}.
    pub sentence_split: &'static str,
    pub questions_heading: &'static str,
    pub question_budget: &'static str,
    pub question_share: &'static str,
    pub question_chance: &'static str,
    /// Slots: {chance}, {tenths}.
    pub answer_chance: &'static str,
    /// A chance of draws that would show as 100% or 0% (`numbers::chance_shown`).
    pub chance_more_than: &'static str,
    pub chance_less_than: &'static str,
    pub no_break_even_share: &'static str,
    pub uncertainty_summary: &'static str,
    pub uncertainty_hint: &'static str,
    pub column_low: &'static str,
    pub column_high: &'static str,
    pub varies_label: &'static str,
    pub draws_label: &'static str,
    pub draws_hint: &'static str,
    pub reset_ranges: &'static str,

    pub copied: &'static str,
    pub embed_button: &'static str,
    pub open_full: &'static str,
    pub notice_link: &'static str,
    pub notice_file: &'static str,
    pub notice_attributes: &'static str,
    pub notice_saved: &'static str,
    /// A scenario given to the custom element by the host page's script.
    pub notice_property: &'static str,
    pub range_suffix: &'static str,
    pub reason_repeated: &'static str,
    pub reason_out_of_range: &'static str,
    /// How a link or a file writes a share, after its allowed range (`notice::allowed_range`).
    pub reason_share_hint: &'static str,
    pub reason_not_number: &'static str,
    pub reason_currency: &'static str,
    pub reason_missing: &'static str,
    pub reason_wrong_type: &'static str,
    pub reason_range: &'static str,
    pub reason_newer: &'static str,
    pub reason_unknown: &'static str,
    /// Unknown settings not named back (not shaped like a setting's name), when none is
    /// named: "2 unrecognised settings".
    pub unknown_settings: Plural,
    /// The same, after the few that are named: "and 2 more settings not recognised".
    pub unknown_others: Plural,
    pub reason_unreadable: &'static str,
    pub saved_button: &'static str,
    /// While a panel, the presenter view or the charts are being fetched.
    pub part_loading: &'static str,
    /// When they could not be fetched.
    pub part_failed: &'static str,
    pub try_again: &'static str,
    /// When the page is of an older release than the one now served.
    pub part_outdated: &'static str,
    pub load_new_release: &'static str,
    /// In a printout made before the charts had arrived.
    pub charts_not_printed: &'static str,
    /// Slot: {date}.
    pub saved_at: &'static str,
}

/// The words only the calculator's own page shows around the answers (its header, tools
/// bar and printed report: `cvc_page::chrome`) and in its first paint, written at build
/// time (`crate::first_paint`), kept apart from [`Texts`] so that an embed's and an
/// iframe's main modules do not carry them.
#[derive(Serialize)]
pub struct PageTexts {
    pub tagline: &'static str,
    pub example_label: &'static str,
    pub custom_example: &'static str,
    pub tools_label: &'static str,
    pub share_button: &'static str,
    pub files_button: &'static str,
    pub present_button: &'static str,
    /// Slot: {date}.
    pub report_date: &'static str,
    pub report_link: &'static str,
    pub sources_heading: &'static str,
    pub first_paint_starting: &'static str,
    pub first_paint_link: &'static str,
    /// The works the defaults come from, for the printed report.
    pub sources: &'static [&'static str],
}

impl Texts {
    /// Why the model gives no figure (`cvc_model::Why`), in this language.
    pub fn why(&self, why: Why) -> &'static str {
        match why {
            Why::WordOfMouthUnbounded => self.unbounded_short,
            Why::BeyondModelRange => self.beyond_range,
            Why::NoProfitMargin => self.no_margin,
            Why::NoServiceBudget => self.no_budget,
            Why::NoPaybackWithin30Years => self.payback_never,
            Why::NoBreakEvenBudget => self.no_break_even,
            Why::NoBreakEvenShare => self.no_break_even_share,
        }
    }

    /// What a template's horizon slots hold for a horizon of `years`: `{years}` ("5 years",
    /// "שנתיים") and `{the_years}` ("the 5 years", "השנתיים").
    pub fn horizon(&self, years: f64) -> Vec<(&'static str, String)> {
        let written = (years as u32).to_string();
        vec![
            ("years", self.years.count(years, &written)),
            ("the_years", self.the_years.count(years, &written)),
        ]
    }

    /// The word beside an input of `unit` holding `value`: "customer" for 1, "customers"
    /// otherwise; `None` for money and shares, whose signs come from the formatter.
    pub fn unit_word(&self, unit: Unit, value: Option<f64>) -> Option<&'static str> {
        let one = value == Some(1.0);
        match unit {
            Unit::Customers if one => Some(self.unit_customer),
            Unit::Customers => Some(self.unit_customers),
            Unit::Years if one => Some(self.unit_year),
            Unit::Years => Some(self.unit_years),
            Unit::Money | Unit::Share => None,
        }
    }

    /// Two ends of a range in words, each end isolated: "12% to 14%", "‏12% עד 14%".
    pub fn range(&self, low: &str, high: &str) -> String {
        super::fill_plain(self.range_words, &[("low", low), ("high", high)])
    }

    /// When the monthly cash catches up: "in month 70 (year 6)".
    pub fn payback_words(&self, month: f64) -> String {
        // A phrase of its own, isolated whole where it is shown; its two numbers need no
        // isolates inside it.
        let month = month as u32;
        self.payback_month
            .replace("{month}", &month.to_string())
            .replace("{year}", &month.div_ceil(12).to_string())
    }
}

/// The words only an embedded calculator shows (crates/embed: the element, containers and
/// the iframe), kept apart so that the calculator's own page does not carry them.
#[derive(Serialize)]
pub struct EmbedTexts {
    /// What leaves the browser, said where it is true (`crate::privacy`): an iframe that
    /// tells its host nothing ...
    pub privacy_silent: &'static str,
    /// ... an embed that tells its host page what was calculated (the element's events, an
    /// iframe with `events=1`) ...
    pub privacy_host: &'static str,
    /// ... and one that also hands the headline figures to the host's analytics: with the
    /// visitor's consent where the host asks for it (the element's `consent`, an iframe's
    /// `data-consent`, which only `frame.js` on the host page reads, so the frame's line
    /// cannot say which way it went).
    pub privacy_analytics: &'static str,
}

/// The words of the lead capture (`crate::leads`): the form a host may switch on after
/// the answers, what the privacy line adds where it is on, and the Embed panel's options
/// for it. Apart from [`Texts`], so that a calculator without capture carries little of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LeadTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub name: &'static str,
    pub reach: &'static str,
    pub reach_hint: &'static str,
    pub message: &'static str,
    /// The required consent, unless the host sets its own.
    pub consent: &'static str,
    /// The separate, unticked consent to marketing, unless the host sets its own.
    pub marketing: &'static str,
    /// The honeypot's label, read only by a screen reader that reaches it.
    pub trap: &'static str,
    pub send: &'static str,
    pub sending: &'static str,
    pub delivered: &'static str,
    pub not_delivered_unreachable: &'static str,
    /// Slot: {status}.
    pub not_delivered_status: &'static str,
    pub kept: &'static str,
    pub retry: &'static str,
    pub name_missing: &'static str,
    pub name_too_long: &'static str,
    pub reach_missing: &'static str,
    pub reach_invalid: &'static str,
    pub message_too_long: &'static str,
    pub no_consent: &'static str,
    /// The Embed panel's lead options.
    pub builder_title: &'static str,
    pub builder_none: &'static str,
    pub builder_form: &'static str,
    pub builder_form_label: &'static str,
    pub builder_endpoint: &'static str,
    pub builder_endpoint_label: &'static str,
    /// On WordPress, the capture form's leads go to the plugin's own store.
    pub builder_wordpress: &'static str,
    pub builder_endpoint_refused: &'static str,
    pub builder_consent_label: &'static str,
    pub builder_variant_label: &'static str,
    pub builder_policy_note: &'static str,
    /// Under the preview, where the code captures leads: the preview does not.
    pub builder_preview_leads: &'static str,
}

/// The privacy line where lead capture is on (`crate::privacy::PrivacyLine::sentences`),
/// apart from [`LeadTexts`] so that a page or an embed carries only these six sentences
/// of lead capture's words (the form's are the lead chunk's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LeadPrivacyTexts {
    /// Computed in the browser ...
    pub privacy_computed: &'static str,
    /// ... what the host page hears (the figures) ...
    pub privacy_to_page: &'static str,
    /// ... and its analytics ...
    pub privacy_to_analytics: &'static str,
    /// ... the capture form, where nothing else leaves the browser ...
    pub privacy_capture_only: &'static str,
    /// ... the capture form, where the page hears the figures anyway ...
    pub privacy_capture_too: &'static str,
    /// ... and the figures written into the host's own form.
    pub privacy_form: &'static str,
    /// Where the capture form posts to another host than the page's (a hook the site's
    /// owner set up): that host, named. Slot: {host}.
    pub privacy_receiver: &'static str,
}

/// The name of an example business, and its note on assumptions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PresetText {
    pub name: &'static str,
    pub note: &'static str,
}

/// The words only the parts loaded later show (crates/extras: the tool panels, the presenter
/// view, the charts), kept apart from [`Texts`] so that the page's own wasm does not carry
/// them. Through `Deref`, every word of [`Texts`] can be had from here as well.
#[derive(Serialize)]
pub struct ExtraTexts {
    #[serde(skip)]
    pub base: &'static Texts,
    pub today: &'static str,
    /// Slot: {years}.
    pub after_year: &'static str,
    pub payback_marker: &'static str,
    /// Slot: {month}.
    pub payback_after_horizon: &'static str,
    pub chart_waterfall: &'static str,
    pub waterfall_retention: &'static str,
    pub waterfall_referrals: &'static str,
    pub waterfall_turned_away: &'static str,
    pub waterfall_budget: &'static str,
    pub waterfall_net: &'static str,
    pub chart_tornado: &'static str,
    pub tornado_note: &'static str,
    pub tornado_low: &'static str,
    pub tornado_high: &'static str,
    pub chart_monte_carlo: &'static str,
    /// Slot: {draws}.
    pub monte_carlo_note: &'static str,
    /// Slot: {chance}.
    pub chance_of_gain: &'static str,
    pub show_table: &'static str,
    pub column_scenario: &'static str,
    pub column_happy: &'static str,
    pub column_unhappy: &'static str,
    pub column_marketing: &'static str,
    pub column_referral: &'static str,
    pub column_turned_away: &'static str,
    pub column_profit: &'static str,
    pub column_cumulative: &'static str,
    pub column_item: &'static str,
    pub column_amount: &'static str,
    pub column_input: &'static str,
    pub column_range: &'static str,
    pub column_gain_low: &'static str,
    pub column_gain_high: &'static str,
    /// The histogram table's first column: the net gain between two ends.
    pub column_gain_between: &'static str,
    pub column_draws: &'static str,
    pub chart_gain: &'static str,
    pub chart_gain_note: &'static str,
    pub running_gain: &'static str,
    /// Slot: {years}.
    pub after_horizon_gain: &'static str,
    pub year_by_year: &'static str,
    pub share_heading: &'static str,
    pub share_hint: &'static str,
    pub link_label: &'static str,
    pub copy_link: &'static str,
    pub share_native: &'static str,
    pub copy_failed: &'static str,
    pub embed_way_label: &'static str,
    pub embed_way_element: &'static str,
    pub embed_way_iframe: &'static str,
    pub embed_way_wordpress: &'static str,
    pub embed_show_label: &'static str,
    pub embed_show_full: &'static str,
    pub embed_show_headline: &'static str,
    pub embed_accent_label: &'static str,
    pub embed_events_label: &'static str,
    /// What the analytics switch sends, figure by figure.
    pub embed_events_hint: &'static str,
    pub embed_code_label: &'static str,
    pub embed_element_hint: &'static str,
    pub embed_iframe_hint: &'static str,
    pub embed_wordpress_hint: &'static str,
    pub embed_preview: &'static str,
    /// Slots: {origin}, {directives}.
    pub embed_policy_element: &'static str,
    pub copy_code: &'static str,
    pub code_copied: &'static str,
    /// Slots: {origin}, {directives}.
    pub embed_policy_note: &'static str,
    pub frame_title: &'static str,
    pub qr_label: &'static str,
    pub qr_hint: &'static str,
    pub qr_too_long: &'static str,
    pub present_scan: &'static str,
    pub present_leave: &'static str,
    pub saved_hint: &'static str,
    pub save_name_label: &'static str,
    pub save_button: &'static str,
    pub save_default_name: &'static str,
    /// Slot: {name}.
    pub saved_as: &'static str,
    pub saved_empty: &'static str,
    pub saved_list_label: &'static str,
    pub open_button: &'static str,
    pub rename_button: &'static str,
    /// Slot: {name}.
    pub rename_label: &'static str,
    pub rename_save: &'static str,
    pub cancel: &'static str,
    pub delete_button: &'static str,
    /// Slot: {name}.
    pub delete_confirm: &'static str,
    /// Slot: {name}.
    pub opened: &'static str,
    /// Slot: {name}.
    pub renamed: &'static str,
    /// Slot: {name}.
    pub deleted: &'static str,
    pub storage_full: &'static str,
    pub storage_unavailable: &'static str,
    /// A rename or delete refused because another tab changed the entry meanwhile.
    pub saved_changed_elsewhere: &'static str,
    /// Saved scenarios that could not be read, counted.
    pub saved_skipped: Plural,
    /// Saved scenarios that a newer release wrote, counted.
    pub saved_newer: Plural,
    /// A number of the Monte Carlo's draws.
    pub draws: Plural,
    /// Saved scenarios brought up to the current format, counted. Slot: {names}.
    pub saved_migrated: Plural,
    pub compare_heading: &'static str,
    pub compare_first: &'static str,
    pub compare_second: &'static str,
    pub compare_on_screen: &'static str,
    pub compare_need_two: &'static str,
    pub compare_item: &'static str,
    pub compare_differs: &'static str,
    pub compare_same: &'static str,
    /// Slots: {first}, {second}.
    pub compare_caption: &'static str,
    /// The comparison's net-gain row when the two scenarios count it differently (another
    /// horizon, or later years counted in one only); each cell then says how it counts.
    pub compare_gain_label: &'static str,
    /// Slots: {gain}, {years}, {the_years}.
    pub compare_gain_total: &'static str,
    /// Slots: {gain}, {years}, {the_years}.
    pub compare_gain_within: &'static str,
    pub files_heading: &'static str,
    pub export_json: &'static str,
    pub export_json_hint: &'static str,
    pub export_csv: &'static str,
    pub export_csv_hint: &'static str,
    pub downloaded: &'static str,
    pub download_failed: &'static str,
    pub import_label: &'static str,
    pub imported: &'static str,
    pub import_unreadable: &'static str,
    pub import_empty: &'static str,
    pub print_button: &'static str,
    pub print_hint: &'static str,
    pub lifetime_helper_title: &'static str,
    pub lifetime_years_result: &'static str,
    pub lifetime_profit_result: &'static str,
    pub clv_start_result: &'static str,
    pub clv_end_result: &'static str,
    pub metrics_helper_title: &'static str,
    pub metrics_result: &'static str,
    pub problem_large: &'static str,
    pub problem_small: &'static str,
    pub abandoned_note: &'static str,
    pub apply_to_now: &'static str,
    pub apply_to_invest: &'static str,
    /// Participants of a room, counted.
    pub room_participants: Plural,
}

/// The workshop room's words on a participant's phone (crates/extras: the room's bar),
/// kept apart from [`ExtraTexts`]: only the room's chunk carries them, not the code every
/// chunk waits for.
#[derive(Serialize)]
pub struct RoomTexts {
    /// Slot: {name}.
    pub room_title: &'static str,
    pub room_title_code: &'static str,
    pub room_sends: &'static str,
    pub room_add: &'static str,
    pub room_update: &'static str,
    pub room_withdraw: &'static str,
    pub room_status_sent: &'static str,
    pub room_status_changed: &'static str,
    pub room_status_waiting: &'static str,
    pub room_status_sending: &'static str,
    pub room_status_withdrawn: &'static str,
    pub room_status_not_sent: &'static str,
    pub room_status_updated: &'static str,
    pub room_status_cleared: &'static str,
    /// While an entry on screen is invalid: what is sent is what is on screen.
    pub room_fix_first: &'static str,
    pub room_other_currency: &'static str,
    pub room_full: &'static str,
    pub room_closed: &'static str,
    pub room_expired: &'static str,
    pub room_unknown: &'static str,
    pub room_failed: &'static str,
    /// Slots: {below}, {others}. The `_least` and `_most` forms (slot {others}) are for no
    /// other business below, and all of them.
    pub room_standing_unhappy: &'static str,
    pub room_standing_unhappy_least: &'static str,
    pub room_standing_unhappy_most: &'static str,
    pub room_standing_yearly: &'static str,
    pub room_standing_yearly_least: &'static str,
    pub room_standing_yearly_most: &'static str,
    pub room_standing_wait: &'static str,
}

/// The workshop room's words on the presenter's screen (crates/extras: the presenter's
/// room), apart from the phone's, so that each chunk carries only its own.
#[derive(Serialize)]
pub struct PresenterRoomTexts {
    pub room_open: &'static str,
    pub room_name_label: &'static str,
    pub room_code_label: &'static str,
    pub room_join_at: &'static str,
    pub room_scan: &'static str,
    pub room_reveal: &'static str,
    pub room_hide: &'static str,
    pub room_reset: &'static str,
    pub room_reset_confirm: &'static str,
    pub room_close: &'static str,
    pub room_close_confirm: &'static str,
    pub room_export: &'static str,
    pub room_waiting_five: &'static str,
    pub room_answer_total: &'static str,
    /// Where some businesses' figures give no yearly cost. Slots: {count}, {participants},
    /// {total}.
    pub room_answer_total_some: &'static str,
    pub room_answer_unhappy: &'static str,
    pub room_answer_paid_back: &'static str,
    pub room_spread_heading: &'static str,
    /// Under the dot lines, where a business is drawn apart (hollow, past a line's end).
    pub room_dots_apart: &'static str,
    /// The dot lines' labels on the projector, one dot per business.
    pub room_dots_yearly: &'static str,
    pub room_dots_unhappy: &'static str,
    pub room_closed_note: &'static str,
    pub room_server_failed: &'static str,
    /// The presenter's live stream dropped; the page is connecting again.
    pub room_stream_lost: &'static str,
    pub room_currency_note: &'static str,
}

impl std::ops::Deref for ExtraTexts {
    type Target = Texts;

    fn deref(&self) -> &Texts {
        self.base
    }
}

impl ExtraTexts {
    /// The headers of the year-by-year table, on screen and in the CSV.
    pub fn year_columns(&self) -> [&'static str; 8] {
        [
            self.year,
            self.column_happy,
            self.column_unhappy,
            self.column_marketing,
            self.column_referral,
            self.column_turned_away,
            self.column_profit,
            self.column_cumulative,
        ]
    }
}
