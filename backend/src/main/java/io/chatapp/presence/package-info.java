/**
 * Who is online, across instances: {@link io.chatapp.presence.PresenceBoard} keeps, from the
 * presence signals every instance publishes, which instances each user has a session on, and
 * fires a {@link io.chatapp.presence.PresenceChanged} when a user comes online anywhere or is
 * gone everywhere, including when an instance stops reporting (it died).
 */
package io.chatapp.presence;
