/**
 * What a refused request is told, the same over REST (RFC 9457 problem details), in the
 * container's own error pages and in WebSocket error frames: the problem and the fields at fault.
 */
package io.chatapp.problem;
