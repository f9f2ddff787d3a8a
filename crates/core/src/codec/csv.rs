//! What the app writes out for a client: the year-by-year table as CSV, and the file names
//! of exports. Pure, so it is tested natively; the scenario's JSON is the command-line
//! tool's own format ([`crate::codec::scenario_file::write`]). The download itself is
//! `download.rs`, at the browser's edge.
//!
//! The CSV is UTF-8 with a byte-order mark, so that Excel opens Hebrew headers correctly,
//! and follows RFC 4180: commas between fields, CRLF between records, and a field that
//! holds a comma, a quote or a line break put in quotes, with its quotes doubled. Numbers
//! are plain, with a decimal point and no grouping, so any spreadsheet reads them as
//! numbers; a figure the model cannot give is an empty cell.

use crate::codec::decimal;
use crate::words::Language;
use cvc_model::projection::YearRow;
use cvc_model::Figure;
use cvc_model::Results;

/// Excel takes a file for UTF-8 only when it starts with this.
pub const BYTE_ORDER_MARK: char = '\u{FEFF}';

/// One CSV field, quoted where RFC 4180 requires it.
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn push_record(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|field| csv_field(field)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// Customers to two decimals (the projection tracks expected, fractional customers), money
/// to whole cents.
fn cell(figure: Figure) -> String {
    figure
        .value()
        .map(|value| decimal::fixed(value, 2))
        .unwrap_or_default()
}

/// The year-by-year rows of both scenarios, with headers in the reader's language.
pub fn yearly_csv(results: &Results, language: Language) -> String {
    let texts = language.extra_texts();
    let mut out = String::new();
    out.push(BYTE_ORDER_MARK);
    let headers: Vec<String> = std::iter::once(texts.column_scenario)
        .chain(texts.year_columns())
        .map(String::from)
        .collect();
    push_record(&mut out, &headers);
    let levels: [(&str, &[YearRow]); 2] = [
        (texts.today, &results.projection.yearly_now),
        (texts.invest, &results.projection.yearly_invest),
    ];
    for (level, rows) in levels {
        for row in rows {
            push_record(
                &mut out,
                &[
                    level.to_string(),
                    decimal::shortest(f64::from(row.year)),
                    cell(row.happy_customers),
                    cell(row.unhappy_customers),
                    cell(row.won_through_marketing),
                    cell(row.won_through_referral),
                    cell(row.turned_away),
                    cell(row.profit),
                    cell(row.cumulative_discounted_profit),
                ],
            );
        }
    }
    out
}

/// Rows as a CSV document (UTF-8 with its byte-order mark, RFC 4180); an empty row is an
/// empty line between two tables.
pub fn write_rows(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    out.push(BYTE_ORDER_MARK);
    for row in rows {
        push_record(&mut out, row);
    }
    out
}

/// A file name for an export: the date and what it is, in ASCII so that every system
/// keeps it.
pub fn file_name(date: &str, what: &str, extension: &str) -> String {
    let date: String = date
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    format!("customer-value-{what}-{date}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use cvc_model::{evaluate, ValidScenario};

    #[test]
    fn fields_with_commas_quotes_or_breaks_are_quoted() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("1,234"), "\"1,234\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("לקוחות, שנה"), "\"לקוחות, שנה\"");
        assert_eq!(csv_field("לקוחות"), "לקוחות");
    }

    #[test]
    fn the_table_starts_with_the_bom_and_has_a_row_per_year_and_scenario() {
        let scenario = ValidScenario::default();
        let results = evaluate(&scenario);
        let csv = yearly_csv(&results, Language::Hebrew);
        assert!(csv.starts_with('\u{FEFF}'));
        let records: Vec<&str> = csv[3..].split_terminator("\r\n").collect();
        let years = scenario.horizon_years as usize;
        assert_eq!(records.len(), 1 + 2 * years);
        assert!(records[0].starts_with("מצב,שנה,"), "{}", records[0]);
        // Every record has the header's nine fields (no field here holds a comma).
        assert!(records.iter().all(|record| record.split(',').count() == 9));
        // The last row of "invest" carries the model's cumulative discounted profit.
        let last = results.projection.yearly_invest[years - 1];
        let expected = decimal::fixed(last.cumulative_discounted_profit.value().unwrap(), 2);
        assert!(records[2 * years].ends_with(&format!(",{expected}")));
    }

    #[test]
    fn a_missing_figure_is_an_empty_cell() {
        assert_eq!(cell(Figure::Missing(cvc_model::Why::BeyondModelRange)), "");
        assert_eq!(cell(Figure::Value(1234.5)), "1234.50");
    }

    #[test]
    fn file_names_are_ascii() {
        assert_eq!(
            file_name("2026-11-25", "scenario", "json"),
            "customer-value-scenario-2026-11-25.json"
        );
        assert_eq!(
            file_name("‏25.11.2026<script>", "years", "csv"),
            "customer-value-years-25112026.csv"
        );
    }
}
