<?php
/**
 * Settings → Customer Value Calculator: the address of the folder that holds the
 * calculator's bundle (embed.js and its files), and leads (includes/leads.php): capture on
 * or off, the consent texts in both languages, the address notified, how long leads are
 * kept, and whether uninstalling deletes them. Only an https address of the bundle is
 * kept, or http on this computer (for trying a bundle out); anything else is refused with
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
 * Registers the leads' settings and their fields (admin_init).
 */
function customer_value_calculator_register_leads_setting() {
	register_setting(
		CUSTOMER_VALUE_CALCULATOR_PAGE,
		CUSTOMER_VALUE_CALCULATOR_LEADS_OPTION,
		array(
			'type'              => 'array',
			'default'           => array(),
			'sanitize_callback' => 'customer_value_calculator_sanitize_leads',
			'show_in_rest'      => false,
		)
	);
	add_settings_section(
		'customer_value_calculator_leads_section',
		__( 'Leads', 'customer-value-calculator' ),
		'customer_value_calculator_leads_section_text',
		CUSTOMER_VALUE_CALCULATOR_PAGE
	);
	$fields = array(
		'enabled'             => __( 'Lead capture', 'customer-value-calculator' ),
		'notify'              => __( 'Email each lead to', 'customer-value-calculator' ),
		'consent_he'          => __( 'Consent text in Hebrew', 'customer-value-calculator' ),
		'consent_en'          => __( 'Consent text in English', 'customer-value-calculator' ),
		'marketing_he'        => __( 'Marketing consent in Hebrew', 'customer-value-calculator' ),
		'marketing_en'        => __( 'Marketing consent in English', 'customer-value-calculator' ),
		'keep_days'           => __( 'Keep leads for (days)', 'customer-value-calculator' ),
		'delete_on_uninstall' => __( 'When the plugin is deleted', 'customer-value-calculator' ),
	);
	foreach ( $fields as $key => $label ) {
		add_settings_field(
			'cvc-leads-' . $key,
			$label,
			'customer_value_calculator_leads_field',
			CUSTOMER_VALUE_CALCULATOR_PAGE,
			'customer_value_calculator_leads_section',
			array(
				'key'       => $key,
				'label_for' => 'cvc-leads-' . $key,
			)
		);
	}
}

/**
 * The leads' settings as they will be kept: each field checked on its own; a notify
 * address that is not one keeps the previous. Texts keep no markup.
 *
 * @param mixed $given What the form sent.
 * @return array
 */
function customer_value_calculator_sanitize_leads( $given ) {
	$given    = is_array( $given ) ? $given : array();
	$previous = customer_value_calculator_leads_settings();
	$kept     = array(
		'enabled'             => ! empty( $given['enabled'] ),
		'delete_on_uninstall' => ! empty( $given['delete_on_uninstall'] ),
		'keep_days'           => isset( $given['keep_days'] ) ? max( 1, min( 3650, absint( $given['keep_days'] ) ) ) : $previous['keep_days'],
		'notify'              => $previous['notify'],
	);
	$notify = isset( $given['notify'] ) && is_string( $given['notify'] ) ? sanitize_email( $given['notify'] ) : '';
	if ( '' !== $notify && is_email( $notify ) ) {
		$kept['notify'] = $notify;
	} elseif ( isset( $given['notify'] ) && '' !== trim( (string) $given['notify'] ) ) {
		add_settings_error( CUSTOMER_VALUE_CALCULATOR_LEADS_OPTION, 'customer_value_calculator_notify', __( 'The address to email leads to was not saved: it is not an email address. The previous one is kept.', 'customer-value-calculator' ), 'error' );
	}
	foreach ( CUSTOMER_VALUE_CALCULATOR_CONSENT_TEXTS as $key ) {
		$text         = isset( $given[ $key ] ) && is_string( $given[ $key ] ) ? sanitize_textarea_field( $given[ $key ] ) : '';
		$kept[ $key ] = mb_substr( trim( $text ), 0, 1000 );
	}
	return $kept;
}

/**
 * The line above the leads' fields.
 */
function customer_value_calculator_leads_section_text() {
	echo '<p>' . esc_html__( 'With lead capture on, a calculator whose shortcode has lead="1" (or whose block has leads switched on) shows a short form after its answers. A visitor who wants to be contacted leaves a name, an email address or a phone number and a message, and ticks a consent box. Each lead is kept in this site’s database first and then emailed to you; you find them under Calculator leads. Leave a consent text empty for the calculator’s own wording.', 'customer-value-calculator' ) . '</p>';
}

/**
 * One of the leads' fields.
 *
 * @param array $field The field's key.
 */
function customer_value_calculator_leads_field( array $field ) {
	$settings = customer_value_calculator_leads_settings();
	$key      = $field['key'];
	$name     = CUSTOMER_VALUE_CALCULATOR_LEADS_OPTION . '[' . $key . ']';
	$id       = 'cvc-leads-' . $key;
	switch ( $key ) {
		case 'enabled':
		case 'delete_on_uninstall':
			$label = 'enabled' === $key
				? __( 'Show the lead form where a calculator asks for it', 'customer-value-calculator' )
				: __( 'Delete this site’s leads when the plugin is deleted', 'customer-value-calculator' );
			printf( '<label><input type="checkbox" id="%1$s" name="%2$s" value="1"%3$s /> %4$s</label>', esc_attr( $id ), esc_attr( $name ), checked( $settings[ $key ], true, false ), esc_html( $label ) );
			break;
		case 'notify':
			printf( '<input type="email" class="regular-text" id="%1$s" name="%2$s" value="%3$s" dir="ltr" />', esc_attr( $id ), esc_attr( $name ), esc_attr( $settings['notify'] ) );
			break;
		case 'keep_days':
			printf( '<input type="number" class="small-text" min="1" max="3650" id="%1$s" name="%2$s" value="%3$d" />', esc_attr( $id ), esc_attr( $name ), (int) $settings['keep_days'] );
			echo '<p class="description">' . esc_html__( 'Older leads are deleted once a day.', 'customer-value-calculator' ) . '</p>';
			break;
		default:
			$dir = '_he' === substr( $key, -3 ) ? 'rtl' : 'ltr';
			printf( '<textarea class="large-text" rows="2" id="%1$s" name="%2$s" dir="%3$s" maxlength="1000">%4$s</textarea>', esc_attr( $id ), esc_attr( $name ), esc_attr( $dir ), esc_textarea( $settings[ $key ] ) );
	}
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
		<p><?php esc_html_e( 'For leads: lead="1" shows the lead form and keeps its leads here; lead_form="#contact" instead fills hidden fields of a form of the page (Contact Form 7, WPForms, Elementor) with the figures; variant="B" names the set-up, to compare two.', 'customer-value-calculator' ); ?></p>
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
