/**
 * The "Flexiti financing message" block in the editor: a placeholder and the block's settings.
 * The storefront markup comes from render.php, which takes the product's price or the cart total
 * when no amount is set. Plain JavaScript on the wp.* globals, no build step.
 */
( function ( blocks, blockEditor, components, element, i18n ) {
	'use strict';
	var el = element.createElement;
	var __ = i18n.__;

	/** A select of the block's settings panel. */
	function select( props, name, label, options ) {
		return el( components.SelectControl, {
			label: label,
			value: props.attributes[ name ],
			options: options,
			onChange: function ( value ) {
				var change = {};
				change[ name ] = value;
				props.setAttributes( change );
			},
			__nextHasNoMarginBottom: true,
		} );
	}

	blocks.registerBlockType( 'flexiti-checkout/message', {
		edit: function ( props ) {
			var amount = props.attributes.amount;
			var settings = el(
				components.PanelBody,
				{ title: __( 'Display', 'flexiti-checkout' ) },
				el( components.TextControl, {
					label: __( 'Amount (dollars)', 'flexiti-checkout' ),
					help: __( 'Leave empty on a product page for the product\'s price, and in the cart or at checkout for the cart total.', 'flexiti-checkout' ),
					type: 'number',
					min: 0,
					step: 'any',
					value: amount === undefined ? '' : String( amount ),
					onChange: function ( value ) {
						var number = parseFloat( value );
						props.setAttributes( { amount: number > 0 ? number : undefined } );
					},
					__nextHasNoMarginBottom: true,
				} ),
				select( props, 'lang', __( 'Language', 'flexiti-checkout' ), [
					{ value: '', label: __( 'As in Settings → Flexiti', 'flexiti-checkout' ) },
					{ value: 'en-CA', label: __( 'English (Canada)', 'flexiti-checkout' ) },
					{ value: 'fr-CA', label: __( 'French (Canada)', 'flexiti-checkout' ) },
				] ),
				select( props, 'theme', __( 'Colour scheme', 'flexiti-checkout' ), [
					{ value: 'auto', label: __( 'Automatic (the shopper\'s device)', 'flexiti-checkout' ) },
					{ value: 'light', label: __( 'Light', 'flexiti-checkout' ) },
					{ value: 'dark', label: __( 'Dark', 'flexiti-checkout' ) },
				] )
			);
			var placeholder = el( components.Placeholder, {
				icon: 'tag',
				label: __( 'Flexiti financing message', 'flexiti-checkout' ),
				instructions:
					amount === undefined
						? __( 'Shoppers see here what the product\'s price or the cart total costs a month with Flexiti financing.', 'flexiti-checkout' )
						: __( 'Shoppers see here what this amount costs a month with Flexiti financing.', 'flexiti-checkout' ),
			} );
			return el( element.Fragment, null, el( blockEditor.InspectorControls, null, settings ), el( 'div', blockEditor.useBlockProps(), placeholder ) );
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp.blocks, window.wp.blockEditor, window.wp.components, window.wp.element, window.wp.i18n );
