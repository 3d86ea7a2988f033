package io.chatapp.it;

import io.chatapp.client.ChatClient;
import io.chatapp.client.RecordingSocket;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A WebSocket client of the fault suite's rooms that, like the web app, reconnects after a
 * drop (to the next of its servers) and catches up from history. Keeps apart what came live
 * and what catch-up fetched.
 */
final class ReconnectingListener {

    final String name;
    /** Per room, the ids received live, in the order received. */
    final Map<String, List<String>> received = new LinkedHashMap<>();
    /** Per room, the ids catch-up fetched that had not come live. */
    final Map<String, List<String>> caughtUp = new HashMap<>();
    /** Per room, the last message received before the first drop: catch-up walks back to it. */
    private final Map<String, String> anchors = new HashMap<>();
    private final List<RecordingSocket> connections = new ArrayList<>();
    private final FaultStack stack;
    private final List<URI> servers;
    URI connectedTo;
    int reconnects;

    ReconnectingListener(FaultStack stack, String name, URI... servers) {
        this.stack = stack;
        this.name = name;
        this.servers = List.of(servers);
        connect(this.servers);
    }

    RecordingSocket current() {
        return connections.get(connections.size() - 1);
    }

    private void connect(List<URI> candidates) {
        Instant deadline = Instant.now().plus(SteadyLoad.RETRY_FOR);
        int attempt = 0;
        while (true) {
            ChatClient client = stack.client(candidates.get(attempt % candidates.size()));
            try {
                connections.add(RecordingSocket.open(client, client.ticket(stack.token(name)), client.origin()));
                connectedTo = client.server();
                return;
            } catch (IOException | IllegalStateException e) {
                // Not up yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " could not reconnect");
            }
            attempt++;
            FaultStack.sleep(Duration.ofMillis(500));
        }
    }

    /** Collects what the current connection received, and reconnects if it was dropped. */
    void poll() {
        if (!current().closed()) {
            return;
        }
        leave(current());
        connect(servers);
        catchUp();
    }

    /** Closes the connection and reconnects to the given server, as a client sent there by a load balancer. */
    void moveTo(URI server) {
        RecordingSocket old = current();
        old.close();
        leave(old);
        connect(List.of(server));
        catchUp();
    }

    private void leave(RecordingSocket connection) {
        collect(connection);
        received.forEach((room, ids) -> {
            if (!ids.isEmpty()) {
                anchors.putIfAbsent(room, ids.get(ids.size() - 1));
            }
        });
        reconnects++;
    }

    private void collect(RecordingSocket connection) {
        for (String room : SteadyLoad.ROOMS) {
            received.computeIfAbsent(room, key -> new ArrayList<>()).addAll(connection.messageIdsIn(room));
        }
    }

    /**
     * Fetches history page by page back to the last message received before the drop
     * (or, without one, to any message the client knows), and keeps what it did not know.
     * Messages broadcast while it was away but not stored yet are found by a later
     * catch-up, which walks back to the same point.
     */
    private void catchUp() {
        for (String room : SteadyLoad.ROOMS) {
            Set<String> known = new HashSet<>(received.getOrDefault(room, List.of()));
            known.addAll(caughtUp.getOrDefault(room, List.of()));
            List<String> missed = new ArrayList<>();
            String before = null;
            while (true) {
                JsonObject page = historyPage(room, before);
                List<String> pageIds = page.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                        .map(message -> message.getString("id")).toList();
                missed.addAll(0, pageIds.stream().filter(id -> !known.contains(id)).toList());
                String anchor = anchors.get(room);
                boolean reached = anchor != null ? pageIds.contains(anchor) : pageIds.stream().anyMatch(known::contains);
                if (known.isEmpty() || reached || !page.getBoolean("hasMore")) {
                    break;
                }
                before = pageIds.get(0);
            }
            caughtUp.computeIfAbsent(room, key -> new ArrayList<>()).addAll(missed);
        }
    }

    private JsonObject historyPage(String room, String before) {
        try {
            HttpResponse<String> response = stack.client(connectedTo).history(stack.token(name), room, before, 200);
            return ChatClient.parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Collects the last frames, closes, and catches up once more if it ever reconnected. */
    void finish() {
        collect(current());
        current().close();
        if (reconnects > 0) {
            catchUp();
        }
    }
}
