/**
 * Taking in a posted message, the same way for REST and WebSocket: validate it, give it the
 * server's id and timestamp, answer a client retry with the first outcome, and publish it.
 */
package io.chatapp.ingest;
