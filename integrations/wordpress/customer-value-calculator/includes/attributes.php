<?php
/**
 * The <customer-value-calculator> element's attributes, as the shortcode and the block
 * name them: the element's own names with underscores, since WordPress lowercases
 * shortcode attributes and block attributes are JavaScript names. This list must equal
 * the element's (cvc_core::codec::attributes::element_attributes, less `data-layer`, which the
 * shortcode calls `events`): crates/core/tests/wordpress.rs fails when they differ.
 *
 * @package CustomerValueCalculator
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Every attribute of the element that carries a value, with underscores.
 *
 * @return string[]
 */
function customer_value_calculator_element_attributes() {
	return array(
		'lang',
		'currency',
		'preset',
		'show',
		'accent',
		'count_after_horizon',
		'monte_carlo_draws',
		'acquisition_cost',
		'lifetime_profit',
		'customer_lifetime_years',
		'new_customers_per_year',
		'current_customers',
		'referrals_per_happy',
		'lost_per_unhappy',
		'unhappy_profit_share',
		'unhappy_share_now',
		'unhappy_share_invest',
		'service_budget_per_year',
		'horizon_years',
		'discount_rate',
		'profit_margin',
		'acquisition_cost_range',
		'acquisition_cost_varies',
		'lifetime_profit_range',
		'lifetime_profit_varies',
		'customer_lifetime_years_range',
		'customer_lifetime_years_varies',
		'new_customers_per_year_range',
		'new_customers_per_year_varies',
		'current_customers_range',
		'current_customers_varies',
		'referrals_per_happy_range',
		'referrals_per_happy_varies',
		'lost_per_unhappy_range',
		'lost_per_unhappy_varies',
		'unhappy_profit_share_range',
		'unhappy_profit_share_varies',
		'unhappy_share_now_range',
		'unhappy_share_now_varies',
		'unhappy_share_invest_range',
		'unhappy_share_invest_varies',
		'service_budget_per_year_range',
		'service_budget_per_year_varies',
		'horizon_years_range',
		'horizon_years_varies',
		'discount_rate_range',
		'discount_rate_varies',
	);
}

/**
 * The `type` of the message the calculator in an iframe posts with its content height
 * (cvc_core::host_events::HEIGHT_MESSAGE; crates/core/tests/wordpress.rs keeps them equal):
 * the block's preview in the editor sizes its frame by it.
 */
const CUSTOMER_VALUE_CALCULATOR_HEIGHT_MESSAGE = 'customer-value:height';

/**
 * What the shortcode and the block accept: the element's attributes, `events` (the
 * element's `data-layer`: the host's analytics hear what was calculated) and `loading`
 * (`lazy`: the calculator starts when scrolled near).
 *
 * @return string[]
 */
function customer_value_calculator_accepted_attributes() {
	return array_merge( customer_value_calculator_element_attributes(), array( 'events', 'loading' ), customer_value_calculator_lead_attributes() );
}

/**
 * Lead capture's attributes, as the shortcode and the block name them: `lead` (the
 * plugin's own store, includes/leads.php), and the element's `lead-form` and `variant`
 * (cvc_core::leads::element_attributes). The element's `lead-endpoint` and consent texts
 * are not taken from a post: an author must not send visitors' contacts elsewhere, and
 * the consent texts are the settings' (crates/core/tests/wordpress.rs keeps this list to
 * the element's).
 *
 * @return string[]
 */
function customer_value_calculator_lead_attributes() {
	return array(
		'lead',
		'lead_form',
		'variant',
	);
}
