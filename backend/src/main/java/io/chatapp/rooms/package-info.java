/**
 * Rooms and who may see them: creating rooms, joining and leaving them as events on Kafka, and
 * the one answer to "may this user see this room", which the API, the WebSocket side and
 * delivery all ask. Each instance keeps the rooms it was asked about, kept current by the
 * membership events every instance reads.
 */
package io.chatapp.rooms;
