<?php
/**
 * The [customer_value] shortcode and the block's server-side render: both print one
 * <customer-value-calculator> element through customer_value_calculator_render(), and
 * load embed.js once per page as a module script.
 *
 * What an author writes is outside input. Only the element's own attributes are kept
 * (includes/attributes.php), each value is escaped with esc_attr, and nothing from an
 * attribute is printed as markup. Whether a value makes sense (a number in range, a
 * colour) is for the element to say: it reads each one as the calculator reads a link,
 * and names what it ignored in the visitor's language.
 *
 * @package CustomerValueCalculator
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The script handle of embed.js. */
const CUSTOMER_VALUE_CALCULATOR_SCRIPT = 'customer-value-calculator-embed';

/** The longest value kept (in bytes): no value the calculator reads is longer. */
const CUSTOMER_VALUE_CALCULATOR_MAX_VALUE = 200;

/**
 * Registers the shortcode (init).
 */
function customer_value_calculator_register_shortcode() {
	add_shortcode( 'customer_value', 'customer_value_calculator_shortcode' );
}

/**
 * The shortcode's callback.
 *
 * @param array|string $attributes The shortcode's attributes ('' when it has none).
 * @return string
 */
function customer_value_calculator_shortcode( $attributes ) {
	return customer_value_calculator_render( is_array( $attributes ) ? $attributes : array() );
}

/**
 * The element's attributes from a shortcode's or a block's: known names only (WordPress
 * lowercases a shortcode's; `lifetime-profit` is read as `lifetime_profit`), scalar values
 * only, trimmed; an empty value is left out. Pure.
 *
 * @param array $given The attributes as written.
 * @return array<string,string> Attribute name on the element => value.
 */
function customer_value_calculator_element_attributes_from( array $given ) {
	$accepted = customer_value_calculator_accepted_attributes();
	$kept     = array();
	foreach ( $given as $name => $value ) {
		// Names as WordPress gives them: lowercase (a block's attributes are checked against
		// block.json only under their exact names). Values a person writes: text, a whole
		// number or a switch; a float's text would depend on PHP's locale.
		if ( ! is_string( $name ) || strtolower( $name ) !== $name || ! ( is_string( $value ) || is_int( $value ) || is_bool( $value ) ) ) {
			continue;
		}
		$key = str_replace( '-', '_', $name );
		if ( ! in_array( $key, $accepted, true ) || isset( $kept[ $key ] ) ) {
			continue;
		}
		if ( is_bool( $value ) ) {
			$value = $value ? '1' : '';
		}
		$value = trim( (string) $value );
		// Left out rather than cut short: a cut value could mean something else, or end
		// inside a character.
		if ( '' === $value || strlen( $value ) > CUSTOMER_VALUE_CALCULATOR_MAX_VALUE ) {
			continue;
		}
		$kept[ $key ] = $value;
	}
	$element = array();
	foreach ( $kept as $key => $value ) {
		if ( 'events' === $key ) {
			if ( in_array( strtolower( $value ), array( '1', 'true', 'yes', 'on', 'datalayer', 'data-layer', 'data_layer' ), true ) ) {
				$element['data-layer'] = '';
			}
			continue;
		}
		if ( 'loading' === $key ) {
			if ( 'lazy' === strtolower( $value ) ) {
				$element['loading'] = 'lazy';
			}
			continue;
		}
		// The plugin's own lead store: its route and consent texts, where the settings
		// have capture on (customer_value_calculator_element adds them).
		if ( 'lead' === $key ) {
			if ( in_array( strtolower( $value ), array( '1', 'true', 'yes', 'on' ), true ) ) {
				$element['lead'] = '1';
			}
			continue;
		}
		$element[ str_replace( '_', '-', $key ) ] = $value;
	}
	return $element;
}

/**
 * The element for `$given`, every value escaped; with `lead`, the plugin's lead route and
 * the settings' consent texts; inside it, a link to the full calculator.
 *
 * @param array $given The attributes as written.
 * @return string
 */
function customer_value_calculator_element( array $given ) {
	$html       = '<customer-value-calculator';
	$attributes = customer_value_calculator_element_attributes_from( $given );
	if ( isset( $attributes['lead'] ) ) {
		unset( $attributes['lead'] );
		$attributes = array_merge( $attributes, customer_value_calculator_lead_element_attributes() );
	}
	foreach ( $attributes as $name => $value ) {
		// data-layer is a switch: present or absent.
		$html .= 'data-layer' === $name ? ' data-layer' : ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	// Inside, until the calculator draws (and for crawlers and browsers without
	// JavaScript): a link to the same scenario on the calculator's own page.
	$fallback = '';
	$bundle   = customer_value_calculator_bundle();
	if ( '' !== $bundle ) {
		$query = array();
		foreach ( $attributes as $name => $value ) {
			if ( in_array( $name, array( 'data-layer', 'loading', 'variant' ), true ) || 0 === strpos( $name, 'lead-' ) ) {
				continue;
			}
			$query[ str_replace( '-', '_', $name ) ] = $value;
		}
		$link     = $bundle . ( $query ? '?' . http_build_query( $query, '', '&', PHP_QUERY_RFC3986 ) : '' );
		$fallback = '<a href="' . esc_url( $link ) . '">' . esc_html__( 'Open the full calculator', 'customer-value-calculator' ) . '</a>';
	}
	return $html . '>' . $fallback . '</customer-value-calculator>';
}

/**
 * What the shortcode and the block print: the element, with embed.js enqueued; or, with
 * no address set, a note for those who can edit posts and nothing for visitors.
 *
 * @param array $given The attributes as written.
 * @return string
 */
function customer_value_calculator_render( array $given ) {
	$bundle = customer_value_calculator_bundle();
	if ( '' === $bundle ) {
		if ( ! current_user_can( 'edit_posts' ) ) {
			return '';
		}
		$note = esc_html__( 'The Customer Value Calculator will show here once an administrator sets the address of its files (Settings → Customer Value Calculator). Visitors see nothing meanwhile.', 'customer-value-calculator' );
		if ( current_user_can( 'manage_options' ) ) {
			$note .= ' <a href="' . esc_url( admin_url( 'options-general.php?page=' . CUSTOMER_VALUE_CALCULATOR_PAGE ) ) . '">'
				. esc_html__( 'Set the address', 'customer-value-calculator' ) . '</a>';
		}
		return '<p class="customer-value-calculator-note">' . $note . '</p>';
	}
	customer_value_calculator_enqueue( $bundle );
	return customer_value_calculator_element( $given );
}

/**
 * Loads embed.js from the bundle, once per page, as a module script.
 *
 * @param string $bundle The bundle's address, ending in a slash.
 */
function customer_value_calculator_enqueue( $bundle ) {
	$source = $bundle . 'embed.js';
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		// WordPress 6.5 and later print module scripts themselves.
		wp_enqueue_script_module( CUSTOMER_VALUE_CALCULATOR_SCRIPT, $source, array(), null );
		return;
	}
	// No version query: embed.js keeps its name from release to release, and its host
	// serves it with Cache-Control: no-cache.
	wp_enqueue_script( CUSTOMER_VALUE_CALCULATOR_SCRIPT, $source, array(), null, true );
}

/**
 * Prints embed.js as a module script (WordPress before 6.5 has no module API): the tag
 * WordPress wrote, with what other filters added to it, made a module. `$tag` also holds
 * any inline "before" and "after" scripts another plugin added to the handle, so only the
 * tag of embed.js itself is changed, found by the id WordPress gives it. Pure.
 *
 * @param string $tag    The script tags WordPress wrote for the handle.
 * @param string $handle The script's handle.
 * @return string
 */
function customer_value_calculator_module_tag( $tag, $handle ) {
	if ( CUSTOMER_VALUE_CALCULATOR_SCRIPT !== $handle ) {
		return $tag;
	}
	$id = preg_quote( CUSTOMER_VALUE_CALCULATOR_SCRIPT . '-js', '/' );
	return preg_replace_callback(
		'/<script\b[^>]*\bid=(["\'])' . $id . '\1[^>]*>/',
		function ( $match ) {
			$opening = preg_replace( '/\stype=(["\'])text\/javascript\1/', '', $match[0] );
			return preg_replace( '/^<script\b/', '<script type="module"', $opening );
		},
		$tag
	);
}
add_filter( 'script_loader_tag', 'customer_value_calculator_module_tag', 10, 2 );
