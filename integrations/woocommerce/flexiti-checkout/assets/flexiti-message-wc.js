/**
 * Keeps the amount of <flexiti-message> in step with the page, through WooCommerce's own jQuery
 * events (a classic script that depends on WordPress's jQuery; nothing inline):
 *
 * - a variable product: found_variation on form.variations_form gives the chosen variation's
 *   display_price (the price as the store shows it, taxes included or not); reset_data (choices
 *   cleared) brings back the product's own price, data-flexiti-base-amount. Only the messages of
 *   that form's product (data-product_id) follow it.
 * - the cart and checkout: after updated_cart_totals and updated_checkout, WooCommerce has
 *   replaced the totals; their row carries the new total in data-flexiti-cart-total, which every
 *   message with data-flexiti-follow="cart" takes.
 *
 * The element updates in place when its amount attribute changes.
 */
( function ( $ ) {
	'use strict';
	if ( ! $ ) {
		return;
	}

	/** A positive amount with two decimals, or "" for anything else. */
	function money( value ) {
		var amount = Number( value );
		return value !== null && value !== '' && isFinite( amount ) && amount > 0 ? amount.toFixed( 2 ) : '';
	}

	function setAmount( messages, amount ) {
		if ( ! amount ) {
			return;
		}
		messages.forEach( function ( message ) {
			if ( message.getAttribute( 'amount' ) !== amount ) {
				message.setAttribute( 'amount', amount );
			}
		} );
	}

	function messagesOf( form ) {
		var product = form.getAttribute( 'data-product_id' );
		return Array.prototype.filter.call( document.querySelectorAll( 'flexiti-message[data-flexiti-follow="variation"]' ), function ( message ) {
			return message.getAttribute( 'data-flexiti-product' ) === product;
		} );
	}

	$( document ).on( 'found_variation', 'form.variations_form', function ( event, variation ) {
		setAmount( messagesOf( this ), money( variation && variation.display_price ) );
	} );

	$( document ).on( 'reset_data', 'form.variations_form', function () {
		messagesOf( this ).forEach( function ( message ) {
			setAmount( [ message ], money( message.getAttribute( 'data-flexiti-base-amount' ) ) );
		} );
	} );

	$( document.body ).on( 'updated_cart_totals updated_checkout', function () {
		var totals = document.querySelectorAll( '[data-flexiti-cart-total]' );
		// The newest totals are the last in the page (WooCommerce replaces them in place).
		var total = totals.length ? money( totals[ totals.length - 1 ].getAttribute( 'data-flexiti-cart-total' ) ) : '';
		setAmount( Array.prototype.slice.call( document.querySelectorAll( 'flexiti-message[data-flexiti-follow="cart"]' ) ), total );
	} );
} )( window.jQuery );
