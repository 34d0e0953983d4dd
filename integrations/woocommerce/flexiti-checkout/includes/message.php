<?php
/**
 * <flexiti-message>: what a price costs a month with Flexiti, as a block, the [flexiti_message]
 * shortcode, and by itself on product pages (under the price), in the cart and at checkout
 * (under the order total) when Settings → Flexiti says so.
 *
 * The amount is the block's or shortcode's, else the product's price on a product page, else
 * the cart total in the cart and at checkout. Two things move it after the page has loaded,
 * through assets/flexiti-message-wc.js (a script file, nothing inline):
 *
 * - a variable product: WooCommerce triggers found_variation (with the variation's
 *   display_price) and reset_data on form.variations_form; the message of that product follows;
 * - the cart and checkout totals: WooCommerce replaces them after an update and triggers
 *   updated_cart_totals or updated_checkout; the refreshed totals carry the new total in
 *   data-flexiti-cart-total, which the messages that follow the cart take.
 *
 * @package FlexitiCheckout
 */

defined( 'ABSPATH' ) || exit;

// Product pages: right under the price (woocommerce_template_single_price is at priority 10, the
// excerpt at 20). Not the woocommerce_get_price_html filter, which every price on the store goes
// through: shop and category loops, related products, widgets, the mini cart, the admin's list.
add_action( 'woocommerce_single_product_summary', 'flexiti_checkout_message_on_product', 11 );
// The cart totals and the checkout's order review, each a table refreshed by WooCommerce.
add_action( 'woocommerce_cart_totals_after_order_total', 'flexiti_checkout_message_in_cart' );
add_action( 'woocommerce_review_order_after_order_total', 'flexiti_checkout_message_at_checkout' );

/**
 * Registers the message's script module (flexiti-message.js, in the folder of the script URL)
 * and the helper that moves its amount (a classic script: it listens to WooCommerce's jQuery
 * events). Both are enqueued only by a page that shows a message.
 */
function flexiti_checkout_register_message_scripts() {
	$url = flexiti_checkout_message_script_url();
	if ( '' !== $url ) {
		wp_register_script_module( 'flexiti-message', $url, array(), null );
	}
	wp_register_script(
		'flexiti-checkout-message-wc',
		plugins_url( 'assets/flexiti-message-wc.js', FLEXITI_CHECKOUT_FILE ),
		array( 'jquery' ),
		FLEXITI_CHECKOUT_VERSION,
		array(
			'in_footer' => true,
			'strategy'  => 'defer',
		)
	);
}

/**
 * flexiti-message.js beside the script URL's flexiti-checkout.js (one cdn/ folder of a build).
 *
 * @return string
 */
function flexiti_checkout_message_script_url() {
	$script = flexiti_checkout_settings()['script_url'];
	return '' === $script ? '' : (string) preg_replace( '#[^/?\#]*(?:[?\#].*)?$#', 'flexiti-message.js', $script, 1 );
}

/**
 * The handler's base URL: the session URL without its last /session (…/api/flexiti/session →
 * …/api/flexiti). The message asks it for the offers at {endpoint}/offers.
 *
 * @return string
 */
function flexiti_checkout_handler_base() {
	$url = rtrim( (string) preg_replace( '#[?\#].*$#', '', flexiti_checkout_settings()['handler_url'] ), '/' );
	return (string) preg_replace( '#/session$#', '', $url );
}

/**
 * Whether the message can show at all: the handler and script are set and the store sells in
 * Canadian dollars.
 *
 * @return bool
 */
function flexiti_checkout_message_ready() {
	$settings = flexiti_checkout_settings();
	return '' !== $settings['handler_url'] && '' !== $settings['script_url']
		&& function_exists( 'get_woocommerce_currency' ) && 'CAD' === get_woocommerce_currency();
}

/**
 * A positive amount in dollars with two decimals, or "" for anything else.
 *
 * @param mixed $amount A number or numeric text.
 * @return string
 */
function flexiti_checkout_money( $amount ) {
	return is_numeric( $amount ) && (float) $amount > 0 ? wc_format_decimal( $amount, 2 ) : '';
}

/**
 * The cart total as shown (taxes as the store shows them), or "" without a cart.
 *
 * @return string
 */
function flexiti_checkout_cart_total() {
	if ( ! function_exists( 'WC' ) || ! isset( WC()->cart ) || ! is_object( WC()->cart ) ) {
		return '';
	}
	return flexiti_checkout_money( WC()->cart->get_total( 'edit' ) );
}

/**
 * The product of a product page, or null.
 *
 * @return WC_Product|null
 */
function flexiti_checkout_current_product() {
	if ( ! function_exists( 'is_product' ) || ! is_product() ) {
		return null;
	}
	global $product;
	$current = $product instanceof WC_Product ? $product : wc_get_product( get_queried_object_id() );
	return $current instanceof WC_Product ? $current : null;
}

/**
 * The message's amount and what it follows afterwards, or null where there is no amount.
 *
 * @param mixed  $amount  The block's or shortcode's amount; empty for the page's own.
 * @param string $context "cart" in the cart and checkout totals, whatever the page.
 * @return array<string, string>|null Attributes: amount and the data-flexiti-* the helper reads.
 */
function flexiti_checkout_message_amount( $amount, $context = '' ) {
	if ( '' !== flexiti_checkout_money( $amount ) ) {
		return array( 'amount' => flexiti_checkout_money( $amount ) );
	}
	$product = 'cart' === $context ? null : flexiti_checkout_current_product();
	if ( $product ) {
		$price = flexiti_checkout_money( wc_get_price_to_display( $product ) );
		if ( '' === $price ) {
			return null;
		}
		// A variable product's price is its lowest until a variation is chosen.
		return $product->is_type( 'variable' )
			? array(
				'amount'                   => $price,
				'data-flexiti-follow'      => 'variation',
				'data-flexiti-product'     => (string) $product->get_id(),
				'data-flexiti-base-amount' => $price,
			)
			: array( 'amount' => $price );
	}
	$in_cart = 'cart' === $context
		|| ( function_exists( 'is_cart' ) && is_cart() )
		|| ( function_exists( 'is_checkout' ) && is_checkout() );
	$total   = $in_cart ? flexiti_checkout_cart_total() : '';
	return '' === $total ? null : array(
		'amount'              => $total,
		'data-flexiti-follow' => 'cart',
	);
}

/**
 * <flexiti-message> for the amount of the block, the shortcode or the page.
 *
 * @param array{amount?: mixed, lang?: string, theme?: string, context?: string} $options The choices.
 * @return string
 */
function flexiti_checkout_render_message( array $options ) {
	$settings = flexiti_checkout_settings();
	if ( '' === $settings['handler_url'] || '' === $settings['script_url'] ) {
		return flexiti_checkout_manager_note( __( 'Flexiti: set the handler session URL and the script URL in Settings → Flexiti.', 'flexiti-checkout' ) );
	}
	if ( ! flexiti_checkout_message_ready() ) {
		return flexiti_checkout_manager_note( __( 'The Flexiti financing message shows only in a store whose currency is the Canadian dollar.', 'flexiti-checkout' ) );
	}
	$amount = flexiti_checkout_message_amount( isset( $options['amount'] ) ? $options['amount'] : '', isset( $options['context'] ) ? $options['context'] : '' );
	if ( null === $amount ) {
		return flexiti_checkout_manager_note( __( 'The Flexiti financing message needs an amount here. On a product page it takes the price, in the cart and at checkout the cart total.', 'flexiti-checkout' ) );
	}
	wp_enqueue_script_module( 'flexiti-message' );
	if ( isset( $amount['data-flexiti-follow'] ) ) {
		wp_enqueue_script( 'flexiti-checkout-message-wc' );
	}
	return flexiti_checkout_element_html(
		'flexiti-message',
		array_merge(
			array(
				'amount'    => $amount['amount'],
				'endpoint'  => flexiti_checkout_handler_base(),
				'apply-url' => $settings['apply_url'],
				'lang'      => flexiti_checkout_lang( isset( $options['lang'] ) ? $options['lang'] : '' ),
				'theme'     => flexiti_checkout_theme( isset( $options['theme'] ) ? $options['theme'] : 'auto' ),
			),
			$amount
		)
	);
}

/**
 * [flexiti_message amount="1249.99" lang="fr-CA" theme="light"]; without an amount, the product's
 * price on a product page and the cart total in the cart and at checkout.
 *
 * @param array<string, string>|string $atts The shortcode's attributes.
 * @return string
 */
function flexiti_checkout_shortcode_message( $atts ) {
	return flexiti_checkout_shortcode(
		'message',
		array(
			'amount' => '',
			'lang'   => '',
			'theme'  => 'auto',
		),
		$atts,
		'flexiti_checkout_render_message'
	);
}

/**
 * Under a product's price, when Settings → Flexiti says so (woocommerce_single_product_summary).
 */
function flexiti_checkout_message_on_product() {
	if ( '1' !== flexiti_checkout_settings()['message_product'] || ! flexiti_checkout_message_ready() || ! flexiti_checkout_current_product() ) {
		return;
	}
	echo flexiti_checkout_shortcode_message( array() ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped where built.
}

/**
 * Under the cart's order total (woocommerce_cart_totals_after_order_total).
 */
function flexiti_checkout_message_in_cart() {
	flexiti_checkout_message_total_row( 'message_cart' );
}

/**
 * Under the checkout's order total (woocommerce_review_order_after_order_total).
 */
function flexiti_checkout_message_at_checkout() {
	flexiti_checkout_message_total_row( 'message_checkout' );
}

/**
 * A row of the totals table WooCommerce refreshes after an update: it carries the cart total in
 * data-flexiti-cart-total for the messages that follow the cart, and holds the message itself
 * when the setting is on (otherwise the row is hidden).
 *
 * @param string $setting "message_cart" or "message_checkout".
 */
function flexiti_checkout_message_total_row( $setting ) {
	$total = flexiti_checkout_message_ready() ? flexiti_checkout_cart_total() : '';
	if ( '' === $total ) {
		return;
	}
	$message = '1' === flexiti_checkout_settings()[ $setting ]
		? flexiti_checkout_render_message( array( 'context' => 'cart' ) )
		: '';
	printf(
		'<tr class="flexiti-checkout-wc-total" data-flexiti-cart-total="%1$s"%2$s><td colspan="2">%3$s</td></tr>',
		esc_attr( $total ),
		'' === $message ? ' hidden' : '',
		$message // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped where built.
	);
}
