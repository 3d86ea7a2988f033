/** MicroProfile Health checks: ready when Kafka and MongoDB answer. */
package io.chatapp.health;
