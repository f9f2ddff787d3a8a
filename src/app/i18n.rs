//! Every string the user sees, in English and Hebrew. To add a language: add a
//! [`Language`] variant, a `Texts` table, and its field and preset texts below; the
//! compiler then points at every match that needs it.
//!
//! Sentences with figures are templates with `{name}` slots. [`fill`] splits them into
//! text and figures, so the UI can isolate each figure (`<bdi>`) inside Hebrew text.

use super::presets::Preset;
use crate::model::helpers::HelperInput;
use crate::model::Field;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    English,
    Hebrew,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Hebrew, Language::English];

    /// BCP 47 tag, for `lang` and for `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Hebrew => "he",
        }
    }

    pub fn dir(self) -> &'static str {
        match self {
            Language::English => "ltr",
            Language::Hebrew => "rtl",
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Language::Hebrew
    }

    /// The language's own name, for the switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Hebrew => "עברית",
        }
    }

    /// Hebrew for a browser that prefers Hebrew (`he`, or the old code `iw`), English
    /// otherwise.
    pub fn from_browser(tag: &str) -> Language {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if primary == "he" || primary == "iw" {
            Language::Hebrew
        } else {
            Language::English
        }
    }

    pub fn from_tag(tag: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|language| language.tag() == tag)
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Language::English => &EN,
            Language::Hebrew => &HE,
        }
    }

    /// The words of the extras module (and, through them, all of [`Texts`]).
    pub fn extra_texts(self) -> &'static ExtraTexts {
        match self {
            Language::English => &EXTRA_EN,
            Language::Hebrew => &EXTRA_HE,
        }
    }
}

/// A piece of a filled template: words, or a figure to isolate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Figure(String),
}

/// Splits a template at its `{name}` slots and puts the named figures in. A slot without
/// a figure is kept as written, so a missing argument shows up in tests.
pub fn fill(template: &str, figures: &[(&str, &str)]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|offset| open + offset) else {
            break;
        };
        if open > 0 {
            pieces.push(Piece::Text(rest[..open].to_string()));
        }
        let name = &rest[open + 1..close];
        match figures.iter().find(|(slot, _)| *slot == name) {
            Some((_, figure)) => pieces.push(Piece::Figure((*figure).to_string())),
            None => pieces.push(Piece::Text(rest[open..=close].to_string())),
        }
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_string()));
    }
    pieces
}

/// The same, flattened to one string (for `aria-label` and `title`).
pub fn fill_plain(template: &str, figures: &[(&str, &str)]) -> String {
    fill(template, figures)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) | Piece::Figure(text) => text,
        })
        .collect()
}

/// Words for one input field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldText {
    pub label: &'static str,
    pub hint: &'static str,
    /// The "why this number?" note: where the default comes from.
    pub why: &'static str,
}

pub struct Texts {
    pub language: Language,
    pub title: &'static str,
    pub tagline: &'static str,
    pub language_label: &'static str,
    pub example_label: &'static str,
    pub custom_example: &'static str,
    pub inputs_heading: &'static str,
    pub advanced_summary: &'static str,
    pub why_label: &'static str,
    pub unit_customers: &'static str,
    pub unit_years: &'static str,
    pub currency_label: &'static str,
    pub currency_other: &'static str,
    pub currency_hint: &'static str,
    pub count_after_horizon_label: &'static str,
    pub count_after_horizon_hint: &'static str,
    pub stale: &'static str,
    pub privacy: &'static str,

    pub error_required: &'static str,
    pub error_not_number: &'static str,
    /// Slots: {min}, {max}.
    pub error_range: &'static str,
    pub error_above: &'static str,
    pub error_whole: &'static str,
    pub error_currency: &'static str,

    pub results_heading: &'static str,
    pub summary_cost: &'static str,
    pub summary_gain: &'static str,
    pub summary_stale: &'static str,
    pub cost_title: &'static str,
    pub per_year: &'static str,
    /// Slots: {revenue}, {margin}.
    pub revenue_line: &'static str,
    pub unbounded_cost: &'static str,
    /// In place of a figure that has no limit.
    pub unbounded_short: &'static str,
    pub beyond_range: &'static str,
    /// Slot: {budget}.
    pub return_title: &'static str,
    pub roi_label: &'static str,
    pub payback_label: &'static str,
    /// Slots: {month}, {year}.
    pub payback_month: &'static str,
    pub payback_never: &'static str,
    pub no_budget: &'static str,
    pub no_margin: &'static str,
    pub no_break_even: &'static str,
    pub unhappy_title: &'static str,
    /// Slots: {happy}, {unhappy}.
    pub happy_against_unhappy: &'static str,
    /// Slots: {unhappy_cost}, {p0}, {p1}, {lost}, {years}, {budget}, {gain}.
    pub sentence_gain: &'static str,
    /// Slots: {unhappy_cost}, {p0}, {p1}, {lost}, {years}, {budget}, {loss}, {break_even}.
    pub sentence_loss: &'static str,
    /// Slots: {years}, {gain}.
    pub sentence_unbounded: &'static str,
    pub sentence_beyond_range: &'static str,

    pub chart_cumulative: &'static str,
    pub chart_cumulative_note: &'static str,
    pub invest: &'static str,
    pub year: &'static str,
    pub p10: &'static str,
    pub p50: &'static str,
    pub p90: &'static str,
    pub draws_count: &'static str,
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
    /// Slots: {unhappy_cost}, {p0}, {p1}, {lost}, {years}, {budget}, {gain}.
    pub sentence_gain_horizon_only: &'static str,
    /// Slots: {unhappy_cost}, {p0}, {p1}, {lost}, {years}, {budget}, {loss}, {break_even}.
    pub sentence_loss_horizon_only: &'static str,
    /// Slots: {within}, {after}, {years}.
    pub sentence_split: &'static str,
    pub questions_heading: &'static str,
    pub question_budget: &'static str,
    pub question_share: &'static str,
    pub question_chance: &'static str,
    /// Slots: {chance}, {tenths}.
    pub answer_chance: &'static str,
    pub no_break_even_share: &'static str,
    pub uncertainty_summary: &'static str,
    pub uncertainty_hint: &'static str,
    pub column_low: &'static str,
    pub column_high: &'static str,
    pub varies_label: &'static str,
    pub draws_label: &'static str,
    pub draws_hint: &'static str,
    pub reset_ranges: &'static str,

    pub tools_label: &'static str,
    pub share_button: &'static str,
    pub copied: &'static str,
    pub embed_button: &'static str,
    pub open_full: &'static str,
    pub notice_link: &'static str,
    pub notice_file: &'static str,
    pub notice_attributes: &'static str,
    pub notice_saved: &'static str,
    pub range_suffix: &'static str,
    pub reason_repeated: &'static str,
    pub reason_out_of_range: &'static str,
    pub reason_not_number: &'static str,
    pub reason_currency: &'static str,
    pub reason_missing: &'static str,
    pub reason_wrong_type: &'static str,
    pub reason_range: &'static str,
    pub reason_newer: &'static str,
    pub reason_unknown: &'static str,
    pub reason_unreadable: &'static str,
    pub saved_button: &'static str,
    pub files_button: &'static str,
    pub present_button: &'static str,
    /// While a panel, the presenter view or the charts are being fetched.
    pub part_loading: &'static str,
    /// When they could not be fetched.
    pub part_failed: &'static str,
    pub try_again: &'static str,
    /// In a printout made before the charts had arrived.
    pub charts_not_printed: &'static str,
    /// Slot: {date}.
    pub saved_at: &'static str,
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
    /// When the monthly cash catches up: "in month 70 (year 6)".
    pub fn payback_words(&self, month: f64) -> String {
        let month = month as u32;
        fill_plain(
            self.payback_month,
            &[
                ("month", &month.to_string()),
                ("year", &month.div_ceil(12).to_string()),
            ],
        )
    }
}

pub fn field_text(language: Language, field: Field) -> FieldText {
    let english = language == Language::English;
    let (label, hint, why) = match (field, english) {
        (Field::AcquisitionCost, true) => (
            "Cost to win a new customer",
            "Marketing and sales, per customer won",
            "Small and medium businesses pay thousands of shekels for each new customer, and sometimes lose money on the first deal (A. Zoglobek, “Customer service and retention”, 2008).",
        ),
        (Field::AcquisitionCost, false) => (
            "עלות השגת לקוח חדש",
            "שיווק ומכירות, לכל לקוח שמגיע",
            "עסק קטן או בינוני משלם אלפי שקלים על כל לקוח חדש, ולפעמים אף מפסיד בעסקה הראשונה (א. זוגלובק, „שירות ושימור לקוחות”, 2008).",
        ),
        (Field::LifetimeProfit, true) => (
            "Profit from a well-served customer",
            "Over the whole relationship, before the cost to win them",
            "After the first deal, a well-served customer earns a small business tens to hundreds of thousands of shekels over the relationship (A. Zoglobek, 2008).",
        ),
        (Field::LifetimeProfit, false) => (
            "רווח מלקוח שמקבל שירות טוב",
            "לאורך כל הקשר, לפני עלות ההשגה",
            "אחרי העסקה הראשונה, לקוח שמקבל שירות טוב מכניס לעסק קטן עשרות עד מאות אלפי שקלים נטו לאורך הקשר (א. זוגלובק, 2008).",
        ),
        (Field::CustomerLifetimeYears, true) => (
            "Years a well-served customer stays",
            "On average",
            "Five years is a middle value for a small service business. Use your own records if you have them; the lifetime-profit helper works it out from yearly retention.",
        ),
        (Field::CustomerLifetimeYears, false) => (
            "שנים שלקוח מרוצה נשאר",
            "בממוצע",
            "חמש שנים הן ערך ביניים לעסק שירות קטן. אם יש לכם נתונים משלכם, השתמשו בהם; מחשבון הרווח לאורך חיי הלקוח מחשב את זה לפי שיעור הלקוחות שנשארים.",
        ),
        (Field::NewCustomersPerYear, true) => (
            "New customers a year from marketing",
            "Not counting referrals",
            "Your own figure: customers won by marketing and sales each year. Customers who come by referral are counted by the model itself.",
        ),
        (Field::NewCustomersPerYear, false) => (
            "לקוחות חדשים בשנה משיווק",
            "לא כולל המלצות",
            "נתון שלכם: לקוחות שמגיעים בכל שנה בזכות שיווק ומכירות. לקוחות שמגיעים מהמלצה המודל מחשב בעצמו.",
        ),
        (Field::CurrentCustomers, true) => (
            "Customers you have today",
            "Active customers",
            "Your own figure. Both scenarios start from today's mix of happy and unhappy customers, so better service is credited only for customers won from now on.",
        ),
        (Field::CurrentCustomers, false) => (
            "לקוחות שיש לכם היום",
            "לקוחות פעילים",
            "נתון שלכם. שני התרחישים מתחילים מהתמהיל של היום בין לקוחות מרוצים ולא מרוצים, כך ששירות טוב יותר נזקף רק ללקוחות שיגיעו מעכשיו.",
        ),
        (Field::ReferralsPerHappy, true) => (
            "New customers a happy customer brings",
            "Over the whole relationship",
            "“A satisfied customer tells one or two friends” (A. Hadar, “Service experience”). About 12–14% of referrals become customers (Kumar, Petersen and Leone, Harvard Business Review, 2007).",
        ),
        (Field::ReferralsPerHappy, false) => (
            "לקוחות חדשים שלקוח מרוצה מביא",
            "לאורך כל הקשר",
            "„לקוח מרוצה מספר לחבר או שניים” (א. הדר, „חוויית שירות”). כ־12–14% מההמלצות הופכות ללקוחות (קומאר, פיטרסן ולאונה, הארוורד ביזנס ריוויו, 2007).",
        ),
        (Field::LostPerUnhappy, true) => (
            "Potential customers an unhappy customer turns away",
            "Who would otherwise have come",
            "“A disappointed customer tells everyone he knows” (A. Hadar). Research by TARP and Goodman found bad experiences retold to 9–10 people, twice as often as good ones; a detractor costs about 1.3 customers (Satmetrix, 2009).",
        ),
        (Field::LostPerUnhappy, false) => (
            "לקוחות פוטנציאליים שלקוח לא מרוצה מרחיק",
            "שהיו מגיעים אחרת",
            "„לקוח מאוכזב מספר לכל מי שהוא מכיר” (א. הדר). מחקרי טארפ וגודמן מצאו שחוויה רעה מסופרת ל־9–10 אנשים, פי שניים מחוויה טובה; לקוח ממליץ־נגד עולה כ־1.3 לקוחות (סאטמטריקס, 2009).",
        ),
        (Field::UnhappyProfitShare, true) => (
            "Share of the profit an unhappy customer still brings",
            "Before they leave",
            "TARP's repurchase rates: 37% of customers with a small problem who did not complain buy again, 9% with a large problem, against 95% when a complaint was resolved quickly. 25% lies between these.",
        ),
        (Field::UnhappyProfitShare, false) => (
            "חלק הרווח שלקוח לא מרוצה עדיין מביא",
            "לפני שהוא עוזב",
            "שיעורי הרכישה החוזרת של טארפ: 37% מהלקוחות עם בעיה קטנה שלא התלוננו קונים שוב, 9% עם בעיה גדולה, לעומת 95% כשהתלונה טופלה מהר. 25% הוא ערך ביניים.",
        ),
        (Field::UnhappyShareNow, true) => (
            "Customers served badly today",
            "Share of all customers",
            "In one audit only about 8% of 100 businesses met a reasonable service standard (A. Zoglobek, 2008). Surveys put the share of customers who meet a problem at 30–50%.",
        ),
        (Field::UnhappyShareNow, false) => (
            "לקוחות שמקבלים היום שירות גרוע",
            "מתוך כל הלקוחות",
            "בביקורת אחת רק כ־8% מתוך 100 עסקים עמדו ברמת שירות סבירה (א. זוגלובק, 2008). סקרים מעריכים ש־30–50% מהלקוחות נתקלים בבעיה.",
        ),
        (Field::UnhappyShareInvest, true) => (
            "Customers served badly after investing",
            "Your target",
            "Most problems cannot be prevented, but a complaint resolved quickly keeps 95% of customers (TARP). 15% assumes most problems are caught and resolved.",
        ),
        (Field::UnhappyShareInvest, false) => (
            "לקוחות שיקבלו שירות גרוע אחרי ההשקעה",
            "היעד שלכם",
            "את רוב הבעיות אי אפשר למנוע, אבל תלונה שנפתרת מהר שומרת 95% מהלקוחות (טארפ). 15% מניח שרוב הבעיות מזוהות ונפתרות.",
        ),
        (Field::ServiceBudgetPerYear, true) => (
            "Yearly service budget",
            "People, training, tools",
            "“Assigning one skilled employee to the job, part time, will be revolutionary” (D. Reichman, Spectra Analytics). 60,000 shekels a year is roughly the employer's cost of such a part-time post in Israel.",
        ),
        (Field::ServiceBudgetPerYear, false) => (
            "תקציב שירות שנתי",
            "אנשים, הדרכה, כלים",
            "„הקצאת עובד מיומן אחד לתפקיד, במשרה חלקית, תחולל מהפכה בתוצאות” (ד. רייכמן, ספקטרה אנליטיקס). 60,000 ש״ח בשנה הם בערך עלות המעסיק של משרה חלקית כזו בישראל.",
        ),
        (Field::HorizonYears, true) => (
            "Years to project",
            "Whole years, 1 to 30",
            "Five years is a common planning horizon. Profit that customers still there bring afterwards is counted separately when the option below is on.",
        ),
        (Field::HorizonYears, false) => (
            "מספר שנים לתחזית",
            "שנים שלמות, 1 עד 30",
            "חמש שנים הן טווח תכנון מקובל. רווח שלקוחות שנשארו יביאו אחר כך נספר בנפרד כשהאפשרות למטה מסומנת.",
        ),
        (Field::DiscountRate, true) => (
            "Discount rate",
            "A year",
            "What money a year from now is worth to you today. 8% a year is a common cost of capital for a small business.",
        ),
        (Field::DiscountRate, false) => (
            "שיעור היוון",
            "לשנה",
            "כמה שווה לכם היום כסף שיגיע בעוד שנה. 8% בשנה הוא עלות הון מקובלת לעסק קטן.",
        ),
        (Field::ProfitMargin, true) => (
            "Profit margin (optional)",
            "Leave empty if you do not know it",
            "Owners often think in sales rather than profit. With your margin, the yearly cost of poor service is also shown as the revenue it equals.",
        ),
        (Field::ProfitMargin, false) => (
            "שיעור רווח (לא חובה)",
            "השאירו ריק אם אינכם יודעים",
            "בעלי עסקים חושבים לעתים קרובות במחזור ולא ברווח. עם שיעור הרווח שלכם, העלות השנתית של שירות גרוע מוצגת גם כהכנסות שהיא שווה להן.",
        ),
    };
    FieldText { label, hint, why }
}

/// The name and the note on assumptions of an example business.
pub fn preset_text(language: Language, preset: Preset) -> (&'static str, &'static str) {
    match (preset, language) {
        (Preset::SmallServiceIsrael, Language::English) => (
            "Small service business, Israel (shekels)",
            "The model's defaults, from the sources given beside each field.",
        ),
        (Preset::SmallServiceIsrael, Language::Hebrew) => (
            "עסק שירות קטן, ישראל (שקלים)",
            "ערכי ברירת המחדל של המודל, לפי המקורות שליד כל שדה.",
        ),
        (Preset::RetailShop, Language::English) => (
            "Neighbourhood shop (shekels)",
            "An illustration: cheap to win, many small baskets, word of mouth travels fast locally.",
        ),
        (Preset::RetailShop, Language::Hebrew) => (
            "חנות שכונתית (שקלים)",
            "המחשה: זול להשיג לקוח, הרבה קניות קטנות, והשמועה מתפשטת מהר בשכונה.",
        ),
        (Preset::B2bServices, Language::English) => (
            "B2B services firm (US dollars)",
            "An illustration: few valuable clients won by long sales cycles; a detractor costs about 1.3 clients (Satmetrix).",
        ),
        (Preset::B2bServices, Language::Hebrew) => (
            "חברת שירותים לעסקים (דולרים)",
            "המחשה: מעט לקוחות יקרי ערך שמגיעים אחרי תהליך מכירה ארוך; לקוח ממליץ־נגד עולה כ־1.3 לקוחות (סאטמטריקס).",
        ),
        (Preset::Subscription, Language::English) => (
            "Subscription business (euros)",
            "An illustration: about 15 euros a month of profit for three years; unhappy subscribers cancel early.",
        ),
        (Preset::Subscription, Language::Hebrew) => (
            "עסק מנויים (אירו)",
            "המחשה: רווח של כ־15 אירו בחודש במשך שלוש שנים; מנויים לא מרוצים מבטלים מוקדם.",
        ),
    }
}

pub const EN: Texts = Texts {
    language: Language::English,
    title: "Customer Value Calculator",
    tagline: "What poor service costs your business, and what investing in service returns.",
    language_label: "Language",
    example_label: "Start from an example",
    custom_example: "Your own figures",
    inputs_heading: "Your business",
    advanced_summary: "Advanced: years, customers, horizon, discounting, currency",
    why_label: "Why this number?",
    unit_customers: "customers",
    unit_years: "years",
    currency_label: "Currency",
    currency_other: "Other (ISO code)",
    currency_hint: "Three capital letters, such as CHF",
    count_after_horizon_label: "Count the profit customers still there bring after the last year",
    count_after_horizon_hint: "Without it, a short horizon makes any service investment look worse than it is.",
    stale: "Showing the last valid result. Fix the highlighted field to update it.",
    privacy: "Everything is computed in your browser. Nothing you type is sent anywhere.",

    error_required: "Enter a number.",
    error_not_number: "That is not a number.",
    error_range: "Allowed: {min} to {max}.",
    error_above: "Allowed: above {min}, up to {max}.",
    error_whole: "Enter a whole number from {min} to {max}.",
    error_currency: "Enter a three-letter currency code, such as ILS.",

    results_heading: "The answer",
    summary_cost: "Poor service costs",
    summary_gain: "Net gain, counting later years",
    summary_stale: "Last valid result",
    cost_title: "Poor service costs you",
    per_year: "a year",
    revenue_line: "That is {revenue} of revenue a year at a {margin} profit margin.",
    unbounded_cost: "No limit: at this level of word of mouth each customer brings more than one new customer, so a lifetime figure does not exist. The projection below still applies.",
    unbounded_short: "no limit",
    beyond_range: "beyond the model's range",
    return_title: "Investing {budget} a year in service",
    roi_label: "Return on the service budget",
    payback_label: "Pays for itself",
    payback_month: "in month {month} (year {year})",
    payback_never: "not within 30 years",
    no_budget: "no budget set",
    no_margin: "no profit margin given",
    no_break_even: "no budget breaks even",
    unhappy_title: "One unhappy customer costs you",
    happy_against_unhappy: "A happy customer is worth {happy}; an unhappy one {unhappy}.",
    sentence_gain: "Each customer you serve badly costs you {unhappy_cost} compared with a happy one. Cutting badly served customers from {p0} to {p1} is worth {lost} in today's money, counting what the customers won in {years} years bring afterwards. After paying {budget} for service, you keep {gain}.",
    sentence_loss: "Each customer you serve badly costs you {unhappy_cost} compared with a happy one. Cutting badly served customers from {p0} to {p1} is worth {lost} in today's money, counting what the customers won in {years} years bring afterwards: less than the {budget} the service costs, so you would be {loss} worse off. A budget of up to {break_even} a year would pay.",
    sentence_unbounded: "With this much word of mouth each customer brings more than one new one, so the value of a customer has no limit. Over {years} years the projection puts the net gain from investing at {gain}.",
    sentence_beyond_range: "These figures are beyond the model's range (over 10¹⁵). Check the inputs: very short customer lifetimes with many referrals grow without bound.",

    chart_cumulative: "Cumulative discounted profit",
    chart_cumulative_note: "Profit after marketing costs and, with investment, the service budget, in today's money.",
    invest: "With investment",
    year: "Year",
    p10: "Pessimistic: 1 in 10 is worse",
    p50: "Middle outcome",
    p90: "Optimistic: 1 in 10 is better",
    draws_count: "Scenarios",
    updating: "Updating…",
    lifetime_helper_open: "Don't know your lifetime profit? Work it out from yearly figures",
    metrics_helper_open: "Estimate from your service metrics",
    problem_size: "Typical problem",
    apply: "Use these figures",
    close: "Close",

    error_grouping: "Group digits in threes, as in 1,234,567.",
    error_sign: "This field takes a number without “{sign}”.",
    error_low_above_high: "The low end must not be above the high end.",
    error_range_excludes: "The range must include the figure itself, {value}.",
    error_draws: "Enter a whole number of scenarios from 1 to 20,000.",
    net_gain_label: "Net gain over {years} years",
    summary_gain_horizon_only: "Net gain over {years} years",
    net_gain_total_label: "Net gain, counting what customers won in the {years} years bring later",
    net_gain_within_label: "Of which within the {years} years alone",
    payback_cash_label: "Monthly cash catches up",
    sentence_gain_horizon_only: "Each customer you serve badly costs you {unhappy_cost} compared with a happy one. Cutting badly served customers from {p0} to {p1} is worth {lost} over {years} years, in today's money. After paying {budget} for service, you keep {gain}.",
    sentence_loss_horizon_only: "Each customer you serve badly costs you {unhappy_cost} compared with a happy one. Cutting badly served customers from {p0} to {p1} is worth {lost} over {years} years, less than the {budget} the service costs: you would be {loss} worse off. A budget of up to {break_even} a year would pay.",
    sentence_split: "Of that, {within} comes within the {years} years and {after} from what the customers still there bring afterwards.",
    questions_heading: "The same questions, the other way round",
    question_budget: "Largest yearly service budget that still pays",
    question_share: "Share served badly after investing that this budget needs, at most",
    question_chance: "Chance that the budget pays for itself",
    answer_chance: "{chance}: in about {tenths} of 10 scenarios drawn from your ranges, it pays",
    no_break_even_share: "no share does: even 0% is not enough",
    uncertainty_summary: "How sure are you? Ranges for the simulation",
    uncertainty_hint: "For each figure, the lowest and the highest you think likely. The chart of what moves the gain takes each figure to its ends; the simulation draws the ticked figures at random within their ranges.",
    column_low: "Low",
    column_high: "High",
    varies_label: "Varies in the simulation",
    draws_label: "Scenarios to draw",
    draws_hint: "1 to 20,000. More gives smoother figures but takes longer.",
    reset_ranges: "Reset the ranges to the defaults",
    tools_label: "Share, save and present",
    share_button: "Share",
    copied: "Link copied.",
    embed_button: "Embed on your site",
    open_full: "Open the full calculator",
    notice_link: "Some settings in the link were ignored:",
    notice_file: "Some settings in the file were ignored:",
    notice_attributes: "Some settings of this calculator were ignored:",
    notice_saved: "Some settings of the saved scenario were ignored:",
    range_suffix: "(range)",
    reason_repeated: "given twice",
    reason_out_of_range: "outside its allowed range",
    reason_not_number: "not a number",
    reason_currency: "not a currency code",
    reason_missing: "empty",
    reason_wrong_type: "the wrong kind of value",
    reason_range: "a range that leaves out the figure",
    reason_newer: "written by a newer version",
    reason_unknown: "not recognised",
    reason_unreadable: "this file could not be read as a scenario",
    saved_button: "Saved scenarios",
    files_button: "Export and print",
    present_button: "Present",
    part_loading: "Loading…",
    part_failed: "This part could not be loaded. Check the connection.",
    try_again: "Try again",
    charts_not_printed: "The charts had not arrived when this was printed. Print again to include them.",
    saved_at: "saved {date}",
    report_date: "Report of {date}",
    report_link: "Open this scenario:",
    sources_heading: "Sources",
    first_paint_starting: "Starting the calculator…",
    first_paint_link: "Loading the figures of this link…",
    sources: &[
        "A. Zoglobek, “Customer service and retention”, 2008: what winning a customer costs, the profit over the relationship, and how few businesses meet a reasonable service standard.",
        "A. Hadar, “Service experience”: how many people a satisfied and a disappointed customer tell.",
        "V. Kumar, J. A. Petersen and R. P. Leone, Harvard Business Review, 2007: the share of referrals that become customers.",
        "TARP and J. Goodman: how often bad experiences are retold, and who buys again after a problem or a complaint.",
        "Satmetrix, 2009: the customers a detractor costs.",
        "D. Reichman, Spectra Analytics: one skilled employee assigned to service, part time.",
    ],
};

pub const HE: Texts = Texts {
    language: Language::Hebrew,
    title: "מחשבון ערך לקוח",
    tagline: "כמה עולה לעסק שלכם שירות גרוע, ומה מחזירה השקעה בשירות.",
    language_label: "שפה",
    example_label: "התחילו מדוגמה",
    custom_example: "הנתונים שלכם",
    inputs_heading: "העסק שלכם",
    advanced_summary: "מתקדם: שנים, לקוחות, טווח, היוון, מטבע",
    why_label: "למה המספר הזה?",
    unit_customers: "לקוחות",
    unit_years: "שנים",
    currency_label: "מטבע",
    currency_other: "אחר (קוד תקני)",
    currency_hint: "שלוש אותיות לועזיות גדולות",
    count_after_horizon_label: "לספור את הרווח שלקוחות שנשארו יביאו אחרי השנה האחרונה",
    count_after_horizon_hint: "בלי זה, טווח קצר גורם לכל השקעה בשירות להיראות גרועה ממה שהיא.",
    stale: "מוצגת התוצאה התקינה האחרונה. תקנו את השדה המסומן כדי לעדכן.",
    privacy: "הכול מחושב בדפדפן שלכם. שום דבר שאתם מקלידים לא נשלח לשום מקום.",

    error_required: "הזינו מספר.",
    error_not_number: "זה לא מספר.",
    error_range: "מותר: {min} עד {max}.",
    error_above: "מותר: מעל {min}, עד {max}.",
    error_whole: "הזינו מספר שלם מ־{min} עד {max}.",
    error_currency: "הזינו קוד מטבע בן שלוש אותיות.",

    results_heading: "התשובה",
    summary_cost: "שירות גרוע עולה",
    summary_gain: "רווח נקי, כולל השנים שאחרי",
    summary_stale: "התוצאה התקינה האחרונה",
    cost_title: "שירות גרוע עולה לכם",
    per_year: "בשנה",
    revenue_line: "כלומר {revenue} בשנה בהכנסות, בשיעור רווח של {margin}.",
    unbounded_cost: "אין גבול: ברמה כזו של המלצות כל לקוח מביא יותר מלקוח חדש אחד, ולכן אין ערך לכל חיי הלקוח. התחזית למטה עדיין תקפה.",
    unbounded_short: "ללא גבול",
    beyond_range: "מחוץ לטווח המודל",
    return_title: "השקעה של {budget} בשנה בשירות",
    roi_label: "תשואה על תקציב השירות",
    payback_label: "מחזירה את עצמה",
    payback_month: "בחודש {month} (שנה {year})",
    payback_never: "לא בתוך 30 שנה",
    no_budget: "לא נקבע תקציב",
    no_margin: "לא הוזן שיעור רווח",
    no_break_even: "אין תקציב שמגיע לאיזון",
    unhappy_title: "לקוח אחד לא מרוצה עולה לכם",
    happy_against_unhappy: "לקוח מרוצה שווה {happy}; לקוח לא מרוצה {unhappy}.",
    sentence_gain: "כל לקוח שמקבל שירות גרוע עולה לכם {unhappy_cost} לעומת לקוח מרוצה. הורדת שיעור הלקוחות שמקבלים שירות גרוע מ־{p0} ל־{p1} שווה {lost} בכסף של היום, כולל מה שלקוחות שהגיעו ב־{years} השנים יביאו אחר כך. אחרי תשלום של {budget} על השירות, נשארים לכם {gain}.",
    sentence_loss: "כל לקוח שמקבל שירות גרוע עולה לכם {unhappy_cost} לעומת לקוח מרוצה. הורדת שיעור הלקוחות שמקבלים שירות גרוע מ־{p0} ל־{p1} שווה {lost} בכסף של היום, כולל מה שלקוחות שהגיעו ב־{years} השנים יביאו אחר כך: פחות מ־{budget} שהשירות עולה, ולכן תפסידו {loss}. תקציב של עד {break_even} בשנה ישתלם.",
    sentence_unbounded: "עם כל כך הרבה המלצות כל לקוח מביא יותר מלקוח חדש אחד, ולכן לערך של לקוח אין גבול. על פני {years} שנים התחזית מעריכה את הרווח הנקי מההשקעה ב־{gain}.",
    sentence_beyond_range: "המספרים האלה מחוץ לטווח המודל (מעל 10¹⁵). בדקו את הנתונים: לקוחות שנשארים זמן קצר מאוד עם הרבה המלצות גדלים בלי גבול.",

    chart_cumulative: "רווח מהוון מצטבר",
    chart_cumulative_note: "רווח אחרי עלויות השיווק ועם ההשקעה גם אחרי תקציב השירות, בכסף של היום.",
    invest: "עם השקעה",
    year: "שנה",
    p10: "פסימי: רק 1 מ־10 גרוע יותר",
    p50: "התוצאה האמצעית",
    p90: "אופטימי: רק 1 מ־10 טוב יותר",
    draws_count: "תרחישים",
    updating: "מתעדכן…",
    lifetime_helper_open: "לא יודעים את הרווח לאורך חיי הלקוח? חשבו אותו מנתונים שנתיים",
    metrics_helper_open: "הערכה לפי מדדי השירות שלכם",
    problem_size: "בעיה טיפוסית",
    apply: "השתמשו בנתונים האלה",
    close: "סגירה",

    error_grouping: "יש לקבץ את הספרות בשלשות, כמו 1,234,567.",
    error_sign: "בשדה הזה מקלידים מספר בלי „{sign}”.",
    error_low_above_high: "הקצה הנמוך לא יכול להיות מעל הקצה הגבוה.",
    error_range_excludes: "הטווח חייב לכלול את הנתון עצמו, {value}.",
    error_draws: "הזינו מספר שלם של תרחישים מ־1 עד 20,000.",
    net_gain_label: "רווח נקי על פני {years} שנים",
    summary_gain_horizon_only: "רווח נקי על פני {years} שנים",
    net_gain_total_label: "רווח נקי, כולל מה שלקוחות שהגיעו ב־{years} השנים יביאו אחר כך",
    net_gain_within_label: "מתוכו בתוך {years} השנים בלבד",
    payback_cash_label: "התזרים החודשי משלים את ההשקעה",
    sentence_gain_horizon_only: "כל לקוח שמקבל שירות גרוע עולה לכם {unhappy_cost} לעומת לקוח מרוצה. הורדת שיעור הלקוחות שמקבלים שירות גרוע מ־{p0} ל־{p1} שווה {lost} על פני {years} שנים, בכסף של היום. אחרי תשלום של {budget} על השירות, נשארים לכם {gain}.",
    sentence_loss_horizon_only: "כל לקוח שמקבל שירות גרוע עולה לכם {unhappy_cost} לעומת לקוח מרוצה. הורדת שיעור הלקוחות שמקבלים שירות גרוע מ־{p0} ל־{p1} שווה {lost} על פני {years} שנים, פחות מ־{budget} שהשירות עולה: תפסידו {loss}. תקציב של עד {break_even} בשנה ישתלם.",
    sentence_split: "מתוך זה, {within} מגיעים בתוך {years} השנים ו־{after} ממה שהלקוחות שנשארו יביאו אחריהן.",
    questions_heading: "אותן שאלות, מהכיוון ההפוך",
    question_budget: "תקציב השירות השנתי הגבוה ביותר שעדיין משתלם",
    question_share: "שיעור השירות הגרוע אחרי ההשקעה שהתקציב הזה צריך, לכל היותר",
    question_chance: "הסיכוי שהתקציב מחזיר את עצמו",
    answer_chance: "{chance}: בערך ב־{tenths} מכל 10 תרחישים שהוגרלו מהטווחים שלכם, זה משתלם",
    no_break_even_share: "אין שיעור כזה: גם 0% לא מספיק",
    uncertainty_summary: "כמה אתם בטוחים? טווחים לסימולציה",
    uncertainty_hint: "לכל נתון, הערך הנמוך והגבוה ביותר שנראים לכם סבירים. תרשים מה שמשפיע על הרווח מזיז כל נתון לקצוות שלו; הסימולציה מגרילה את הנתונים המסומנים בתוך הטווחים שלהם.",
    column_low: "נמוך",
    column_high: "גבוה",
    varies_label: "משתנה בסימולציה",
    draws_label: "מספר תרחישים להגרלה",
    draws_hint: "1 עד 20,000. יותר נותן תוצאות חלקות יותר, אבל לוקח יותר זמן.",
    reset_ranges: "איפוס הטווחים לברירת המחדל",
    tools_label: "שיתוף, שמירה והצגה",
    share_button: "שיתוף",
    copied: "הקישור הועתק.",
    embed_button: "הטמעה באתר שלכם",
    open_full: "פתיחת המחשבון המלא",
    notice_link: "חלק מההגדרות בקישור לא נקלטו:",
    notice_file: "חלק מההגדרות בקובץ לא נקלטו:",
    notice_attributes: "חלק מההגדרות של המחשבון הזה לא נקלטו:",
    notice_saved: "חלק מההגדרות של התרחיש השמור לא נקלטו:",
    range_suffix: "(טווח)",
    reason_repeated: "הופיע פעמיים",
    reason_out_of_range: "מחוץ לטווח המותר",
    reason_not_number: "לא מספר",
    reason_currency: "לא קוד מטבע",
    reason_missing: "ריק",
    reason_wrong_type: "סוג ערך שגוי",
    reason_range: "טווח שלא כולל את הנתון",
    reason_newer: "נכתב בגרסה חדשה יותר",
    reason_unknown: "לא מוכר",
    reason_unreadable: "לא ניתן לקרוא את הקובץ כתרחיש",
    saved_button: "תרחישים שמורים",
    files_button: "ייצוא והדפסה",
    present_button: "מצב הצגה",
    part_loading: "טוען…",
    part_failed: "לא ניתן היה לטעון את החלק הזה. בדקו את החיבור.",
    try_again: "לנסות שוב",
    charts_not_printed: "התרשימים עוד לא נטענו כשהדוח הודפס. הדפיסו שוב כדי לכלול אותם.",
    saved_at: "נשמר {date}",
    report_date: "דוח מתאריך {date}",
    report_link: "לפתיחת התרחיש:",
    sources_heading: "מקורות",
    first_paint_starting: "המחשבון נטען…",
    first_paint_link: "טוען את הנתונים של הקישור…",
    sources: &[
        "א. זוגלובק, „שירות ושימור לקוחות”, 2008: כמה עולה להשיג לקוח, הרווח לאורך הקשר, וכמה מעט עסקים עומדים ברמת שירות סבירה.",
        "א. הדר, „חוויית שירות”: לכמה אנשים מספרים לקוח מרוצה ולקוח מאוכזב.",
        "קומאר, פיטרסן ולאונה, הארוורד ביזנס ריוויו, 2007: כמה מההמלצות הופכות ללקוחות.",
        "טארפ וגודמן: כמה פעמים מסופרת חוויה רעה, ומי קונה שוב אחרי בעיה או תלונה.",
        "סאטמטריקס, 2009: כמה לקוחות עולה לקוח ממליץ־נגד.",
        "ד. רייכמן, ספקטרה אנליטיקס: עובד מיומן אחד לשירות, במשרה חלקית.",
    ],
};

/// The words only the extras module shows (src/app/extras: the tool panels, the presenter
/// view, the charts), kept apart from [`Texts`] so that the page's own wasm does not carry
/// them. Through `Deref`, every word of [`Texts`] can be had from here as well.
pub struct ExtraTexts {
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
    pub column_gain_from: &'static str,
    pub column_gain_to: &'static str,
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
    pub embed_iframe_title: &'static str,
    pub embed_iframe_hint: &'static str,
    pub embed_script_title: &'static str,
    pub embed_script_hint: &'static str,
    pub copy_code: &'static str,
    pub code_copied: &'static str,
    /// Slot: {origin}.
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
    /// Slot: {count}.
    pub saved_skipped: &'static str,
    /// Slot: {count}.
    pub saved_newer: &'static str,
    /// Slot: {names}.
    pub saved_migrated: &'static str,
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

    pub fn helper_input(&self, input: HelperInput) -> &'static str {
        match (input, self.language == Language::English) {
            (HelperInput::YearlyProfit, true) => "Yearly profit from one customer",
            (HelperInput::YearlyProfit, false) => "רווח שנתי מלקוח אחד",
            (HelperInput::Retention, true) => "Customers who stay each year",
            (HelperInput::Retention, false) => "לקוחות שנשארים משנה לשנה",
            (HelperInput::DiscountRate, true) => "Discount rate",
            (HelperInput::DiscountRate, false) => "שיעור היוון",
            (HelperInput::ShareWithProblem, true) => "Customers who meet a problem",
            (HelperInput::ShareWithProblem, false) => "לקוחות שנתקלים בבעיה",
            (HelperInput::ShareComplaining, true) => "Of those, how many complain",
            (HelperInput::ShareComplaining, false) => "מתוכם, כמה מתלוננים",
            (HelperInput::ResolvedFast, true) => "Complaints resolved quickly",
            (HelperInput::ResolvedFast, false) => "תלונות שנפתרות מהר",
            (HelperInput::ResolvedSlowly, true) => "Complaints resolved slowly",
            (HelperInput::ResolvedSlowly, false) => "תלונות שנפתרות לאט",
            (HelperInput::ResolvedTogether, true) => "Quick and slow together may not exceed 100%.",
            (HelperInput::ResolvedTogether, false) => "מהר ולאט יחד לא יכולים לעבור 100%.",
        }
    }
}

pub const EXTRA_EN: ExtraTexts = ExtraTexts {
    base: &EN,
    today: "Today",
    after_year: "After year {years}",
    payback_marker: "Pays back",
    payback_after_horizon: "Pays back in month {month}, after the years shown.",
    chart_waterfall: "Where the gain comes from",
    waterfall_retention: "Customers stay longer",
    waterfall_referrals: "More referrals",
    waterfall_turned_away: "Fewer turned away",
    waterfall_budget: "Service budget",
    waterfall_net: "Net gain",
    chart_tornado: "What moves the net gain most",
    tornado_note: "Each bar shows the net gain with one input at the low and the high end of its range, the others held fixed.",
    tornado_low: "Low",
    tornado_high: "High",
    chart_monte_carlo: "How sure is the gain?",
    monte_carlo_note: "{draws} scenarios drawn at random from the ranges of your estimates.",
    chance_of_gain: "Chance that investing pays off: {chance}",
    show_table: "Show as a table",
    column_scenario: "Scenario",
    column_happy: "Happy customers",
    column_unhappy: "Unhappy customers",
    column_marketing: "Won through marketing",
    column_referral: "Won through referral",
    column_turned_away: "Turned away",
    column_profit: "Profit",
    column_cumulative: "Cumulative discounted profit",
    column_item: "Part",
    column_amount: "Amount",
    column_input: "Input",
    column_range: "Range",
    column_gain_low: "Net gain at low end",
    column_gain_high: "Net gain at high end",
    column_gain_from: "Net gain from",
    column_gain_to: "to",
    column_draws: "Scenarios",

    chart_gain: "When does investing pay?",
    chart_gain_note: "The running gain from investing, month by month in today's money: it starts below zero by the budget and crosses zero when the extra profit has paid for it.",
    running_gain: "Running gain from investing",
    after_horizon_gain: "After year {years}: what customers won by then bring later",
    year_by_year: "Year by year",

    share_heading: "Share this scenario",
    share_hint: "The link opens the calculator with these figures, in this language.",
    link_label: "Link to this scenario",
    copy_link: "Copy link",
    share_native: "Share…",
    copy_failed: "Copying is blocked here: select the link above and copy it.",
    embed_iframe_title: "1. In a frame (iframe)",
    embed_iframe_hint: "Paste it where the calculator should appear. Its few lines of script size the frame to its content.",
    embed_script_title: "2. A script and a container",
    embed_script_hint: "Add the script once, and a container for each calculator; its settings are data- attributes with the field names of the link.",
    copy_code: "Copy code",
    code_copied: "Code copied.",
    embed_policy_note: "If your site sets a Content-Security-Policy, allow {origin} in script-src and frame-src.",
    frame_title: "Customer Value Calculator",
    qr_label: "QR code of the link to this scenario",
    qr_hint: "Point a phone's camera at it to open this scenario.",
    qr_too_long: "This link is too long for a QR code; copy it instead.",
    present_scan: "Scan to try this scenario on your phone",
    present_leave: "Leave presenter view (Esc)",
    saved_hint: "Kept in this browser, on this device only. Nothing is sent anywhere.",
    save_name_label: "Name for the scenario on screen",
    save_button: "Save",
    save_default_name: "Scenario",
    saved_as: "Saved as “{name}”.",
    saved_empty: "No saved scenarios yet.",
    saved_list_label: "Your saved scenarios",
    open_button: "Open",
    rename_button: "Rename",
    rename_label: "New name for “{name}”",
    rename_save: "Save name",
    cancel: "Cancel",
    delete_button: "Delete",
    delete_confirm: "Delete “{name}” for good",
    opened: "Opened “{name}”.",
    renamed: "Renamed to “{name}”.",
    deleted: "Deleted “{name}”.",
    storage_full: "The browser's storage for this site is full, so nothing was saved. Delete a saved scenario, or download the scenario as a file. The calculator still works.",
    storage_unavailable: "This browser does not let the calculator keep scenarios (private browsing, or storage turned off). What you save now lasts until this page is closed; download a file to keep it.",
    saved_skipped: "Saved scenarios that could not be read, left as they are: {count}.",
    saved_newer: "Saved by a newer version of the calculator, left as they are: {count}. Reload the page to get the newer version.",
    saved_migrated: "Brought up to the current format: {names}.",
    compare_heading: "Compare two scenarios",
    compare_first: "Compare",
    compare_second: "with",
    compare_on_screen: "The scenario on screen",
    compare_need_two: "Save a scenario to compare it with the one on screen.",
    compare_item: "Figure",
    compare_differs: "Differs",
    compare_same: "Same",
    compare_caption: "“{first}” and “{second}”; rows that differ are marked",
    files_heading: "Export, import and print",
    export_json: "Download the scenario (JSON)",
    export_json_hint: "The same file the command-line tool reads. Open it here again, or send it to a client.",
    export_csv: "Download the year-by-year table (CSV)",
    export_csv_hint: "Opens in Excel, Numbers or Google Sheets, with both scenarios.",
    downloaded: "The download has started.",
    download_failed: "This browser would not start the download.",
    import_label: "Open a scenario file (JSON)",
    imported: "Opened the scenario from the file.",
    import_unreadable: "That file could not be read as a scenario file (JSON). Nothing was changed.",
    import_empty: "No file was read. Nothing was changed.",
    print_button: "Print the report, or save it as PDF",
    print_hint: "A one- or two-page report for a client: the answers, the figures used, the charts and the sources.",
    lifetime_helper_title: "Lifetime profit from yearly figures",
    lifetime_years_result: "A customer stays on average",
    lifetime_profit_result: "Lifetime profit (not discounted)",
    clv_start_result: "Textbook CLV, profit at the start of each year",
    clv_end_result: "Textbook CLV, profit at the end of each year",
    metrics_helper_title: "Share served badly, from service metrics",
    metrics_result: "Estimated share served badly",
    problem_large: "Costly (over $100)",
    problem_small: "Minor (under $5)",
    abandoned_note: "Count abandoned calls as complaints left unresolved. Rates of buying again: TARP.",
    apply_to_now: "Use for today",
    apply_to_invest: "Use for after investing",
};

pub const EXTRA_HE: ExtraTexts = ExtraTexts {
    base: &HE,
    today: "היום",
    after_year: "אחרי שנה {years}",
    payback_marker: "החזר",
    payback_after_horizon: "ההשקעה מחזירה את עצמה בחודש {month}, אחרי השנים המוצגות.",
    chart_waterfall: "מאין מגיע הרווח",
    waterfall_retention: "לקוחות נשארים יותר",
    waterfall_referrals: "יותר המלצות",
    waterfall_turned_away: "פחות לקוחות שנרתעו",
    waterfall_budget: "תקציב השירות",
    waterfall_net: "רווח נקי",
    chart_tornado: "מה משפיע הכי הרבה על הרווח הנקי",
    tornado_note: "כל עמודה מראה את הרווח הנקי כשנתון אחד בקצה הנמוך ובקצה הגבוה של הטווח שלו, והשאר קבועים.",
    tornado_low: "נמוך",
    tornado_high: "גבוה",
    chart_monte_carlo: "כמה בטוח הרווח?",
    monte_carlo_note: "{draws} תרחישים שהוגרלו מתוך טווחי ההערכות שלכם.",
    chance_of_gain: "הסיכוי שההשקעה משתלמת: {chance}",
    show_table: "הצגה כטבלה",
    column_scenario: "תרחיש",
    column_happy: "לקוחות מרוצים",
    column_unhappy: "לקוחות לא מרוצים",
    column_marketing: "הגיעו משיווק",
    column_referral: "הגיעו מהמלצה",
    column_turned_away: "נרתעו",
    column_profit: "רווח",
    column_cumulative: "רווח מהוון מצטבר",
    column_item: "רכיב",
    column_amount: "סכום",
    column_input: "נתון",
    column_range: "טווח",
    column_gain_low: "רווח נקי בקצה הנמוך",
    column_gain_high: "רווח נקי בקצה הגבוה",
    column_gain_from: "רווח נקי מ־",
    column_gain_to: "עד",
    column_draws: "תרחישים",

    chart_gain: "מתי ההשקעה משתלמת?",
    chart_gain_note: "הרווח המצטבר מההשקעה, חודש אחר חודש בכסף של היום: הוא מתחיל מתחת לאפס בגובה התקציב, וחוצה את האפס כשהרווח הנוסף החזיר אותו.",
    running_gain: "הרווח המצטבר מההשקעה",
    after_horizon_gain: "אחרי שנה {years}: מה שלקוחות שהגיעו עד אז יביאו אחר כך",
    year_by_year: "שנה אחר שנה",

    share_heading: "שיתוף התרחיש",
    share_hint: "הקישור פותח את המחשבון עם הנתונים האלה, בשפה הזו.",
    link_label: "קישור לתרחיש",
    copy_link: "העתקת הקישור",
    share_native: "שיתוף…",
    copy_failed: "ההעתקה חסומה כאן: סמנו את הקישור למעלה והעתיקו אותו.",
    embed_iframe_title: "1. במסגרת מוטמעת",
    embed_iframe_hint: "הדביקו את הקוד במקום שבו המחשבון צריך להופיע. כמה שורות הקוד שבו מתאימות את גובה המסגרת לתוכן.",
    embed_script_title: "2. סקריפט ומכל",
    embed_script_hint: "הוסיפו את הסקריפט פעם אחת, ומכל לכל מחשבון; ההגדרות שלו נכתבות כמאפייני נתונים עם שמות השדות שבקישור.",
    copy_code: "העתקת הקוד",
    code_copied: "הקוד הועתק.",
    embed_policy_note: "אם האתר שלכם מגדיר מדיניות אבטחת תוכן, אפשרו בה את {origin} לסקריפטים ולמסגרות.",
    frame_title: "מחשבון ערך לקוח",
    qr_label: "קוד QR של הקישור לתרחיש הזה",
    qr_hint: "כוונו אליו את מצלמת הטלפון כדי לפתוח את התרחיש.",
    qr_too_long: "הקישור ארוך מדי לקוד QR; העתיקו אותו במקום.",
    present_scan: "סרקו כדי לנסות את התרחיש בטלפון",
    present_leave: "יציאה ממצב הצגה (Esc)",
    saved_hint: "נשמרים בדפדפן הזה, במכשיר הזה בלבד. שום דבר לא נשלח לשום מקום.",
    save_name_label: "שם לתרחיש שעל המסך",
    save_button: "שמירה",
    save_default_name: "תרחיש",
    saved_as: "נשמר בשם „{name}”.",
    saved_empty: "עדיין אין תרחישים שמורים.",
    saved_list_label: "התרחישים השמורים שלך",
    open_button: "פתיחה",
    rename_button: "שינוי שם",
    rename_label: "שם חדש ל„{name}”",
    rename_save: "שמירת השם",
    cancel: "ביטול",
    delete_button: "מחיקה",
    delete_confirm: "מחיקת „{name}” לצמיתות",
    opened: "„{name}” נפתח.",
    renamed: "השם שונה ל„{name}”.",
    deleted: "„{name}” נמחק.",
    storage_full: "האחסון של הדפדפן לאתר הזה מלא, ולכן שום דבר לא נשמר. מחקו תרחיש שמור, או הורידו את התרחיש כקובץ. המחשבון ממשיך לעבוד.",
    storage_unavailable: "הדפדפן הזה לא מאפשר למחשבון לשמור תרחישים (גלישה פרטית, או אחסון כבוי). מה שנשמר עכשיו יישאר עד שהדף ייסגר; הורידו קובץ כדי לשמור אותו.",
    saved_skipped: "תרחישים שמורים שלא ניתן היה לקרוא, ונשארו כפי שהם: {count}.",
    saved_newer: "נשמרו בגרסה חדשה יותר של המחשבון, ונשארו כפי שהם: {count}. טענו את הדף מחדש כדי לקבל את הגרסה החדשה.",
    saved_migrated: "עודכנו לפורמט הנוכחי: {names}.",
    compare_heading: "השוואה בין שני תרחישים",
    compare_first: "השוואה של",
    compare_second: "עם",
    compare_on_screen: "התרחיש שעל המסך",
    compare_need_two: "שמרו תרחיש כדי להשוות אותו לתרחיש שעל המסך.",
    compare_item: "נתון",
    compare_differs: "שונה",
    compare_same: "זהה",
    compare_caption: "„{first}” ו„{second}”; השורות השונות מסומנות",
    files_heading: "ייצוא, ייבוא והדפסה",
    export_json: "הורדת התרחיש (JSON)",
    export_json_hint: "אותו קובץ שכלי שורת הפקודה קורא. אפשר לפתוח אותו כאן שוב, או לשלוח ללקוח.",
    export_csv: "הורדת הטבלה שנה אחר שנה (CSV)",
    export_csv_hint: "נפתח ב־Excel, ב־Numbers או ב־Google Sheets, עם שני התרחישים.",
    downloaded: "ההורדה התחילה.",
    download_failed: "הדפדפן הזה לא הפעיל את ההורדה.",
    import_label: "פתיחת קובץ תרחיש (JSON)",
    imported: "התרחיש נפתח מהקובץ.",
    import_unreadable: "לא ניתן לקרוא את הקובץ הזה כקובץ תרחיש (JSON). שום דבר לא השתנה.",
    import_empty: "לא נקרא קובץ. שום דבר לא השתנה.",
    print_button: "הדפסת הדוח, או שמירה כ־PDF",
    print_hint: "דוח של עמוד או שניים ללקוח: התשובות, הנתונים, התרשימים והמקורות.",
    lifetime_helper_title: "רווח לאורך חיי הלקוח מנתונים שנתיים",
    lifetime_years_result: "לקוח נשאר בממוצע",
    lifetime_profit_result: "רווח לאורך חיי הלקוח (לא מהוון)",
    clv_start_result: "ערך לקוח מהוון, רווח בתחילת כל שנה",
    clv_end_result: "ערך לקוח מהוון, רווח בסוף כל שנה",
    metrics_helper_title: "שיעור השירות הגרוע לפי מדדי שירות",
    metrics_result: "שיעור משוער של לקוחות עם שירות גרוע",
    problem_large: "יקרה (מעל 100 דולר)",
    problem_small: "קטנה (פחות מ־5 דולר)",
    abandoned_note: "שיחות שננטשו נחשבות תלונות שלא נפתרו. שיעורי הרכישה החוזרת: טארפ.",
    apply_to_now: "לשימוש עבור היום",
    apply_to_invest: "לשימוש עבור אחרי ההשקעה",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_language_picks_hebrew_only_for_hebrew() {
        assert_eq!(Language::from_browser("he"), Language::Hebrew);
        assert_eq!(Language::from_browser("he-IL"), Language::Hebrew);
        assert_eq!(Language::from_browser("iw_IL"), Language::Hebrew);
        assert_eq!(Language::from_browser("en-US"), Language::English);
        assert_eq!(Language::from_browser("ar"), Language::English);
        assert_eq!(Language::from_browser(""), Language::English);
    }

    #[test]
    fn fill_splits_text_and_figures() {
        let pieces = fill(
            "Costs {cost} a {period}.",
            &[("cost", "₪5"), ("period", "year")],
        );
        assert_eq!(
            pieces,
            vec![
                Piece::Text("Costs ".into()),
                Piece::Figure("₪5".into()),
                Piece::Text(" a ".into()),
                Piece::Figure("year".into()),
                Piece::Text(".".into())
            ]
        );
        assert_eq!(fill_plain("{a}{b}", &[("a", "1"), ("b", "2")]), "12");
        assert_eq!(fill_plain("no {slot}", &[]), "no {slot}");
    }

    /// Every slot a template names is one its callers fill, in both languages alike.
    #[test]
    fn both_languages_use_the_same_slots() {
        fn slots(template: &str) -> Vec<String> {
            let mut names: Vec<String> = template
                .split('{')
                .skip(1)
                .filter_map(|part| part.split_once('}'))
                .map(|(name, _)| name.to_string())
                .collect();
            names.sort();
            names
        }
        let pairs = [
            (EN.error_range, HE.error_range),
            (EN.error_above, HE.error_above),
            (EN.error_whole, HE.error_whole),
            (EN.revenue_line, HE.revenue_line),
            (EN.return_title, HE.return_title),
            (EN.payback_month, HE.payback_month),
            (EN.happy_against_unhappy, HE.happy_against_unhappy),
            (EN.sentence_gain, HE.sentence_gain),
            (EN.sentence_loss, HE.sentence_loss),
            (EN.sentence_unbounded, HE.sentence_unbounded),
            (EXTRA_EN.after_year, EXTRA_HE.after_year),
            (
                EXTRA_EN.payback_after_horizon,
                EXTRA_HE.payback_after_horizon,
            ),
            (EXTRA_EN.monte_carlo_note, EXTRA_HE.monte_carlo_note),
            (EXTRA_EN.chance_of_gain, EXTRA_HE.chance_of_gain),
            (EN.error_sign, HE.error_sign),
            (EN.error_range_excludes, HE.error_range_excludes),
            (EN.net_gain_total_label, HE.net_gain_total_label),
            (EN.net_gain_label, HE.net_gain_label),
            (EN.summary_gain_horizon_only, HE.summary_gain_horizon_only),
            (EN.net_gain_within_label, HE.net_gain_within_label),
            (EN.sentence_gain_horizon_only, HE.sentence_gain_horizon_only),
            (EN.sentence_loss_horizon_only, HE.sentence_loss_horizon_only),
            (EN.sentence_split, HE.sentence_split),
            (EN.answer_chance, HE.answer_chance),
            (EXTRA_EN.after_horizon_gain, EXTRA_HE.after_horizon_gain),
            (EXTRA_EN.embed_policy_note, EXTRA_HE.embed_policy_note),
        ];
        for (english, hebrew) in pairs {
            assert_eq!(slots(english), slots(hebrew), "{english} / {hebrew}");
        }
    }

    /// Hebrew texts carry no Latin letters, so a Hebrew screen has no English on it.
    #[test]
    fn hebrew_texts_have_no_latin_letters() {
        let mut hebrew: Vec<&str> = vec![
            HE.title,
            HE.tagline,
            HE.stale,
            HE.sentence_gain,
            HE.unbounded_cost,
            EXTRA_HE.abandoned_note,
            EXTRA_HE.problem_large,
            HE.currency_hint,
        ];
        for field in Field::ALL {
            let text = field_text(Language::Hebrew, field);
            hebrew.extend([text.label, text.hint, text.why]);
        }
        for preset in Preset::ALL {
            let (name, note) = preset_text(Language::Hebrew, preset);
            hebrew.extend([name, note]);
        }
        for input in [
            HelperInput::YearlyProfit,
            HelperInput::Retention,
            HelperInput::ResolvedTogether,
        ] {
            hebrew.push(EXTRA_HE.helper_input(input));
        }
        for text in hebrew {
            // Slot names are replaced by figures before anyone sees them.
            let shown = fill_plain(text, &[])
                .split('{')
                .map(|part| part.split_once('}').map_or(part, |(_, after)| after))
                .collect::<String>();
            assert!(
                !shown.chars().any(|c| c.is_ascii_alphabetic()),
                "Latin letters in: {text}"
            );
        }
    }

    #[test]
    fn helper_inputs_are_translated() {
        assert_ne!(
            EXTRA_EN.helper_input(HelperInput::Retention),
            EXTRA_HE.helper_input(HelperInput::Retention)
        );
    }
}
