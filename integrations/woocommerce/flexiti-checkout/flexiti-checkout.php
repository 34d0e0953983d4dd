<?php
/**
 * Plugin Name:          Flexiti Checkout
 * Description:          Flexiti consumer financing on WooCommerce: the Flexiti checkout (pay an order), the credit application and a financing message as blocks and shortcodes, talking to your Flexiti merchant handler.
 * Version:              0.1.0
 * Requires at least:    6.5
 * Requires PHP:         7.4
 * Requires Plugins:     woocommerce
 * Author:               flexiti-checkout
 * License:              MIT
 * License URI:          https://opensource.org/licenses/MIT
 * Text Domain:          flexiti-checkout
 * Domain Path:          /languages
 * WC requires at least: 8.2
 *
 * @package FlexitiCheckout
 */

defined( 'ABSPATH' ) || exit;

define( 'FLEXITI_CHECKOUT_VERSION', '0.1.0' );
define( 'FLEXITI_CHECKOUT_FILE', __FILE__ );
define( 'FLEXITI_CHECKOUT_OPTION', 'flexiti_checkout_settings' );

require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/elements.php';
require_once __DIR__ . '/includes/message.php';

add_action( 'init', 'flexiti_checkout_init' );
add_action( 'before_woocommerce_init', 'flexiti_checkout_declare_compatibility' );

/**
 * Translations, the script modules, the shortcodes and the blocks.
 */
function flexiti_checkout_init() {
	load_plugin_textdomain( 'flexiti-checkout', false, dirname( plugin_basename( FLEXITI_CHECKOUT_FILE ) ) . '/languages' );
	flexiti_checkout_register_modules();
	flexiti_checkout_register_message_scripts();
	add_shortcode( 'flexiti_checkout', 'flexiti_checkout_shortcode_checkout' );
	add_shortcode( 'flexiti_apply', 'flexiti_checkout_shortcode_apply' );
	add_shortcode( 'flexiti_message', 'flexiti_checkout_shortcode_message' );
	foreach ( array( 'checkout', 'apply', 'message' ) as $name ) {
		$block_type = register_block_type( __DIR__ . '/blocks/' . $name );
		// The editor scripts' French strings: languages/flexiti-checkout-fr_CA-<md5 of the
		// script's path>.json, built from the .po by scripts/build-wp-translations.mjs.
		foreach ( $block_type ? $block_type->editor_script_handles : array() as $handle ) {
			wp_set_script_translations( $handle, 'flexiti-checkout', plugin_dir_path( FLEXITI_CHECKOUT_FILE ) . 'languages' );
		}
	}
}

/**
 * The plugin reads orders only through WooCommerce's order API, so it works with the
 * high-performance order storage.
 */
function flexiti_checkout_declare_compatibility() {
	if ( class_exists( '\Automattic\WooCommerce\Utilities\FeaturesUtil' ) ) {
		\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'custom_order_tables', FLEXITI_CHECKOUT_FILE, true );
	}
}
