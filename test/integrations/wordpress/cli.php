<?php
/**
 * `php cli.php <wordpress dir> < code.php`: loads WordPress from the command line and runs the PHP
 * on standard input (without its `<?php`), as `wp eval` would. With FLEXITI_WP_INSTALL=1 in the
 * environment it loads WordPress as its installer does, for wp_install().
 *
 * @package FlexitiCheckoutTests
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
if ( getenv( 'FLEXITI_WP_INSTALL' ) ) {
	define( 'WP_INSTALLING', true );
}
require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
eval( preg_replace( '/^<\?php\s*/', '', stream_get_contents( STDIN ) ) ); // phpcs:ignore Squiz.PHP.Eval.Discouraged -- the test's own code.
