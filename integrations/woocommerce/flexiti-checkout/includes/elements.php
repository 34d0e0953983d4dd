<?php
/**
 * <flexiti-checkout> and <flexiti-apply> on the storefront: the script modules, the markup the
 * shortcodes and blocks print, and the order being paid.
 *
 * Everything printed is escaped where it is built (esc_attr, esc_url, esc_html). Nothing is
 * inline: the scripts are <script type="module" src> tags and the markup has no style attributes,
 * so the pages keep working under a Content-Security-Policy without 'unsafe-inline'.
 *
 * @package FlexitiCheckout
 */

defined( 'ABSPATH' ) || exit;

add_filter( 'wp_script_attributes', 'flexiti_checkout_script_attributes' );

/**
 * Registers the script-tag bundle (from Settings → Flexiti) and the plugin's small helper as
 * script modules. They are enqueued only by a page that shows an element.
 */
function flexiti_checkout_register_modules() {
	$settings = flexiti_checkout_settings();
	if ( '' !== $settings['script_url'] ) {
		// No version: the URL is the merchant's own file, and an SRI hash is for that exact file.
		wp_register_script_module( 'flexiti-checkout', $settings['script_url'], array(), null );
	}
	$apply = flexiti_checkout_apply_script_url();
	if ( '' !== $apply ) {
		wp_register_script_module( 'flexiti-apply', $apply, array(), null );
	}
	wp_register_script_module(
		'flexiti-checkout-wc',
		plugins_url( 'assets/flexiti-checkout-wc.js', FLEXITI_CHECKOUT_FILE ),
		array(),
		FLEXITI_CHECKOUT_VERSION
	);
}

/**
 * The application page's entry, flexiti-apply.js (<flexiti-apply> with the application's code in
 * the same load), beside the script URL's flexiti-checkout.js (one cdn/ folder of a build). None
 * when an SRI hash is set: the hash is for the checkout's entry alone, so a page with
 * <flexiti-apply> then loads that one, which registers <flexiti-apply> too.
 *
 * @return string
 */
function flexiti_checkout_apply_script_url() {
	$settings = flexiti_checkout_settings();
	if ( '' === $settings['script_url'] || '' !== $settings['integrity'] ) {
		return '';
	}
	return (string) preg_replace( '#[^/?\#]*(?:[?\#].*)?$#', 'flexiti-apply.js', $settings['script_url'], 1 );
}

/**
 * Adds integrity and crossorigin to the bundle's <script type="module"> when an SRI hash is set,
 * and runs the application page's entry async, as soon as it arrives (the element upgrades
 * wherever it is).
 * WordPress prints a script module with the id "{id}-js-module" through wp_print_script_tag(),
 * which applies this filter.
 *
 * @param array<string, string|bool> $attributes The script tag's attributes.
 * @return array<string, string|bool>
 */
function flexiti_checkout_script_attributes( $attributes ) {
	if ( isset( $attributes['id'] ) && 'flexiti-apply-js-module' === $attributes['id'] ) {
		$attributes['async'] = true;
		return $attributes;
	}
	if ( ! isset( $attributes['id'] ) || 'flexiti-checkout-js-module' !== $attributes['id'] ) {
		return $attributes;
	}
	$integrity = flexiti_checkout_settings()['integrity'];
	if ( '' !== $integrity ) {
		$attributes['integrity']   = $integrity;
		$attributes['crossorigin'] = 'anonymous';
	}
	return $attributes;
}

/**
 * The element's language: the block's or shortcode's choice, else the setting, else the site's
 * locale (fr_CA, fr_FR, … → fr-CA; anything else → en-CA).
 *
 * @param string $choice "en-CA", "fr-CA", or anything else for no choice.
 * @return string
 */
function flexiti_checkout_lang( $choice = '' ) {
	$supported = array( 'en-CA', 'fr-CA' );
	if ( in_array( $choice, $supported, true ) ) {
		return $choice;
	}
	$setting = flexiti_checkout_settings()['lang'];
	if ( in_array( $setting, $supported, true ) ) {
		return $setting;
	}
	return 0 === strpos( strtolower( determine_locale() ), 'fr' ) ? 'fr-CA' : 'en-CA';
}

/**
 * The order the shopper is paying on WooCommerce's order-pay page (Checkout → Pay for order),
 * when the order key in the URL matches, the order needs payment in Canadian dollars, and it is
 * the current shopper's (or a guest's) order. Null anywhere else.
 *
 * @return WC_Order|null
 */
function flexiti_checkout_order_being_paid() {
	if ( ! function_exists( 'is_wc_endpoint_url' ) || ! is_wc_endpoint_url( 'order-pay' ) ) {
		return null;
	}
	$order_id = absint( get_query_var( 'order-pay' ) );
	// The order key in the URL is WooCommerce's own authorisation for the order-pay page.
	$key   = isset( $_GET['key'] ) ? sanitize_text_field( wp_unslash( $_GET['key'] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification.Recommended
	$order = $order_id ? wc_get_order( $order_id ) : false;
	if ( ! $order instanceof WC_Order || '' === $key || ! hash_equals( $order->get_order_key(), $key ) ) {
		return null;
	}
	if ( ! $order->needs_payment() || 'CAD' !== $order->get_currency() ) {
		return null;
	}
	$customer = $order->get_customer_id();
	if ( $customer && get_current_user_id() !== $customer ) {
		return null;
	}
	return $order;
}

/**
 * An element with its attributes. Empty values are left out; URLs go through esc_url, the rest
 * through esc_attr.
 *
 * @param string                    $tag        "flexiti-checkout", "flexiti-apply" or "flexiti-message".
 * @param array<string, string|int> $attributes Attribute name => value.
 * @return string
 */
function flexiti_checkout_element_html( $tag, array $attributes ) {
	if ( ! in_array( $tag, array( 'flexiti-checkout', 'flexiti-apply', 'flexiti-message' ), true ) ) {
		return '';
	}
	$urls = array( 'token-url', 'data-flexiti-return-url', 'endpoint', 'apply-url' );
	$html = '<' . $tag;
	foreach ( $attributes as $name => $value ) {
		$value = (string) $value;
		if ( '' === $value || ! preg_match( '/^[a-z][a-z-]*$/', $name ) ) {
			continue;
		}
		$html .= ' ' . $name . '="' . ( in_array( $name, $urls, true ) ? esc_url( $value ) : esc_attr( $value ) ) . '"';
	}
	return $html . '></' . $tag . '>';
}

/**
 * A note for shop managers where an element cannot be shown; nothing for shoppers.
 *
 * @param string $message The note, plain text.
 * @return string
 */
function flexiti_checkout_manager_note( $message ) {
	if ( ! current_user_can( 'manage_woocommerce' ) && ! current_user_can( 'manage_options' ) ) {
		return '';
	}
	return '<p class="flexiti-checkout-note">' . esc_html( $message ) . '</p>';
}

/**
 * The colour scheme of a block or shortcode: auto, light or dark.
 *
 * @param mixed $theme The choice.
 * @return string
 */
function flexiti_checkout_theme( $theme ) {
	return in_array( $theme, array( 'light', 'dark' ), true ) ? $theme : 'auto';
}

/**
 * <flexiti-checkout> for the order being paid. Its token-url is the handler's session URL with
 * the order number and key: the handler's resolveOrder reads the order's total from WooCommerce
 * on the server. The amount attribute is only shown until the session arrives.
 *
 * @param array{lang?: string, theme?: string} $options The block's or shortcode's choices.
 * @return string
 */
function flexiti_checkout_render_checkout( array $options ) {
	$settings = flexiti_checkout_settings();
	if ( '' === $settings['handler_url'] || '' === $settings['script_url'] ) {
		return flexiti_checkout_manager_note( __( 'Flexiti: set the handler session URL and the script URL in Settings → Flexiti.', 'flexiti-checkout' ) );
	}
	$order = flexiti_checkout_order_being_paid();
	if ( ! $order ) {
		return flexiti_checkout_manager_note( __( 'Flexiti checkout appears here on the page where a shopper pays an order in Canadian dollars (Checkout → Pay for order).', 'flexiti-checkout' ) );
	}
	wp_enqueue_script_module( 'flexiti-checkout' );
	wp_enqueue_script_module( 'flexiti-checkout-wc' );
	$token_url = add_query_arg(
		array(
			'order' => $order->get_id(),
			'key'   => rawurlencode( $order->get_order_key() ),
		),
		$settings['handler_url']
	);
	return flexiti_checkout_element_html(
		'flexiti-checkout',
		array(
			'token-url'               => $token_url,
			'amount'                  => wc_format_decimal( $order->get_total(), 2 ),
			'lang'                    => flexiti_checkout_lang( isset( $options['lang'] ) ? $options['lang'] : '' ),
			'theme'                   => flexiti_checkout_theme( isset( $options['theme'] ) ? $options['theme'] : 'auto' ),
			'data-flexiti-return-url' => $order->get_checkout_order_received_url(),
		)
	);
}

/**
 * <flexiti-apply>: the credit application on its own, with no order.
 *
 * @param array{lang?: string, theme?: string, province?: string, amount?: string|int|float} $options The block's or shortcode's choices.
 * @return string
 */
function flexiti_checkout_render_apply( array $options ) {
	$settings = flexiti_checkout_settings();
	if ( '' === $settings['handler_url'] || '' === $settings['script_url'] ) {
		return flexiti_checkout_manager_note( __( 'Flexiti: set the handler session URL and the script URL in Settings → Flexiti.', 'flexiti-checkout' ) );
	}
	wp_enqueue_script_module( '' !== flexiti_checkout_apply_script_url() ? 'flexiti-apply' : 'flexiti-checkout' );
	$province = isset( $options['province'] ) ? strtoupper( (string) $options['province'] ) : '';
	$provinces = array( 'AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT' );
	$amount    = isset( $options['amount'] ) && is_numeric( $options['amount'] ) && (float) $options['amount'] > 0
		? wc_format_decimal( $options['amount'], 2 )
		: '';
	return flexiti_checkout_element_html(
		'flexiti-apply',
		array(
			'token-url' => $settings['handler_url'],
			'lang'      => flexiti_checkout_lang( isset( $options['lang'] ) ? $options['lang'] : '' ),
			'theme'     => flexiti_checkout_theme( isset( $options['theme'] ) ? $options['theme'] : 'auto' ),
			'province'  => in_array( $province, $provinces, true ) ? $province : '',
			'amount'    => $amount,
		)
	);
}

/**
 * [flexiti_checkout lang="fr-CA" theme="light"]
 *
 * @param array<string, string>|string $atts The shortcode's attributes.
 * @return string
 */
function flexiti_checkout_shortcode_checkout( $atts ) {
	return flexiti_checkout_shortcode(
		'checkout',
		array(
			'lang'  => '',
			'theme' => 'auto',
		),
		$atts,
		'flexiti_checkout_render_checkout'
	);
}

/**
 * [flexiti_apply lang="fr-CA" theme="light" province="QC" amount="1500"]
 *
 * @param array<string, string>|string $atts The shortcode's attributes.
 * @return string
 */
function flexiti_checkout_shortcode_apply( $atts ) {
	return flexiti_checkout_shortcode(
		'apply',
		array(
			'lang'     => '',
			'theme'    => 'auto',
			'province' => '',
			'amount'   => '',
		),
		$atts,
		'flexiti_checkout_render_apply'
	);
}

/**
 * A shortcode [flexiti_{$name}]: its attributes with their defaults, rendered, in a wrapper with
 * classes only (or nothing, where the element does not show).
 *
 * @param string                       $name     "checkout", "apply" or "message".
 * @param array<string, string>        $defaults The attributes and their defaults.
 * @param array<string, string>|string $atts     The attributes written.
 * @param callable                     $render   Attributes => the element's HTML.
 * @return string
 */
function flexiti_checkout_shortcode( $name, array $defaults, $atts, $render ) {
	$html = call_user_func( $render, shortcode_atts( $defaults, $atts, 'flexiti_' . $name ) );
	return '' === $html ? '' : '<div class="flexiti-checkout-wc flexiti-checkout-wc--' . esc_attr( $name ) . '">' . $html . '</div>';
}
