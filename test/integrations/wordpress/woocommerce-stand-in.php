<?php
/**
 * Plugin Name: WooCommerce (test stand-in)
 * Description: NOT WooCommerce. A minimal stand-in, for test/integrations/woocommerce-plugin.test.ts only, for the few WooCommerce functions, classes, hooks and pages that the Flexiti Checkout plugin uses. WooCommerce itself cannot be installed where the tests run; this file sits in wp-content/plugins/woocommerce/ so that WordPress's plugin dependencies ("Requires Plugins: woocommerce") see a WooCommerce.
 * Version: 0.0.0-test
 *
 * What it imitates, and nothing more:
 * - get_woocommerce_currency() (option standin_currency, CAD by default), wc_format_decimal(),
 *   wc_get_price_to_display(), wc_get_product(), is_product(), is_cart(), is_checkout(),
 *   is_wc_endpoint_url(), WC()->cart->get_total( 'edit' ) (option standin_cart_total);
 * - WC_Product: a "product" post with the metas _price and _standin_type (simple or variable);
 * - the places where WooCommerce fires the hooks the plugin uses: a product page's summary
 *   (woocommerce_single_product_summary, the price at priority 10, a variable product's
 *   form.variations_form), the cart totals ([woocommerce_cart]:
 *   woocommerce_cart_totals_after_order_total) and the checkout's order review
 *   ([woocommerce_checkout]: woocommerce_review_order_after_order_total).
 *
 * @package FlexitiCheckoutTests
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'init',
	function () {
		register_post_type(
			'product',
			array(
				'public' => true,
				'label'  => 'Products',
			)
		);
		add_shortcode( 'woocommerce_cart', 'standin_cart_totals' );
		add_shortcode( 'woocommerce_checkout', 'standin_order_review' );
	}
);

/** A product: a "product" post. */
class WC_Product {
	/** @var WP_Post */
	private $post;

	/** @param WP_Post $post The product's post. */
	public function __construct( $post ) {
		$this->post = $post;
	}

	/** @return int */
	public function get_id() {
		return $this->post->ID;
	}

	/** @return string The price, or the lowest of a variable product's variations. */
	public function get_price() {
		return (string) get_post_meta( $this->post->ID, '_price', true );
	}

	/** @param string $type "simple", "variable", … */
	public function is_type( $type ) {
		return ( get_post_meta( $this->post->ID, '_standin_type', true ) ?: 'simple' ) === $type;
	}
}

/** The cart: only its total. */
class Standin_Cart {
	/** @param string $context "edit" for the raw number. */
	public function get_total( $context = 'view' ) {
		return (float) get_option( 'standin_cart_total', 0 );
	}
}

function WC() { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.FunctionNameInvalid
	static $wc = null;
	if ( null === $wc ) {
		$wc       = new stdClass();
		$wc->cart = new Standin_Cart();
	}
	return $wc;
}

function get_woocommerce_currency() {
	return (string) get_option( 'standin_currency', 'CAD' );
}

function wc_format_decimal( $number, $dp = false ) {
	return false === $dp ? (string) $number : number_format( (float) $number, (int) $dp, '.', '' );
}

function wc_get_price_to_display( $product ) {
	return (float) $product->get_price();
}

function wc_get_product( $id ) {
	$post = get_post( $id );
	return $post && 'product' === $post->post_type ? new WC_Product( $post ) : false;
}

function is_product() {
	return is_singular( 'product' );
}

function is_cart() {
	return is_page( (int) get_option( 'woocommerce_cart_page_id' ) );
}

function is_checkout() {
	return is_page( (int) get_option( 'woocommerce_checkout_page_id' ) );
}

function is_wc_endpoint_url( $endpoint = false ) {
	return false;
}

// A product page: the summary WooCommerce's single-product template prints, before the content.
add_filter(
	'the_content',
	function ( $content ) {
		if ( ! is_product() || ! in_the_loop() ) {
			return $content;
		}
		$GLOBALS['product'] = wc_get_product( get_the_ID() );
		ob_start();
		echo '<div class="summary entry-summary">';
		do_action( 'woocommerce_single_product_summary' );
		echo '</div>';
		return ob_get_clean() . $content;
	},
	20
);

add_action(
	'woocommerce_single_product_summary',
	function () {
		global $product;
		echo '<p class="price">$' . esc_html( $product->get_price() ) . '</p>';
	},
	10
);

add_action(
	'woocommerce_single_product_summary',
	function () {
		global $product;
		if ( $product->is_type( 'variable' ) ) {
			echo '<form class="variations_form cart" data-product_id="' . esc_attr( $product->get_id() ) . '"></form>';
		}
	},
	30
);

function standin_total_row() {
	return '<tr class="order-total"><th>Total</th><td>$' . esc_html( WC()->cart->get_total( 'edit' ) ) . '</td></tr>';
}

function standin_cart_totals() {
	ob_start();
	do_action( 'woocommerce_cart_totals_after_order_total' );
	return '<div class="cart_totals"><table class="shop_table">' . standin_total_row() . ob_get_clean() . '</table></div>';
}

function standin_order_review() {
	ob_start();
	do_action( 'woocommerce_review_order_after_order_total' );
	return '<table class="shop_table woocommerce-checkout-review-order-table"><tfoot>' . standin_total_row() . ob_get_clean() . '</tfoot></table>';
}
