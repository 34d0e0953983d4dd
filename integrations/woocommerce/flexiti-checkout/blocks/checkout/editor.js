/**
 * The "Flexiti checkout" block in the editor: a placeholder (the element needs an order being
 * paid, which the editor has not) and its two settings. The storefront markup comes from
 * render.php. Plain JavaScript on the wp.* globals, no build step.
 */
( function ( blocks, blockEditor, components, element, i18n ) {
	'use strict';
	var el = element.createElement;
	var __ = i18n.__;

	blocks.registerBlockType( 'flexiti-checkout/checkout', {
		edit: function ( props ) {
			var attributes = props.attributes;
			return el(
				element.Fragment,
				null,
				el(
					blockEditor.InspectorControls,
					null,
					el(
						components.PanelBody,
						{ title: __( 'Display', 'flexiti-checkout' ) },
						el( components.SelectControl, {
							label: __( 'Language', 'flexiti-checkout' ),
							value: attributes.lang,
							options: [
								{ value: '', label: __( 'As in Settings → Flexiti', 'flexiti-checkout' ) },
								{ value: 'en-CA', label: __( 'English (Canada)', 'flexiti-checkout' ) },
								{ value: 'fr-CA', label: __( 'French (Canada)', 'flexiti-checkout' ) },
							],
							onChange: function ( lang ) {
								props.setAttributes( { lang: lang } );
							},
							__nextHasNoMarginBottom: true,
						} ),
						el( components.SelectControl, {
							label: __( 'Colour scheme', 'flexiti-checkout' ),
							value: attributes.theme,
							options: [
								{ value: 'auto', label: __( 'Automatic (the shopper\'s device)', 'flexiti-checkout' ) },
								{ value: 'light', label: __( 'Light', 'flexiti-checkout' ) },
								{ value: 'dark', label: __( 'Dark', 'flexiti-checkout' ) },
							],
							onChange: function ( theme ) {
								props.setAttributes( { theme: theme } );
							},
							__nextHasNoMarginBottom: true,
						} )
					)
				),
				el(
					'div',
					blockEditor.useBlockProps(),
					el( components.Placeholder, {
						icon: 'money-alt',
						label: __( 'Flexiti checkout', 'flexiti-checkout' ),
						instructions: __( 'Shoppers see Flexiti financing for their order here, on the page where they pay an order in Canadian dollars (Checkout → Pay for order).', 'flexiti-checkout' ),
					} )
				)
			);
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp.blocks, window.wp.blockEditor, window.wp.components, window.wp.element, window.wp.i18n );
