<?php
/**
 * Removes what the plugin keeps: its one option, the address of the calculator's files.
 * Posts keep their shortcodes and blocks as written.
 *
 * @package CustomerValueCalculator
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
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
			delete_option( 'customer_value_calculator_bundle' );
			restore_current_blog();
		}
		++$customer_value_calculator_page;
	} while ( count( $customer_value_calculator_sites ) === 100 );
} else {
	delete_option( 'customer_value_calculator_bundle' );
}
