<?php
/**
 * The "Flexiti financing message" block on the storefront (block.json "render").
 *
 * @package FlexitiCheckout
 * @var array<string, mixed> $attributes The block's attributes.
 */

defined( 'ABSPATH' ) || exit;

$flexiti_checkout_html = flexiti_checkout_render_message(
	array(
		'amount' => isset( $attributes['amount'] ) ? $attributes['amount'] : '',
		'lang'   => isset( $attributes['lang'] ) ? (string) $attributes['lang'] : '',
		'theme'  => isset( $attributes['theme'] ) ? (string) $attributes['theme'] : 'auto',
	)
);
if ( '' !== $flexiti_checkout_html ) {
	// The block supports no colour, typography or spacing, so its wrapper gets classes only.
	echo '<div ' . get_block_wrapper_attributes() . '>' . $flexiti_checkout_html . '</div>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped where built.
}
