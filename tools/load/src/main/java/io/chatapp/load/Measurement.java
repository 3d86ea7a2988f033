package io.chatapp.load;

import java.util.Map;

/**
 * One point of a benchmark report: a scenario at one asked rate.
 *
 * @param scenario {@code floor} (produce to consume), {@code floor-ack} (produce to ack), {@code ingest} (POST),
 *     {@code edit} (PATCH of a stored message by its sender),
 *     {@code fanout} (post to receipt at each client) or {@code rooms} (post to receipt at each client of the room's members)
 * @param askedRate messages a second asked for; 0: as fast as accepted
 * @param clients WebSocket clients receiving (fan-out, rooms), else 0
 * @param messagesPerSecond messages sent (floor) or accepted (ingest, fan-out, rooms), or edits accepted, a second
 * @param deliveriesPerSecond messages received a second, over all clients (fan-out, rooms), else 0
 * @param latency the scenario's latency
 * @param lost sent or accepted but never received
 * @param misdelivered received by a client whose user is not in the message's room
 * @param storedPerSecond messages stored a second, from the first post until the last was in
 *     the history (ingest), else 0
 * @param cpuMillisPerMessage CPU milliseconds per message, by process (empty for the floor)
 */
record Measurement(String scenario, int askedRate, int clients, double messagesPerSecond, double deliveriesPerSecond,
                   Latency latency, long lost, long misdelivered, double storedPerSecond, Map<String, Double> cpuMillisPerMessage) {
}
