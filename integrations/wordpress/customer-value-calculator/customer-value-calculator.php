<?php
/**
 * Plugin Name:       Customer Value Calculator
 * Plugin URI:        https://github.com/customer-value-calculator/customer-value-calculator
 * Description:       Shows your visitors, in money, what poor customer service costs and what investing in service returns. Adds the [customer_value] shortcode and a block, for authors and editors too, and keeps the leads its visitors send.
 * Version:           1.0.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Customer Value Calculator
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       customer-value-calculator
 * Domain Path:       /languages
 * Update URI:        false
 *
 * @package CustomerValueCalculator
 */

// The plugin prints the calculator's <customer-value-calculator> element (README.md,
// "Embedding") and loads embed.js from the address the administrator sets. Where the
// settings switch leads on, it keeps the leads its calculators' forms send (README.md,
// "Leads"): in its own table, then emailed, with a Leads screen, CSV and privacy tools. The element
// itself reads and checks every value, in the visitor's language; this plugin keeps only
// the element's own attributes, escapes each one, and never prints markup it was given.

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'CUSTOMER_VALUE_CALCULATOR_VERSION', '1.0.0' );
define( 'CUSTOMER_VALUE_CALCULATOR_DIR', plugin_dir_path( __FILE__ ) );
define( 'CUSTOMER_VALUE_CALCULATOR_URL', plugin_dir_url( __FILE__ ) );

require_once CUSTOMER_VALUE_CALCULATOR_DIR . 'includes/attributes.php';
require_once CUSTOMER_VALUE_CALCULATOR_DIR . 'includes/settings.php';
require_once CUSTOMER_VALUE_CALCULATOR_DIR . 'includes/render.php';
require_once CUSTOMER_VALUE_CALCULATOR_DIR . 'includes/block.php';
require_once CUSTOMER_VALUE_CALCULATOR_DIR . 'includes/leads.php';
require_once CUSTOMER_VALUE_CALCULATOR_DIR . 'includes/leads-admin.php';

/**
 * The plugin's own strings, in English and Hebrew (languages/).
 */
function customer_value_calculator_load_textdomain() {
	load_plugin_textdomain( 'customer-value-calculator', false, dirname( plugin_basename( __FILE__ ) ) . '/languages' );
}
add_action( 'init', 'customer_value_calculator_load_textdomain' );

add_action( 'init', 'customer_value_calculator_register_shortcode' );
add_action( 'init', 'customer_value_calculator_register_block' );
add_action( 'admin_init', 'customer_value_calculator_register_setting' );
add_action( 'admin_init', 'customer_value_calculator_register_leads_setting' );
add_action( 'admin_menu', 'customer_value_calculator_add_settings_page' );
add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'customer_value_calculator_action_links' );
register_deactivation_hook( __FILE__, 'customer_value_calculator_deactivate_leads' );

/**
 * Keeps a calculator's container and lead attributes out of the posts of those who may
 * not add script (no unfiltered_html): WordPress keeps `data-*` attributes for them, and a
 * container with its own `data-lead-endpoint` would send visitors' contacts wherever its
 * author chose. The shortcode and the block, which print only what the settings allow,
 * are the way to a calculator for them.
 *
 * @param array $data The post as it will be saved (slashed).
 * @return array
 */
function customer_value_calculator_strip_containers( $data ) {
	if ( current_user_can( 'unfiltered_html' ) || empty( $data['post_content'] ) ) {
		return $data;
	}
	$data['post_content'] = preg_replace(
		'/\s+data-(?:customer-value|lead-[a-z-]+|variant|consent|calculator-page)(?:\s*=\s*(?:\\?"[^"]*\\?"|\\?\'[^\']*\\?\'|[^\s>]+))?(?=[\s\/>])/i',
		'',
		$data['post_content']
	);
	return $data;
}
add_filter( 'wp_insert_post_data', 'customer_value_calculator_strip_containers', 20 );
