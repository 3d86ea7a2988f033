/**
 * Who is calling: the sender taken from a verified token (MicroProfile JWT does the
 * verifying), and the short-lived, single-use tickets that admit a WebSocket handshake
 * without putting a bearer token in a URL.
 */
package io.chatapp.identity;
