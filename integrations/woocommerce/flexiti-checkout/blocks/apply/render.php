<?php
/**
 * The "Flexiti application" block on the storefront (block.json "render").
 *
 * @package FlexitiCheckout
 * @var array<string, mixed> $attributes The block's attributes.
 */

defined( 'ABSPATH' ) || exit;

$flexiti_checkout_html = flexiti_checkout_render_apply(
	array(
		'lang'     => isset( $attributes['lang'] ) ? (string) $attributes['lang'] : '',
		'theme'    => isset( $attributes['theme'] ) ? (string) $attributes['theme'] : 'auto',
		'province' => isset( $attributes['province'] ) ? (string) $attributes['province'] : '',
		'amount'   => isset( $attributes['amount'] ) ? $attributes['amount'] : '',
	)
);
if ( '' !== $flexiti_checkout_html ) {
	// The block supports no colour, typography or spacing, so its wrapper gets classes only.
	echo '<div ' . get_block_wrapper_attributes() . '>' . $flexiti_checkout_html . '</div>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped where built.
}
