<?php
/**
 * Removes what the plugin keeps, on every site of a network: the address of the
 * calculator's files and the daily clean-up of leads; and, only where the leads' settings
 * ask for it, the leads themselves (their table, its schema version and the settings).
 * Posts keep their shortcodes and blocks as written.
 *
 * @package CustomerValueCalculator
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

/**
 * Removes the plugin's options from the current site, and its leads if its settings ask.
 */
function customer_value_calculator_uninstall_site() {
	global $wpdb;
	delete_option( 'customer_value_calculator_bundle' );
	wp_clear_scheduled_hook( 'customer_value_calculator_prune_leads' );
	$leads = get_option( 'customer_value_calculator_leads', array() );
	if ( is_array( $leads ) && ! empty( $leads['delete_on_uninstall'] ) ) {
		$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}cvc_leads" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery.SchemaChange
		delete_option( 'customer_value_calculator_leads' );
		delete_option( 'customer_value_calculator_leads_schema' );
	}
}

if ( is_multisite() ) {
	// Every site of the network, a page at a time: get_sites() returns 100 by default.
	$customer_value_calculator_page = 0;
	do {
		$customer_value_calculator_sites = get_sites(
			array(
				'fields' => 'ids',
				'number' => 100,
				'offset' => 100 * $customer_value_calculator_page,
			)
		);
		foreach ( $customer_value_calculator_sites as $customer_value_calculator_site ) {
			switch_to_blog( $customer_value_calculator_site );
			customer_value_calculator_uninstall_site();
			restore_current_blog();
		}
		++$customer_value_calculator_page;
	} while ( count( $customer_value_calculator_sites ) === 100 );
} else {
	customer_value_calculator_uninstall_site();
}
