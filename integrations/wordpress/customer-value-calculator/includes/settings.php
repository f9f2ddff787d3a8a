<?php
/**
 * Settings → Customer Value Calculator: the one setting, the address of the folder that
 * holds the calculator's bundle (embed.js and its files). Only an https address is kept,
 * or http on this computer (for trying a bundle out); anything else is refused with
 * WordPress's settings error, and the previous address stays.
 *
 * @package CustomerValueCalculator
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The option that holds the bundle's address; uninstall.php removes it. */
const CUSTOMER_VALUE_CALCULATOR_OPTION = 'customer_value_calculator_bundle';

/** The settings page's slug, and its settings group. */
const CUSTOMER_VALUE_CALCULATOR_PAGE = 'customer-value-calculator';

/**
 * The bundle's address, ending in a slash, or '' when none is set.
 *
 * @return string
 */
function customer_value_calculator_bundle() {
	$address = get_option( CUSTOMER_VALUE_CALCULATOR_OPTION, '' );
	return is_string( $address ) ? $address : '';
}

/**
 * Whether `$host` names this computer, where plain http is allowed.
 *
 * @param string $host A URL's host.
 * @return bool
 */
function customer_value_calculator_is_local_host( $host ) {
	$host = strtolower( trim( $host, '[]' ) );
	return 'localhost' === $host || '127.0.0.1' === $host || '::1' === $host
		|| substr( $host, -10 ) === '.localhost';
}

/**
 * The address as it will be kept (a folder: ending in a slash), or a WP_Error saying
 * why it is refused. Pure: no option is read or written.
 *
 * @param mixed $address What the administrator typed.
 * @return string|WP_Error
 */
function customer_value_calculator_check_bundle( $address ) {
	$refused = new WP_Error(
		'customer_value_calculator_bundle',
		__( 'The address was not saved: enter the full https:// address of the folder that holds embed.js (http:// only on localhost). The previous address is kept.', 'customer-value-calculator' )
	);
	if ( ! is_string( $address ) ) {
		return $refused;
	}
	$address = trim( $address );
	if ( '' === $address ) {
		return '';
	}
	// Printable ASCII only (a non-ASCII host is written in its xn-- form), and none of the
	// characters a URL never holds as typed: quotes, angle brackets, backslashes, braces.
	if ( preg_match( '/[^\x21-\x7e]|["\'<>\\\\{}|^`]/', $address ) ) {
		return $refused;
	}
	$parts = wp_parse_url( $address );
	if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
		return $refused;
	}
	$scheme = strtolower( $parts['scheme'] );
	$local  = customer_value_calculator_is_local_host( $parts['host'] );
	if ( ! ( 'https' === $scheme || ( 'http' === $scheme && $local ) ) ) {
		return $refused;
	}
	// A folder's address: no user name or password, query or fragment.
	if ( isset( $parts['user'] ) || isset( $parts['pass'] ) || isset( $parts['query'] ) || isset( $parts['fragment'] ) ) {
		return $refused;
	}
	$path = isset( $parts['path'] ) ? $parts['path'] : '/';
	// A consultant may paste the address of embed.js itself: keep its folder.
	if ( '/embed.js' === substr( $path, -9 ) ) {
		$path = substr( $path, 0, -8 );
	}
	if ( '/' !== substr( $path, -1 ) ) {
		$path .= '/';
	}
	if ( ! preg_match( '/^(\[[0-9a-fA-F:]+\]|[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*)$/', $parts['host'] ) ) {
		return $refused;
	}
	if ( isset( $parts['port'] ) && ( $parts['port'] < 1 || $parts['port'] > 65535 ) ) {
		return $refused;
	}
	$port    = isset( $parts['port'] ) ? ':' . (int) $parts['port'] : '';
	$address = $scheme . '://' . $parts['host'] . $port . $path;
	// Kept only as checked: an address WordPress's own cleaning would change is refused.
	return esc_url_raw( $address, array( 'http', 'https' ) ) === $address ? $address : $refused;
}

/**
 * Whether the current user may choose where the calculator's script comes from. That
 * script runs on every page with the calculator, so choosing it is adding script to the
 * site: it takes `unfiltered_html`, and on a network a network administrator's
 * capability (a site administrator there has manage_options but may not add script).
 *
 * @return bool
 */
function customer_value_calculator_can_set_bundle() {
	if ( ! current_user_can( 'manage_options' ) || ! current_user_can( 'unfiltered_html' ) ) {
		return false;
	}
	return ! is_multisite() || current_user_can( 'manage_network_options' );
}

/**
 * The setting's sanitize callback: keeps a good address, refuses anything else with a
 * settings error and keeps the previous value. Someone who may not add script to the site
 * changes nothing.
 *
 * @param mixed $address What the form sent.
 * @return string
 */
function customer_value_calculator_sanitize_bundle( $address ) {
	// The form in wp-admin (options.php) is checked against the user; code that sets the
	// option itself (WP-CLI, a deployment script) is trusted as the site's owner.
	if ( is_admin() && ! customer_value_calculator_can_set_bundle() ) {
		if ( $address !== customer_value_calculator_bundle() ) {
			add_settings_error(
				CUSTOMER_VALUE_CALCULATOR_OPTION,
				'customer_value_calculator_capability',
				__( 'The address was not saved: only someone who may add scripts to this site (on a network, a network administrator) can choose where the calculator’s script comes from. The previous address is kept.', 'customer-value-calculator' ),
				'error'
			);
		}
		return customer_value_calculator_bundle();
	}
	$checked = customer_value_calculator_check_bundle( $address );
	if ( is_wp_error( $checked ) ) {
		add_settings_error( CUSTOMER_VALUE_CALCULATOR_OPTION, $checked->get_error_code(), $checked->get_error_message(), 'error' );
		return customer_value_calculator_bundle();
	}
	return $checked;
}

/**
 * Registers the setting and its field (admin_init).
 */
function customer_value_calculator_register_setting() {
	register_setting(
		CUSTOMER_VALUE_CALCULATOR_PAGE,
		CUSTOMER_VALUE_CALCULATOR_OPTION,
		array(
			'type'              => 'string',
			'default'           => '',
			'sanitize_callback' => 'customer_value_calculator_sanitize_bundle',
			'show_in_rest'      => false,
		)
	);
	add_settings_section(
		'customer_value_calculator_bundle_section',
		'',
		'customer_value_calculator_section_text',
		CUSTOMER_VALUE_CALCULATOR_PAGE
	);
	add_settings_field(
		CUSTOMER_VALUE_CALCULATOR_OPTION,
		__( 'Address of the calculator', 'customer-value-calculator' ),
		'customer_value_calculator_bundle_field',
		CUSTOMER_VALUE_CALCULATOR_PAGE,
		'customer_value_calculator_bundle_section',
		array( 'label_for' => CUSTOMER_VALUE_CALCULATOR_OPTION )
	);
}

/**
 * The line above the field.
 */
function customer_value_calculator_section_text() {
	echo '<p>' . esc_html__( 'The calculator runs from the folder where its files are hosted (the folder that holds embed.js). That host must allow this site to load them, by sending Access-Control-Allow-Origin with this site’s address.', 'customer-value-calculator' ) . '</p>';
}

/**
 * The address field.
 */
function customer_value_calculator_bundle_field() {
	$can_set = customer_value_calculator_can_set_bundle();
	printf(
		'<input type="url" class="regular-text code" id="%1$s" name="%1$s" value="%2$s" placeholder="https://calculator.example.com/" dir="ltr" aria-describedby="%1$s-description"%3$s />',
		esc_attr( CUSTOMER_VALUE_CALCULATOR_OPTION ),
		esc_attr( customer_value_calculator_bundle() ),
		$can_set ? '' : ' readonly'
	);
	echo '<p class="description" id="' . esc_attr( CUSTOMER_VALUE_CALCULATOR_OPTION ) . '-description">';
	if ( $can_set ) {
		echo esc_html__( 'For example https://calculator.example.com/ — an https:// address, or http:// on localhost while you try it out.', 'customer-value-calculator' );
	} else {
		echo esc_html__( 'Only someone who may add scripts to this site (on a network, a network administrator) can change this address.', 'customer-value-calculator' );
	}
	echo '</p>';
}

/**
 * Adds the page under Settings (admin_menu).
 */
function customer_value_calculator_add_settings_page() {
	add_options_page(
		__( 'Customer Value Calculator', 'customer-value-calculator' ),
		__( 'Customer Value Calculator', 'customer-value-calculator' ),
		'manage_options',
		CUSTOMER_VALUE_CALCULATOR_PAGE,
		'customer_value_calculator_settings_page'
	);
}

/**
 * The settings page: the address, and how to use the shortcode and the block.
 */
function customer_value_calculator_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	?>
	<div class="wrap">
		<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
		<form action="options.php" method="post">
			<?php
			settings_fields( CUSTOMER_VALUE_CALCULATOR_PAGE );
			do_settings_sections( CUSTOMER_VALUE_CALCULATOR_PAGE );
			submit_button();
			?>
		</form>
		<h2><?php esc_html_e( 'Putting the calculator on a page', 'customer-value-calculator' ); ?></h2>
		<p><?php esc_html_e( 'Add the “Customer Value Calculator” block, or write the shortcode in a post or page. The calculator’s Embed panel writes the shortcode for the scenario on its screen.', 'customer-value-calculator' ); ?></p>
		<p dir="ltr"><code>[customer_value lang="he" lifetime_profit="45000"]</code></p>
		<p><?php esc_html_e( 'Its settings: lang (he or en), currency, preset, show (full or headline), accent, events (the site’s analytics get the currency, the service budget and the main results), loading="lazy", and any field of the scenario, as in the calculator’s link.', 'customer-value-calculator' ); ?></p>
	</div>
	<?php
}

/**
 * A "Settings" link beside the plugin's name on the Plugins screen.
 *
 * @param string[] $links The row's links.
 * @return string[]
 */
function customer_value_calculator_action_links( $links ) {
	$settings = sprintf(
		'<a href="%s">%s</a>',
		esc_url( admin_url( 'options-general.php?page=' . CUSTOMER_VALUE_CALCULATOR_PAGE ) ),
		esc_html__( 'Settings', 'customer-value-calculator' )
	);
	array_unshift( $links, $settings );
	return $links;
}
