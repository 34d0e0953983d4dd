<?php
/**
 * Settings → Flexiti: the handler's session URL, the script's URL, its SRI hash, the language, the
 * apply page and where the financing message shows by itself.
 *
 * Registered with the Settings API: options.php checks the `manage_options` capability and the
 * `flexiti_checkout-options` nonce that settings_fields() prints, then calls the sanitiser below.
 *
 * @package FlexitiCheckout
 */

defined( 'ABSPATH' ) || exit;

add_action( 'admin_init', 'flexiti_checkout_register_settings' );
add_action( 'admin_menu', 'flexiti_checkout_add_settings_page' );
add_filter( 'plugin_action_links_' . plugin_basename( FLEXITI_CHECKOUT_FILE ), 'flexiti_checkout_action_links' );

/**
 * The settings and their defaults. The message_* switches are "1" (on) or "" (off).
 *
 * @return array{handler_url: string, script_url: string, integrity: string, lang: string, apply_url: string, message_product: string, message_cart: string, message_checkout: string}
 */
function flexiti_checkout_defaults() {
	return array(
		'handler_url'      => '',
		'script_url'       => '',
		'integrity'        => '',
		'lang'             => 'auto',
		'apply_url'        => '',
		'message_product'  => '',
		'message_cart'     => '',
		'message_checkout' => '',
	);
}

/**
 * Where the financing message can show by itself: setting => label.
 *
 * @return array<string, string>
 */
function flexiti_checkout_message_places() {
	return array(
		'message_product'  => __( 'On product pages, under the price', 'flexiti-checkout' ),
		'message_cart'     => __( 'In the cart, under the order total', 'flexiti-checkout' ),
		'message_checkout' => __( 'At checkout, under the order total', 'flexiti-checkout' ),
	);
}

/**
 * The saved settings, completed with the defaults.
 *
 * @return array{handler_url: string, script_url: string, integrity: string, lang: string, apply_url: string, message_product: string, message_cart: string, message_checkout: string}
 */
function flexiti_checkout_settings() {
	$saved = get_option( FLEXITI_CHECKOUT_OPTION, array() );
	$saved = is_array( $saved ) ? array_intersect_key( $saved, flexiti_checkout_defaults() ) : array();
	return array_map( 'strval', array_merge( flexiti_checkout_defaults(), $saved ) );
}

/**
 * The languages the elements speak, and "auto" (the site's).
 *
 * @return array<string, string> Value => label.
 */
function flexiti_checkout_languages() {
	return array(
		'auto'  => __( 'The site\'s language', 'flexiti-checkout' ),
		'en-CA' => __( 'English (Canada)', 'flexiti-checkout' ),
		'fr-CA' => __( 'French (Canada)', 'flexiti-checkout' ),
	);
}

/**
 * Registers the option, its section and its fields.
 */
function flexiti_checkout_register_settings() {
	register_setting(
		'flexiti_checkout',
		FLEXITI_CHECKOUT_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'flexiti_checkout_sanitize_settings',
			'default'           => flexiti_checkout_defaults(),
			'show_in_rest'      => false,
		)
	);

	add_settings_section(
		'flexiti_checkout_main',
		__( 'Merchant handler and script', 'flexiti-checkout' ),
		'flexiti_checkout_section_intro',
		'flexiti-checkout'
	);

	$fields = array(
		'handler_url' => array(
			'label'       => __( 'Handler session URL', 'flexiti-checkout' ),
			'type'        => 'url',
			'placeholder' => 'https://pay.example/api/flexiti/session',
			'description' => __( 'The session route of your deployed Flexiti merchant handler. The checkout adds the order number and key to it.', 'flexiti-checkout' ),
		),
		'script_url'  => array(
			'label'       => __( 'Script URL', 'flexiti-checkout' ),
			'type'        => 'url',
			'placeholder' => 'https://cdn.example/flexiti/flexiti-checkout.js',
			'description' => __( 'Your hosted copy of cdn/flexiti-checkout.js. Serve the whole cdn/ folder: the script loads its chunks from beside it.', 'flexiti-checkout' ),
		),
		'integrity'   => array(
			'label'       => __( 'Script integrity (SRI)', 'flexiti-checkout' ),
			'type'        => 'text',
			'placeholder' => 'sha384-…',
			'description' => __( 'Optional. The subresource integrity hash of the script; the browser refuses a script that does not match.', 'flexiti-checkout' ),
		),
	);
	foreach ( $fields as $key => $field ) {
		add_settings_field(
			'flexiti_checkout_' . $key,
			$field['label'],
			'flexiti_checkout_field_text',
			'flexiti-checkout',
			'flexiti_checkout_main',
			array_merge( $field, array( 'key' => $key, 'label_for' => 'flexiti-checkout-' . $key ) )
		);
	}
	add_settings_field(
		'flexiti_checkout_lang',
		__( 'Language', 'flexiti-checkout' ),
		'flexiti_checkout_field_lang',
		'flexiti-checkout',
		'flexiti_checkout_main',
		array( 'label_for' => 'flexiti-checkout-lang' )
	);

	add_settings_section(
		'flexiti_checkout_message',
		__( 'Financing message', 'flexiti-checkout' ),
		'flexiti_checkout_message_section_intro',
		'flexiti-checkout'
	);
	add_settings_field(
		'flexiti_checkout_apply_url',
		__( 'Apply page', 'flexiti-checkout' ),
		'flexiti_checkout_field_text',
		'flexiti-checkout',
		'flexiti_checkout_message',
		array(
			'key'         => 'apply_url',
			'label_for'   => 'flexiti-checkout-apply_url',
			'type'        => 'url',
			'placeholder' => '/apply',
			'description' => __( 'Optional. The page where shoppers apply for Flexiti financing (with the "Flexiti application" block), linked from the message.', 'flexiti-checkout' ),
		)
	);
	add_settings_field(
		'flexiti_checkout_message_places',
		__( 'Show the message', 'flexiti-checkout' ),
		'flexiti_checkout_field_message_places',
		'flexiti-checkout',
		'flexiti_checkout_message'
	);
}

/**
 * Adds Settings → Flexiti.
 */
function flexiti_checkout_add_settings_page() {
	add_options_page(
		__( 'Flexiti', 'flexiti-checkout' ),
		__( 'Flexiti', 'flexiti-checkout' ),
		'manage_options',
		'flexiti-checkout',
		'flexiti_checkout_settings_page'
	);
}

/**
 * A "Settings" link on the Plugins screen.
 *
 * @param string[] $links The plugin's action links.
 * @return string[]
 */
function flexiti_checkout_action_links( $links ) {
	$url = admin_url( 'options-general.php?page=flexiti-checkout' );
	array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'flexiti-checkout' ) . '</a>' );
	return $links;
}

/**
 * The settings page.
 */
function flexiti_checkout_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1>';
	echo '<form action="' . esc_url( admin_url( 'options.php' ) ) . '" method="post">';
	settings_fields( 'flexiti_checkout' );
	do_settings_sections( 'flexiti-checkout' );
	submit_button();
	echo '</form></div>';
}

/**
 * What the section is about.
 */
function flexiti_checkout_section_intro() {
	echo '<p>' . esc_html__( 'The Flexiti elements get their session from your merchant handler, which holds the Flexiti keys and looks the order total up on the server. Show them with the "Flexiti checkout" and "Flexiti application" blocks or the [flexiti_checkout] and [flexiti_apply] shortcodes.', 'flexiti-checkout' ) . '</p>';
}

/**
 * What the message section is about.
 */
function flexiti_checkout_message_section_intro() {
	echo '<p>' . esc_html__( 'The financing message tells shoppers what a price costs a month with Flexiti. It loads flexiti-message.js from the folder of the script URL and asks the handler for the current offers. It shows in Canadian-dollar stores only. Choose below where it shows by itself; elsewhere, place the "Flexiti financing message" block or the [flexiti_message] shortcode.', 'flexiti-checkout' ) . '</p>';
}

/**
 * A URL or text field.
 *
 * @param array{key: string, label_for: string, type: string, placeholder: string, description: string} $args The field.
 */
function flexiti_checkout_field_text( $args ) {
	$settings = flexiti_checkout_settings();
	$value    = $settings[ $args['key'] ];
	printf(
		'<input type="%1$s" id="%2$s" name="%3$s[%4$s]" value="%5$s" placeholder="%6$s" class="regular-text code" aria-describedby="%2$s-description">',
		esc_attr( $args['type'] ),
		esc_attr( $args['label_for'] ),
		esc_attr( FLEXITI_CHECKOUT_OPTION ),
		esc_attr( $args['key'] ),
		'url' === $args['type'] ? esc_url( $value ) : esc_attr( $value ),
		esc_attr( $args['placeholder'] )
	);
	printf( '<p class="description" id="%1$s-description">%2$s</p>', esc_attr( $args['label_for'] ), esc_html( $args['description'] ) );
}

/**
 * The language select.
 *
 * @param array{label_for: string} $args The field.
 */
function flexiti_checkout_field_lang( $args ) {
	$current = flexiti_checkout_settings()['lang'];
	printf( '<select id="%1$s" name="%2$s[lang]" aria-describedby="%1$s-description">', esc_attr( $args['label_for'] ), esc_attr( FLEXITI_CHECKOUT_OPTION ) );
	foreach ( flexiti_checkout_languages() as $value => $label ) {
		printf( '<option value="%1$s"%2$s>%3$s</option>', esc_attr( $value ), selected( $current, $value, false ), esc_html( $label ) );
	}
	echo '</select>';
	printf(
		'<p class="description" id="%1$s-description">%2$s</p>',
		esc_attr( $args['label_for'] ),
		esc_html__( 'The site\'s language means French (Canada) for a French locale and English (Canada) otherwise. A block or shortcode can choose its own.', 'flexiti-checkout' )
	);
}

/**
 * The checkboxes of the places where the message shows by itself.
 */
function flexiti_checkout_field_message_places() {
	$settings = flexiti_checkout_settings();
	echo '<fieldset><legend class="screen-reader-text">' . esc_html__( 'Show the message', 'flexiti-checkout' ) . '</legend>';
	foreach ( flexiti_checkout_message_places() as $key => $label ) {
		printf(
			'<label for="flexiti-checkout-%1$s"><input type="checkbox" id="flexiti-checkout-%1$s" name="%2$s[%1$s]" value="1"%3$s> %4$s</label><br>',
			esc_attr( $key ),
			esc_attr( FLEXITI_CHECKOUT_OPTION ),
			checked( $settings[ $key ], '1', false ),
			esc_html( $label )
		);
	}
	echo '</fieldset>';
}

/**
 * Validates what the settings form sent. A value that does not pass keeps the saved one and
 * explains why.
 *
 * @param mixed $input The submitted option.
 * @return array{handler_url: string, script_url: string, integrity: string, lang: string, apply_url: string, message_product: string, message_cart: string, message_checkout: string}
 */
function flexiti_checkout_sanitize_settings( $input ) {
	$saved  = flexiti_checkout_settings();
	// options.php has already unslashed the submitted values.
	$input  = is_array( $input ) ? $input : array();
	$output = $saved;

	foreach ( array( 'handler_url', 'script_url', 'apply_url' ) as $key ) {
		$raw = isset( $input[ $key ] ) ? trim( (string) $input[ $key ] ) : '';
		$url = flexiti_checkout_sanitize_url( $raw );
		if ( null === $url ) {
			add_settings_error(
				FLEXITI_CHECKOUT_OPTION,
				'flexiti_checkout_' . $key,
				// settings_errors() prints messages as HTML.
				esc_html(
					/* translators: %s: the URL that was entered. */
					sprintf( __( '"%s" is not an https URL or a path starting with "/"; the previous value was kept.', 'flexiti-checkout' ), $raw )
				)
			);
			continue;
		}
		$output[ $key ] = $url;
	}

	$integrity = isset( $input['integrity'] ) ? preg_replace( '/\s+/', ' ', trim( (string) $input['integrity'] ) ) : '';
	if ( '' === $integrity || preg_match( '/^(sha(256|384|512)-[A-Za-z0-9+\/]+={0,2})( sha(256|384|512)-[A-Za-z0-9+\/]+={0,2})*$/', $integrity ) ) {
		$output['integrity'] = $integrity;
	} else {
		add_settings_error(
			FLEXITI_CHECKOUT_OPTION,
			'flexiti_checkout_integrity',
			esc_html__( 'The integrity hash must look like sha384- followed by base64; the previous value was kept.', 'flexiti-checkout' )
		);
	}

	$lang           = isset( $input['lang'] ) ? (string) $input['lang'] : 'auto';
	$output['lang'] = array_key_exists( $lang, flexiti_checkout_languages() ) ? $lang : 'auto';

	foreach ( array_keys( flexiti_checkout_message_places() ) as $key ) {
		$output[ $key ] = empty( $input[ $key ] ) ? '' : '1';
	}

	return $output;
}

/**
 * An https URL (http only for localhost, for development) or a path on this site, cleaned; an
 * empty string for none; null for anything else.
 *
 * @param string $raw What was entered.
 * @return string|null
 */
function flexiti_checkout_sanitize_url( $raw ) {
	if ( '' === $raw ) {
		return '';
	}
	if ( '/' === $raw[0] && ( ! isset( $raw[1] ) || '/' !== $raw[1] ) ) {
		$clean = esc_url_raw( $raw );
		return '' === $clean ? null : $clean;
	}
	$parts = wp_parse_url( $raw );
	if ( ! is_array( $parts ) || empty( $parts['host'] ) || empty( $parts['scheme'] ) ) {
		return null;
	}
	$scheme = strtolower( $parts['scheme'] );
	$local  = in_array( strtolower( $parts['host'] ), array( 'localhost', '127.0.0.1', '[::1]' ), true );
	if ( 'https' !== $scheme && ! ( 'http' === $scheme && $local ) ) {
		return null;
	}
	$clean = esc_url_raw( $raw, array( 'https', 'http' ) );
	return '' === $clean ? null : $clean;
}
