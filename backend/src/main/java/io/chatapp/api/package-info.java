/**
 * The REST API under {@code /api}: posting and reading messages, listing rooms, issuing
 * WebSocket tickets; errors as RFC 9457 problem details that name the offending field.
 */
package io.chatapp.api;
