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

delete_option( 'customer_value_calculator_bundle' );
delete_site_option( 'customer_value_calculator_bundle' );
