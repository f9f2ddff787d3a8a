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
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $site ) {
		switch_to_blog( $site );
		delete_option( 'customer_value_calculator_bundle' );
		restore_current_blog();
	}
} else {
	delete_option( 'customer_value_calculator_bundle' );
}
