<?php
/**
 * The editor script's dependencies (what a build step would generate; this script has none).
 *
 * @package FlexitiCheckout
 */

defined( 'ABSPATH' ) || exit;

return array(
	'dependencies' => array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n' ),
	'version'      => '0.1.0',
);
