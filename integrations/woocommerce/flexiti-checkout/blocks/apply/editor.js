/**
 * The "Flexiti application" block in the editor: a placeholder and the block's settings. The
 * storefront markup comes from render.php. Plain JavaScript on the wp.* globals, no build step.
 */
( function ( blocks, blockEditor, components, element, i18n ) {
	'use strict';
	var el = element.createElement;
	var __ = i18n.__;
	var PROVINCES = [ 'AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT' ];

	blocks.registerBlockType( 'flexiti-checkout/apply', {
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
						} ),
						el( components.SelectControl, {
							label: __( 'Province', 'flexiti-checkout' ),
							value: attributes.province,
							options: [ { value: '', label: __( 'Let the shopper choose', 'flexiti-checkout' ) } ].concat(
								PROVINCES.map( function ( code ) {
									return { value: code, label: code };
								} )
							),
							onChange: function ( province ) {
								props.setAttributes( { province: province } );
							},
							__nextHasNoMarginBottom: true,
						} ),
						el( components.TextControl, {
							label: __( 'Amount requested (dollars)', 'flexiti-checkout' ),
							help: __( 'Optional: prefills the amount; the shopper can change it.', 'flexiti-checkout' ),
							type: 'number',
							min: 0,
							step: 'any',
							value: attributes.amount === undefined ? '' : String( attributes.amount ),
							onChange: function ( value ) {
								var amount = parseFloat( value );
								props.setAttributes( { amount: amount > 0 ? amount : undefined } );
							},
							__nextHasNoMarginBottom: true,
						} )
					)
				),
				el(
					'div',
					blockEditor.useBlockProps(),
					el( components.Placeholder, {
						icon: 'id-alt',
						label: __( 'Flexiti application', 'flexiti-checkout' ),
						instructions: __( 'Shoppers apply for Flexiti financing here.', 'flexiti-checkout' ),
					} )
				)
			);
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp.blocks, window.wp.blockEditor, window.wp.components, window.wp.element, window.wp.i18n );
