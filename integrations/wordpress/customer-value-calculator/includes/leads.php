<?php
/**
 * Leads in WordPress: a visitor who calculated asks to be contacted, and the lead is kept
 * in this site's own table, then mailed to the address the settings name. Stored first:
 * a mail that fails is recorded and shown in the admin, and the lead stays.
 *
 * - The table `{prefix}cvc_leads`, created and upgraded with dbDelta and a schema version.
 * - `POST /wp-json/customer-value-calculator/v1/leads`: the calculator's capture form
 *   posts here (includes/render.php points the element at it). Each field is validated
 *   and sanitised on its own; the body has a size limit; a honeypot and a minimum fill
 *   time keep bots out; a visitor may send a few an hour (counted under a salted hash of
 *   their address, in a transient, never the address itself); no nonce, since a page
 *   cache would freeze it.
 * - `GET` on the same route lists leads for those who manage options (no one else).
 * - Daily deletion of leads older than the kept period; WordPress's personal-data
 *   exporter and eraser, by email address.
 *
 * @package CustomerValueCalculator
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The table's schema version; a new one upgrades the table with dbDelta. */
const CUSTOMER_VALUE_CALCULATOR_LEADS_SCHEMA = 2;

/** The option that holds the leads' settings; uninstall.php removes it. */
const CUSTOMER_VALUE_CALCULATOR_LEADS_OPTION = 'customer_value_calculator_leads';

/** Where the table's schema version is kept. */
const CUSTOMER_VALUE_CALCULATOR_LEADS_SCHEMA_OPTION = 'customer_value_calculator_leads_schema';

/** The REST namespace and route. */
const CUSTOMER_VALUE_CALCULATOR_REST_NAMESPACE = 'customer-value-calculator/v1';

/** The daily clean-up's hook. */
const CUSTOMER_VALUE_CALCULATOR_PRUNE_HOOK = 'customer_value_calculator_prune_leads';

/** Most bytes of a submission. */
const CUSTOMER_VALUE_CALCULATOR_MAX_LEAD = 65536;

/** A form filled faster than this (milliseconds) is a bot's. */
const CUSTOMER_VALUE_CALCULATOR_MIN_FILL_MS = 3000;

/** Submissions one visitor may send in an hour. */
const CUSTOMER_VALUE_CALCULATOR_LEADS_PER_HOUR = 5;

/**
 * The leads' table name.
 *
 * @return string
 */
function customer_value_calculator_leads_table() {
	global $wpdb;
	return $wpdb->prefix . 'cvc_leads';
}

/** The calculator's own wording of the required consent and the marketing consent, in
 * each language (cvc_core's words, `LeadTexts::consent` and `marketing`). */
const CUSTOMER_VALUE_CALCULATOR_DEFAULT_CONSENT = array(
	'en' => 'I agree that this site keeps the details and figures I send, and contacts me about them.',
	'he' => 'האתר הזה רשאי לשמור את הפרטים והמספרים שאשלח, וליצור איתי קשר בנוגע אליהם.',
);
const CUSTOMER_VALUE_CALCULATOR_DEFAULT_MARKETING = array(
	'en' => 'Also send me news and offers (optional).',
	'he' => 'אפשר לשלוח לי גם עדכונים והצעות (לא חובה).',
);

/** Leads the whole site takes in an hour, whoever sends them: a flood is refused. */
const CUSTOMER_VALUE_CALCULATOR_LEADS_PER_SITE_HOUR = 100;

/** The consent texts the settings hold, by their keys, each for one language. */
const CUSTOMER_VALUE_CALCULATOR_CONSENT_TEXTS = array( 'consent_en', 'consent_he', 'marketing_en', 'marketing_he' );

/**
 * The settings, with their defaults: capture off; the calculator's own consent texts
 * (an empty text); the site's administrator notified; leads kept a year; kept on
 * uninstall.
 *
 * @return array{enabled: bool, consent_en: string, consent_he: string, marketing_en: string, marketing_he: string, notify: string, keep_days: int, delete_on_uninstall: bool}
 */
function customer_value_calculator_leads_settings() {
	$saved    = get_option( CUSTOMER_VALUE_CALCULATOR_LEADS_OPTION, array() );
	$saved    = is_array( $saved ) ? $saved : array();
	$settings = array(
		'enabled'             => ! empty( $saved['enabled'] ),
		'notify'              => isset( $saved['notify'] ) && is_string( $saved['notify'] ) && is_email( $saved['notify'] ) ? $saved['notify'] : (string) get_option( 'admin_email' ),
		'keep_days'           => isset( $saved['keep_days'] ) ? max( 1, min( 3650, (int) $saved['keep_days'] ) ) : 365,
		'delete_on_uninstall' => ! empty( $saved['delete_on_uninstall'] ),
	);
	foreach ( CUSTOMER_VALUE_CALCULATOR_CONSENT_TEXTS as $key ) {
		$settings[ $key ] = isset( $saved[ $key ] ) && is_string( $saved[ $key ] ) ? $saved[ $key ] : '';
	}
	return $settings;
}

/**
 * The element's lead attributes for a shortcode or block with `lead="1"`: the plugin's
 * own route as the endpoint, and the consent texts the settings hold. Nothing when the
 * settings have capture off.
 *
 * @return array<string,string> Attribute name on the element => value.
 */
function customer_value_calculator_lead_element_attributes() {
	$settings = customer_value_calculator_leads_settings();
	if ( ! $settings['enabled'] ) {
		return array();
	}
	$attributes = array( 'lead-endpoint' => rest_url( CUSTOMER_VALUE_CALCULATOR_REST_NAMESPACE . '/leads' ) );
	// The texts the route will check the consent against, in both languages: the visitor
	// sees exactly what the site keeps as their consent.
	foreach ( customer_value_calculator_consent_texts() as $kind => $texts ) {
		foreach ( $texts as $language => $text ) {
			$attributes[ 'lead-' . $kind . '-' . $language ] = $text;
		}
	}
	return $attributes;
}

/**
 * Creates or upgrades the table when its schema version is behind (plugins_loaded).
 */
function customer_value_calculator_leads_install() {
	if ( (int) get_option( CUSTOMER_VALUE_CALCULATOR_LEADS_SCHEMA_OPTION, 0 ) >= CUSTOMER_VALUE_CALCULATOR_LEADS_SCHEMA ) {
		return;
	}
	global $wpdb;
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	$table   = customer_value_calculator_leads_table();
	$charset = $wpdb->get_charset_collate();
	dbDelta(
		"CREATE TABLE $table (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  created_at datetime NOT NULL,
  name varchar(100) NOT NULL DEFAULT '',
  email varchar(254) NOT NULL DEFAULT '',
  phone varchar(32) NOT NULL DEFAULT '',
  message text NOT NULL,
  consent_text text NOT NULL,
  consent_language varchar(8) NOT NULL DEFAULT '',
  consent_at varchar(40) NOT NULL DEFAULT '',
  consent_page text NOT NULL,
  marketing tinyint(1) NOT NULL DEFAULT 0,
  marketing_text text NOT NULL,
  currency char(3) NOT NULL DEFAULT '',
  yearly_cost double DEFAULT NULL,
  npv_gain double DEFAULT NULL,
  scenario longtext NOT NULL,
  results longtext NOT NULL,
  link text NOT NULL,
  attribution longtext NOT NULL,
  variant varchar(40) NOT NULL DEFAULT '',
  mail_status varchar(16) NOT NULL DEFAULT 'pending',
  mail_error text NOT NULL,
  lead_key varchar(64) NOT NULL DEFAULT '',
  PRIMARY KEY  (id),
  KEY email (email),
  KEY lead_key (lead_key),
  KEY created_at (created_at)
) $charset;"
	);
	update_option( CUSTOMER_VALUE_CALCULATOR_LEADS_SCHEMA_OPTION, CUSTOMER_VALUE_CALCULATOR_LEADS_SCHEMA, false );
}
add_action( 'plugins_loaded', 'customer_value_calculator_leads_install' );

/**
 * The REST routes (rest_api_init).
 */
function customer_value_calculator_leads_routes() {
	register_rest_route(
		CUSTOMER_VALUE_CALCULATOR_REST_NAMESPACE,
		'/leads',
		array(
			array(
				'methods'             => 'POST',
				'callback'            => 'customer_value_calculator_receive_lead',
				// Anyone may send a lead; what they send is checked field by field.
				'permission_callback' => '__return_true',
			),
			array(
				'methods'             => 'GET',
				'callback'            => 'customer_value_calculator_list_leads',
				'permission_callback' => function () {
					return current_user_can( 'manage_options' );
				},
			),
		)
	);
}
add_action( 'rest_api_init', 'customer_value_calculator_leads_routes' );

/**
 * A refusal, with its reason, as JSON.
 *
 * @param int    $status The HTTP status.
 * @param string $reason Why.
 * @return WP_REST_Response
 */
function customer_value_calculator_refuse( $status, $reason ) {
	return new WP_REST_Response( array( 'error' => $reason ), $status );
}

/**
 * Text from the visitor: a string, trimmed, without control characters or tags, at most
 * `$most` characters; '' for anything else. Only a message keeps its line breaks: a name
 * with one could forge lines in the notification email.
 *
 * @param mixed $value     The value sent.
 * @param int   $most      Most characters kept.
 * @param bool  $multiline Whether line breaks are kept.
 * @return string
 */
function customer_value_calculator_lead_text( $value, $most, $multiline = false ) {
	if ( ! is_string( $value ) ) {
		return '';
	}
	$value = $multiline ? sanitize_textarea_field( $value ) : sanitize_text_field( $value );
	// Unicode's direction controls would turn the words around them in the admin.
	$value = preg_replace( '/[\x{061C}\x{200E}\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}]/u', '', $value );
	return mb_substr( trim( (string) $value ), 0, $most );
}

/**
 * The consent texts this site shows, by language: the settings', or the calculator's own
 * wording (crates/core/tests/wordpress.rs keeps these equal to the calculator's words).
 *
 * @return array{consent: array<string,string>, marketing: array<string,string>}
 */
function customer_value_calculator_consent_texts() {
	$settings = customer_value_calculator_leads_settings();
	$texts    = array(
		'consent'   => CUSTOMER_VALUE_CALCULATOR_DEFAULT_CONSENT,
		'marketing' => CUSTOMER_VALUE_CALCULATOR_DEFAULT_MARKETING,
	);
	foreach ( array( 'he', 'en' ) as $language ) {
		foreach ( array( 'consent', 'marketing' ) as $kind ) {
			if ( '' !== $settings[ $kind . '_' . $language ] ) {
				$texts[ $kind ][ $language ] = $settings[ $kind . '_' . $language ];
			}
		}
	}
	return $texts;
}

/**
 * A finite number or null.
 *
 * @param mixed $value The value sent.
 * @return float|null
 */
function customer_value_calculator_lead_number( $value ) {
	return ( is_int( $value ) || is_float( $value ) ) && is_finite( (float) $value ) ? (float) $value : null;
}

/**
 * The rate limit's two counters for this hour: this visitor's (a salted hash of its
 * address, kept for the hour only) and the whole site's.
 *
 * @return array{0: string, 1: string} The visitor's and the site's transient keys.
 */
function customer_value_calculator_lead_counters() {
	$address = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
	// An IPv6 visitor holds a whole /64: counted as one.
	$packed = @inet_pton( $address ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- not an address: counted as ''.
	if ( false !== $packed && 16 === strlen( $packed ) ) {
		$address = bin2hex( substr( $packed, 0, 8 ) ) . '::/64';
	}
	return array( 'cvc_lead_' . substr( wp_hash( $address, 'nonce' ), 0, 32 ), 'cvc_leads_site_hour' );
}

/**
 * The rate limit: whether this visitor may send one more lead this hour, and the site keep
 * one more. Only leads about to be kept count (customer_value_calculator_lead_reserve): a
 * refused request costs nothing, so junk cannot use up the site's hour and lock real
 * visitors out.
 *
 * @return bool
 */
function customer_value_calculator_lead_allowed() {
	list( $visitor, $site ) = customer_value_calculator_lead_counters();
	return customer_value_calculator_lead_within_limits( (int) get_transient( $visitor ), (int) get_transient( $site ) );
}

/**
 * Whether one more lead fits this hour's counts: the visitor's and the whole site's.
 *
 * @param int $visitor_count Leads kept from this visitor this hour.
 * @param int $site_count    Leads kept by the site this hour.
 * @return bool
 */
function customer_value_calculator_lead_within_limits( $visitor_count, $site_count ) {
	return $visitor_count < CUSTOMER_VALUE_CALCULATOR_LEADS_PER_HOUR
		&& $site_count < CUSTOMER_VALUE_CALCULATOR_LEADS_PER_SITE_HOUR;
}

/**
 * One of the rate limit's counters as the database (or a persistent object cache) holds
 * it now, not as this request read it earlier: WordPress keeps what a request has read
 * for the rest of that request.
 *
 * @param string $key The counter's transient key.
 * @return int
 */
function customer_value_calculator_lead_count( $key ) {
	if ( wp_using_ext_object_cache() ) {
		return (int) wp_cache_get( $key, 'transient', true );
	}
	wp_cache_delete( '_transient_' . $key, 'options' );
	wp_cache_delete( '_transient_timeout_' . $key, 'options' );
	wp_cache_delete( 'notoptions', 'options' );
	return (int) get_transient( $key );
}

/**
 * Changes the rate limit's counters by `$step` as one step: requests run in parallel (a
 * PHP worker each), and two that read the same count would both take the last place. A
 * named lock of the database (MySQL and MariaDB, which WordPress runs on) makes reading
 * and writing the counters one step. Where the database has no such lock, the counters
 * are kept as before.
 *
 * @param int $step 1 to take a place (only within the limits), -1 to give one back.
 * @return bool Whether the counters changed.
 */
function customer_value_calculator_lead_counters_step( $step ) {
	global $wpdb;
	// A named lock is the whole database server's, not one database's: named after this
	// site's database and tables, so that two sites on one server never wait for each
	// other (and short: MySQL allows 64 characters).
	$lock = 'cvc_lead_limits_' . md5( DB_NAME . '|' . $wpdb->prefix );
	// A database without such locks answers with an error, not a lock: said nowhere (it
	// would land in the JSON answer where errors are displayed), and the counters are kept
	// as before.
	$quiet = $wpdb->suppress_errors( true );
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a lock, not data: nothing to cache.
	$locked = $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, 5)', $lock ) );
	$wpdb->suppress_errors( $quiet );
	if ( '0' === (string) $locked ) {
		// Five seconds of other requests ahead: counted as the limit reached (a place to
		// give back is then kept for the hour: the visitor may send one fewer).
		return false;
	}
	try {
		list( $visitor, $site ) = customer_value_calculator_lead_counters();
		$visitor_count = customer_value_calculator_lead_count( $visitor );
		$site_count    = customer_value_calculator_lead_count( $site );
		if ( $step > 0 && ! customer_value_calculator_lead_within_limits( $visitor_count, $site_count ) ) {
			return false;
		}
		set_transient( $visitor, max( 0, $visitor_count + $step ), HOUR_IN_SECONDS );
		set_transient( $site, max( 0, $site_count + $step ), HOUR_IN_SECONDS );
		return true;
	} finally {
		if ( '1' === (string) $locked ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a lock, not data.
			$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $lock ) );
		}
	}
}

/**
 * Takes one of the hour's places for a lead that passed every check, just before it is
 * stored, checking the limits again: a request in parallel may have taken the last one
 * while this one was read.
 *
 * @return bool Whether a place was taken.
 */
function customer_value_calculator_lead_reserve() {
	return customer_value_calculator_lead_counters_step( 1 );
}

/** Gives back a place taken for a lead that could not be stored. */
function customer_value_calculator_lead_release() {
	customer_value_calculator_lead_counters_step( -1 );
}

/**
 * `POST /leads`: a lead from the calculator's capture form (its payload is documented in
 * README.md, "Leads"). Stored, then mailed.
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response
 */
function customer_value_calculator_receive_lead( WP_REST_Request $request ) {
	$settings = customer_value_calculator_leads_settings();
	if ( ! $settings['enabled'] ) {
		return customer_value_calculator_refuse( 403, 'This site does not take leads.' );
	}
	$body = $request->get_body();
	if ( strlen( $body ) > CUSTOMER_VALUE_CALCULATOR_MAX_LEAD ) {
		return customer_value_calculator_refuse( 413, 'The lead is larger than a lead can be.' );
	}
	$lead = json_decode( $body, true, 16 );
	if ( ! is_array( $lead ) ) {
		return customer_value_calculator_refuse( 400, 'The lead is not a JSON object.' );
	}
	if ( ! isset( $lead['version'] ) || 1 !== $lead['version'] ) {
		return customer_value_calculator_refuse( 422, 'version: this site reads leads of version 1.' );
	}
	// A field no person sees, and a form filled faster than a person reads: a bot. It is
	// answered as if kept, so that it learns nothing, and nothing is kept.
	$elapsed = isset( $lead['elapsed_ms'] ) ? customer_value_calculator_lead_number( $lead['elapsed_ms'] ) : null;
	if ( ! empty( $lead['website'] ) || null === $elapsed || $elapsed < CUSTOMER_VALUE_CALCULATOR_MIN_FILL_MS ) {
		return new WP_REST_Response( array( 'ok' => true ), 201 );
	}
	if ( ! customer_value_calculator_lead_allowed() ) {
		return customer_value_calculator_refuse( 429, 'Too many requests from this visitor; try again later.' );
	}
	$contact = isset( $lead['contact'] ) && is_array( $lead['contact'] ) ? $lead['contact'] : array();
	$consent = isset( $lead['consent'] ) && is_array( $lead['consent'] ) ? $lead['consent'] : array();
	$name    = customer_value_calculator_lead_text( $contact['name'] ?? '', 100 );
	$given   = isset( $contact['email'] ) && is_string( $contact['email'] ) ? trim( $contact['email'] ) : '';
	$email   = sanitize_email( $given );
	$phone   = customer_value_calculator_lead_text( $contact['phone'] ?? '', 32 );
	if ( '' === $name ) {
		return customer_value_calculator_refuse( 422, 'contact.name: a name is required.' );
	}
	if ( '' !== $given && ( '' === $email || strlen( $email ) > 254 || ! is_email( $email ) ) ) {
		return customer_value_calculator_refuse( 422, 'contact.email: not an email address.' );
	}
	if ( '' !== $phone && ! preg_match( '/^\+?[0-9 ().-]{7,32}$/', $phone ) ) {
		return customer_value_calculator_refuse( 422, 'contact.phone: not a phone number.' );
	}
	if ( '' === $email && '' === $phone ) {
		return customer_value_calculator_refuse( 422, 'contact: an email address or a phone number is required.' );
	}
	// The consent is the text this site shows, in the visitor's language: anything else is
	// not a consent this site asked for.
	$texts    = customer_value_calculator_consent_texts();
	$language = isset( $consent['language'] ) && is_string( $consent['language'] ) && isset( $texts['consent'][ $consent['language'] ] ) ? $consent['language'] : '';
	if ( '' === $language ) {
		return customer_value_calculator_refuse( 422, 'consent.language: he or en.' );
	}
	if ( ! isset( $consent['text'] ) || ! is_string( $consent['text'] ) || trim( $consent['text'] ) !== $texts['consent'][ $language ] ) {
		return customer_value_calculator_refuse( 422, 'consent.text: not the consent this site shows.' );
	}
	$consent_text = $texts['consent'][ $language ];
	$results     = isset( $lead['results'] ) && is_array( $lead['results'] ) ? $lead['results'] : array();
	$scenario    = isset( $lead['scenario'] ) && is_array( $lead['scenario'] ) ? $lead['scenario'] : array();
	$attribution = isset( $lead['attribution'] ) && is_array( $lead['attribution'] ) ? $lead['attribution'] : array();
	$kept_attribution = array();
	foreach ( array( 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'referrer', 'variant' ) as $key ) {
		$kept_attribution[ $key ] = customer_value_calculator_lead_text( $attribution[ $key ] ?? '', 'referrer' === $key ? 400 : 200 );
	}
	$currency = isset( $scenario['currency'] ) && is_string( $scenario['currency'] ) && preg_match( '/^[A-Z]{3}$/', $scenario['currency'] ) ? $scenario['currency'] : '';
	// A link to the calculator's own page only: the admin opens it, and the email carries it.
	$bundle = customer_value_calculator_bundle();
	$link   = isset( $lead['link'] ) && is_string( $lead['link'] ) && '' !== $bundle && 0 === strpos( $lead['link'], $bundle ) ? esc_url_raw( $lead['link'], array( 'http', 'https' ) ) : '';
	global $wpdb;
	// The lead's own id: a copy sent again (after the calculator gave up waiting for this
	// site's answer) is answered as kept, and neither kept nor mailed twice.
	$lead_key = isset( $lead['id'] ) && is_string( $lead['id'] ) && preg_match( '/^[0-9a-f]{16,64}$/', $lead['id'] ) ? $lead['id'] : '';
	if ( '' !== $lead_key ) {
		$table = customer_value_calculator_leads_table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table; the value is prepared.
		if ( null !== $wpdb->get_var( $wpdb->prepare( "SELECT id FROM $table WHERE lead_key = %s LIMIT 1", $lead_key ) ) ) {
			return new WP_REST_Response( array( 'ok' => true ), 201 );
		}
	}
	$row = array(
		'created_at'       => current_time( 'mysql', true ),
		'name'             => $name,
		'email'            => $email,
		'phone'            => $phone,
		'message'          => customer_value_calculator_lead_text( $contact['message'] ?? '', 2000, true ),
		'consent_text'     => $consent_text,
		'consent_language' => $language,
		// When this site received it, by its own clock.
		'consent_at'       => gmdate( 'Y-m-d\\TH:i:s\\Z' ),
		'consent_page'     => isset( $consent['page'] ) && is_string( $consent['page'] ) ? esc_url_raw( strtok( $consent['page'], '?#' ), array( 'http', 'https' ) ) : '',
		'marketing'        => isset( $consent['marketing'] ) && true === $consent['marketing'] ? 1 : 0,
		'marketing_text'   => $texts['marketing'][ $language ],
		'currency'         => $currency,
		'yearly_cost'      => customer_value_calculator_lead_number( $results['yearly_cost_of_poor_service'] ?? null ),
		'npv_gain'         => customer_value_calculator_lead_number( $results['npv_gain'] ?? null ),
		'scenario'         => wp_json_encode( $scenario ),
		'results'          => wp_json_encode( $results ),
		'link'             => $link,
		'attribution'      => wp_json_encode( $kept_attribution ),
		'variant'          => mb_substr( $kept_attribution['variant'], 0, 40 ),
		'mail_status'      => 'pending',
		'mail_error'       => '',
		'lead_key'         => $lead_key,
	);
	if ( ! customer_value_calculator_lead_reserve() ) {
		return customer_value_calculator_refuse( 429, 'Too many requests from this visitor; try again later.' );
	}
	if ( false === $wpdb->insert( customer_value_calculator_leads_table(), $row ) ) {
		customer_value_calculator_lead_release();
		return customer_value_calculator_refuse( 503, 'The lead could not be kept; try again shortly.' );
	}
	$id = (int) $wpdb->insert_id;
	customer_value_calculator_mail_lead( $id, $row, $settings['notify'] );
	// The same answer as a bot gets: it learns nothing, not even how many leads there are.
	return new WP_REST_Response( array( 'ok' => true ), 201 );
}

/**
 * Mails a kept lead to the address the settings name, and records whether it went.
 *
 * @param int    $id     The lead's id.
 * @param array  $row    The lead as kept.
 * @param string $notify The address.
 */
function customer_value_calculator_mail_lead( $id, array $row, $notify ) {
	$failure = '';
	$record  = function ( $error ) use ( &$failure ) {
		$failure = $error instanceof WP_Error ? $error->get_error_message() : 'wp_mail failed';
	};
	add_action( 'wp_mail_failed', $record );
	$subject = sprintf(
		/* translators: %s: the visitor's name. */
		__( 'A new lead from the calculator: %s', 'customer-value-calculator' ),
		$row['name']
	);
	$lines = array(
		__( 'Name', 'customer-value-calculator' ) . ': ' . $row['name'],
		__( 'Email', 'customer-value-calculator' ) . ': ' . $row['email'],
		__( 'Phone', 'customer-value-calculator' ) . ': ' . $row['phone'],
		__( 'Message', 'customer-value-calculator' ) . ': ' . $row['message'],
		__( 'Their scenario', 'customer-value-calculator' ) . ': ' . $row['link'],
		'',
		admin_url( 'admin.php?page=' . CUSTOMER_VALUE_CALCULATOR_LEADS_PAGE . '&lead=' . $id ),
	);
	$sent = wp_mail( $notify, $subject, implode( "\n", $lines ) );
	remove_action( 'wp_mail_failed', $record );
	global $wpdb;
	$wpdb->update(
		customer_value_calculator_leads_table(),
		array(
			'mail_status' => $sent ? 'sent' : 'failed',
			'mail_error'  => $sent ? '' : ( '' !== $failure ? $failure : 'wp_mail failed' ),
		),
		array( 'id' => $id )
	);
}

/**
 * `GET /leads`, for those who manage options: the latest leads, newest first.
 *
 * @return WP_REST_Response
 */
function customer_value_calculator_list_leads() {
	global $wpdb;
	$table = customer_value_calculator_leads_table();
	$rows  = $wpdb->get_results( "SELECT id, created_at, name, email, phone, currency, yearly_cost, npv_gain, variant, mail_status FROM $table ORDER BY id DESC LIMIT 100", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	return new WP_REST_Response( array( 'leads' => $rows ), 200 );
}

/**
 * Deletes leads older than the kept period (the daily event).
 *
 * @return int How many were deleted.
 */
function customer_value_calculator_prune_leads() {
	global $wpdb;
	$settings = customer_value_calculator_leads_settings();
	$table    = customer_value_calculator_leads_table();
	$before   = gmdate( 'Y-m-d H:i:s', time() - $settings['keep_days'] * DAY_IN_SECONDS );
	return (int) $wpdb->query( $wpdb->prepare( "DELETE FROM $table WHERE created_at < %s", $before ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
}
add_action( CUSTOMER_VALUE_CALCULATOR_PRUNE_HOOK, 'customer_value_calculator_prune_leads' );

/**
 * Schedules the daily clean-up once (init).
 */
function customer_value_calculator_schedule_prune() {
	if ( ! wp_next_scheduled( CUSTOMER_VALUE_CALCULATOR_PRUNE_HOOK ) ) {
		wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', CUSTOMER_VALUE_CALCULATOR_PRUNE_HOOK );
	}
}
add_action( 'init', 'customer_value_calculator_schedule_prune' );

/**
 * WordPress's personal-data exporter: a visitor's leads, by their email address.
 *
 * @param string $email The address.
 * @return array
 */
function customer_value_calculator_export_personal_data( $email ) {
	global $wpdb;
	$table = customer_value_calculator_leads_table();
	$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM $table WHERE email = %s", $email ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	$items = array();
	foreach ( $rows as $row ) {
		$data = array();
		foreach ( array( 'created_at', 'name', 'email', 'phone', 'message', 'consent_text', 'consent_language', 'consent_at', 'consent_page', 'marketing', 'marketing_text', 'currency', 'yearly_cost', 'npv_gain', 'scenario', 'results', 'link', 'attribution', 'variant', 'mail_status' ) as $key ) {
			$data[] = array(
				'name'  => $key,
				'value' => $row[ $key ],
			);
		}
		$items[] = array(
			'group_id'    => 'customer-value-calculator-leads',
			'group_label' => __( 'Calculator leads', 'customer-value-calculator' ),
			'item_id'     => 'lead-' . $row['id'],
			'data'        => $data,
		);
	}
	return array(
		'data' => $items,
		'done' => true,
	);
}

/**
 * WordPress's personal-data eraser: deletes a visitor's leads, by their email address.
 *
 * @param string $email The address.
 * @return array
 */
function customer_value_calculator_erase_personal_data( $email ) {
	global $wpdb;
	$deleted = (int) $wpdb->delete( customer_value_calculator_leads_table(), array( 'email' => $email ) );
	return array(
		'items_removed'  => $deleted > 0,
		'items_retained' => false,
		'messages'       => array(),
		'done'           => true,
	);
}

add_filter(
	'wp_privacy_personal_data_exporters',
	function ( $exporters ) {
		$exporters['customer-value-calculator'] = array(
			'exporter_friendly_name' => __( 'Calculator leads', 'customer-value-calculator' ),
			'callback'               => 'customer_value_calculator_export_personal_data',
		);
		return $exporters;
	}
);
add_filter(
	'wp_privacy_personal_data_erasers',
	function ( $erasers ) {
		$erasers['customer-value-calculator'] = array(
			'eraser_friendly_name' => __( 'Calculator leads', 'customer-value-calculator' ),
			'callback'             => 'customer_value_calculator_erase_personal_data',
		);
		return $erasers;
	}
);

/**
 * A deactivated plugin runs no clean-up: its daily event is removed (the leads stay, as
 * uninstalling keeps them unless the settings ask).
 */
function customer_value_calculator_deactivate_leads() {
	wp_clear_scheduled_hook( CUSTOMER_VALUE_CALCULATOR_PRUNE_HOOK );
}
