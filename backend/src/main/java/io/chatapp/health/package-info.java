/**
 * MicroProfile Health checks: ready when Kafka and MongoDB answer, the broadcast consumer reads
 * every partition and the WebSocket send path was warmed up.
 */
package io.chatapp.health;
