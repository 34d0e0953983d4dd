<?php
/**
 * Deleting the plugin (Plugins → Delete) removes its settings, on every site of a network.
 *
 * @package FlexitiCheckout
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $flexiti_checkout_site_id ) {
		switch_to_blog( (int) $flexiti_checkout_site_id );
		delete_option( 'flexiti_checkout_settings' );
		restore_current_blog();
	}
} else {
	delete_option( 'flexiti_checkout_settings' );
}
