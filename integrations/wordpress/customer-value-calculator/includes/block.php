<?php
/**
 * The "Customer Value Calculator" block: block/block.json declares it (its attributes are
 * the shortcode's), block/editor.js draws its settings in the block sidebar with plain
 * wp.element (no build step), and the page gets it rendered on the server through the
 * shortcode's own function, so both print the same element.
 *
 * The bundle's script never runs in wp-admin: whoever sets the bundle's address would
 * otherwise choose script that runs with an administrator's session and REST nonce. The
 * editor's preview is the calculator's own iframe mode instead, from the bundle's origin,
 * sandboxed, and sized by editor.js (not by the bundle's frame.js); when the bundle shares
 * this site's origin, where a frame could reach its parent, the preview is a placeholder.
 *
 * @package CustomerValueCalculator
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The editor script's handle, as block/block.json names it. */
const CUSTOMER_VALUE_CALCULATOR_EDITOR_SCRIPT = 'customer-value-calculator-block-editor';

/**
 * Registers the editor script and the block (init).
 */
function customer_value_calculator_register_block() {
	wp_register_script(
		CUSTOMER_VALUE_CALCULATOR_EDITOR_SCRIPT,
		CUSTOMER_VALUE_CALCULATOR_URL . 'block/editor.js',
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components' ),
		CUSTOMER_VALUE_CALCULATOR_VERSION,
		true
	);
	register_block_type(
		CUSTOMER_VALUE_CALCULATOR_DIR . 'block',
		array( 'render_callback' => 'customer_value_calculator_render_block' )
	);
}

/**
 * The block on the page: the shortcode's element, in the block's wrapper (which carries
 * the theme's alignment classes).
 *
 * @param array $attributes The block's attributes.
 * @return string
 */
function customer_value_calculator_render_block( $attributes ) {
	$calculator = customer_value_calculator_render( is_array( $attributes ) ? $attributes : array() );
	if ( '' === $calculator ) {
		return '';
	}
	return '<div ' . get_block_wrapper_attributes() . '>' . $calculator . '</div>';
}

/**
 * In the editor: the sidebar's words and where its preview comes from. Nothing of the
 * bundle is enqueued here.
 */
function customer_value_calculator_editor_preview() {
	wp_add_inline_script(
		CUSTOMER_VALUE_CALCULATOR_EDITOR_SCRIPT,
		'window.customerValueCalculatorBlock = ' . wp_json_encode( customer_value_calculator_block_words(), JSON_HEX_TAG | JSON_HEX_AMP ) . ';',
		'before'
	);
}
add_action( 'enqueue_block_editor_assets', 'customer_value_calculator_editor_preview' );

/**
 * The origin of an address (scheme, host and port), lowercased, or '' for none.
 *
 * @param string $address An absolute address.
 * @return string
 */
function customer_value_calculator_origin( $address ) {
	$parts = wp_parse_url( $address );
	if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
		return '';
	}
	$scheme = strtolower( $parts['scheme'] );
	$port   = isset( $parts['port'] ) ? (int) $parts['port'] : ( 'https' === $scheme ? 443 : 80 );
	return $scheme . '://' . strtolower( $parts['host'] ) . ':' . $port;
}

/**
 * Where the block's preview in the editor comes from: the bundle's page in its iframe
 * mode, when the bundle is set and on another origin than this site's admin (a frame of
 * the same origin could script the editor around it); '' otherwise.
 *
 * @return string
 */
function customer_value_calculator_preview_address() {
	$bundle = customer_value_calculator_bundle();
	if ( '' === $bundle ) {
		return '';
	}
	$bundle_origin = customer_value_calculator_origin( $bundle );
	foreach ( array( admin_url(), home_url(), site_url() ) as $own ) {
		if ( customer_value_calculator_origin( $own ) === $bundle_origin ) {
			return '';
		}
	}
	return $bundle;
}

/**
 * The words and choices the block's sidebar shows, in the editor's language.
 *
 * @return array
 */
function customer_value_calculator_block_words() {
	return array(
		'settings'     => __( 'Calculator', 'customer-value-calculator' ),
		'scenario'     => __( 'Scenario', 'customer-value-calculator' ),
		'scenarioHelp' => __( 'Leave a field empty for the calculator’s default. Shares are fractions, as in the calculator’s link: 0.25 for 25%.', 'customer-value-calculator' ),
		'link'         => __( 'Scenario from a link', 'customer-value-calculator' ),
		'linkHelp'     => __( 'Paste a link from the calculator’s Share panel: its figures, ranges and language fill the block’s settings.', 'customer-value-calculator' ),
		'linkApplied'  => __( 'The link’s settings were applied.', 'customer-value-calculator' ),
		'linkIgnored'  => __( 'That is not a link from the calculator: nothing was changed.', 'customer-value-calculator' ),
		'lang'         => __( 'Language', 'customer-value-calculator' ),
		'langAuto'     => __( 'The visitor’s browser', 'customer-value-calculator' ),
		'langs'        => array(
			'he' => __( 'Hebrew', 'customer-value-calculator' ),
			'en' => __( 'English', 'customer-value-calculator' ),
		),
		'currency'     => __( 'Currency (ISO code, for example ILS, USD or EUR)', 'customer-value-calculator' ),
		'preset'       => __( 'Start from an example business', 'customer-value-calculator' ),
		'presetNone'   => __( 'None', 'customer-value-calculator' ),
		'presets'      => array(
			'small-service-israel' => __( 'Small service business, Israel (shekels)', 'customer-value-calculator' ),
			'retail-shop'          => __( 'Neighbourhood shop (shekels)', 'customer-value-calculator' ),
			'b2b-services'         => __( 'B2B services firm (US dollars)', 'customer-value-calculator' ),
			'subscription'         => __( 'Subscription business (euros)', 'customer-value-calculator' ),
		),
		'show'         => __( 'What it shows', 'customer-value-calculator' ),
		'shows'        => array(
			'full'     => __( 'Everything: the figures, the answers and the charts', 'customer-value-calculator' ),
			'headline' => __( 'The answers only', 'customer-value-calculator' ),
		),
		'accent'       => __( 'Accent colour (for example #0f766e)', 'customer-value-calculator' ),
		'events'       => __( 'Tell the site’s analytics what was calculated (dataLayer)', 'customer-value-calculator' ),
		'eventsHelp'   => __( 'On each change, dataLayer gets the currency, the yearly service budget, the yearly cost of poor service, the cost of one unhappy customer, the net gain, the return on the budget and the payback month; nothing else the visitor enters goes to dataLayer.', 'customer-value-calculator' ),
		'lazy'         => __( 'Start the calculator only when the visitor scrolls near it', 'customer-value-calculator' ),
		'preview'      => customer_value_calculator_preview_address(),
		'bundleSet'    => '' !== customer_value_calculator_bundle(),
		'height'       => CUSTOMER_VALUE_CALCULATOR_HEIGHT_MESSAGE,
		'frameTitle'   => __( 'Preview of the Customer Value Calculator', 'customer-value-calculator' ),
		'noBundle'     => __( 'The Customer Value Calculator will show here once an administrator sets the address of its files (Settings → Customer Value Calculator). Visitors see nothing meanwhile.', 'customer-value-calculator' ),
		'samePlace'    => __( 'The calculator will show here on the page. It is not previewed in the editor, because its files are on this site’s own address, where a preview could act in the editor.', 'customer-value-calculator' ),
		'fields'       => customer_value_calculator_field_labels(),
		'accepted'     => customer_value_calculator_accepted_attributes(),
		'leadKeys'     => customer_value_calculator_lead_attributes(),
		'leads'        => __( 'Leads', 'customer-value-calculator' ),
		'lead'         => __( 'Show the lead form after the answers', 'customer-value-calculator' ),
		'leadHelp'     => __( 'Visitors who want to be contacted leave their details; each lead is kept under Calculator leads and emailed to you.', 'customer-value-calculator' ),
		'leadsOn'      => customer_value_calculator_leads_settings()['enabled'],
		'leadsOff'     => __( 'Lead capture is off in Settings → Customer Value Calculator: switch it on there first.', 'customer-value-calculator' ),
		'leadForm'     => __( 'Or fill a form of this page (a selector, such as #contact)', 'customer-value-calculator' ),
		'leadFormHelp' => __( 'Its hidden fields get the figures, the link and where the visitor came from (cv_yearly_cost_of_poor_service, cv_link, …).', 'customer-value-calculator' ),
		'variant'      => __( 'Variant', 'customer-value-calculator' ),
		'variantHelp'  => __( 'A name for this set-up, sent with each lead, to compare two set-ups.', 'customer-value-calculator' ),
	);
}

/**
 * Each scenario field's label, as the calculator's form says it.
 *
 * @return array<string,string>
 */
function customer_value_calculator_field_labels() {
	return array(
		'acquisition_cost'        => __( 'Cost to win a new customer', 'customer-value-calculator' ),
		'lifetime_profit'         => __( 'Profit from a well-served customer', 'customer-value-calculator' ),
		'customer_lifetime_years' => __( 'Years a well-served customer stays', 'customer-value-calculator' ),
		'new_customers_per_year'  => __( 'New customers a year from marketing', 'customer-value-calculator' ),
		'current_customers'       => __( 'Customers you have today', 'customer-value-calculator' ),
		'referrals_per_happy'     => __( 'New customers a happy customer brings', 'customer-value-calculator' ),
		'lost_per_unhappy'        => __( 'Potential customers an unhappy customer turns away', 'customer-value-calculator' ),
		'unhappy_profit_share'    => __( 'Share of the profit an unhappy customer still brings', 'customer-value-calculator' ),
		'unhappy_share_now'       => __( 'Customers served badly today', 'customer-value-calculator' ),
		'unhappy_share_invest'    => __( 'Customers served badly after investing', 'customer-value-calculator' ),
		'service_budget_per_year' => __( 'Yearly service budget', 'customer-value-calculator' ),
		'horizon_years'           => __( 'Years to project', 'customer-value-calculator' ),
		'discount_rate'           => __( 'Discount rate', 'customer-value-calculator' ),
		'profit_margin'           => __( 'Profit margin (optional)', 'customer-value-calculator' ),
	);
}
