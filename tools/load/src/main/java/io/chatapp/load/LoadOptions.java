package io.chatapp.load;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What to run and against what. Every option has a default for the embedded default
 * ({@code scripts/run.sh}); {@code --url}, {@code --issuer} and {@code --bootstrap-servers}
 * point the harness at a cluster.
 *
 * @param rate messages a second over all posters; 0: as fast as they are accepted
 */
record LoadOptions(String scenario, URI url, URI issuer, String bootstrapServers, int users, int clients,
                   int posters, int rate, Duration duration, String room, long serverPid) {

    static final List<String> SCENARIOS = List.of("ingest", "fanout", "floor", "connections", "all");

    static final String USAGE = """
            usage: chat-load <ingest|fanout|floor|connections|all> [options]
              ingest   posters post as fast as accepted (or at --rate): accepted/s, POST latency
              fanout   --clients WebSocket clients receive --rate messages/s: post-to-receipt latency, lost
              floor    plain Kafka on the same broker at --rate: produce-to-consume latency
              connections  --clients idle WebSockets: whether one instance holds them, its heap (and RSS) per 1000
              all      floor, ingest and fanout in turn, and fan-out's p50 against the floor's
            options (defaults: the embedded default of scripts/run.sh):
              --url URL                 the chat (http://localhost:9080)
              --issuer URL              the OIDC issuer (http://localhost:5556/dex)
              --bootstrap-servers HOSTS Kafka, for the floor (127.0.0.1:9092)
              --users N                 distinct users signed in at the issuer (50)
              --clients N               WebSocket clients for fanout (100)
              --posters N               concurrent posters (8)
              --rate N                  messages a second over all posters; 0 = as fast as accepted (0 for ingest, 100 otherwise)
              --duration ISO-8601       how long each scenario drives load (PT20S)
              --room NAME               the room posted to (load)
              --server-pid PID          the server's process, when it runs here: its RSS for connections
            """;

    static LoadOptions parse(String... args) {
        if (args.length == 0 || !SCENARIOS.contains(args[0])) {
            throw new IllegalArgumentException(args.length == 0 ? "no scenario" : "unknown scenario " + args[0]);
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value at " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        String scenario = args[0];
        LoadOptions options = new LoadOptions(scenario,
                URI.create(values.getOrDefault("url", "http://localhost:9080")),
                URI.create(values.getOrDefault("issuer", "http://localhost:5556/dex")),
                values.getOrDefault("bootstrap-servers", "127.0.0.1:9092"),
                Integer.parseInt(values.getOrDefault("users", "50")),
                Integer.parseInt(values.getOrDefault("clients", "100")),
                Integer.parseInt(values.getOrDefault("posters", "8")),
                Integer.parseInt(values.getOrDefault("rate", scenario.equals("ingest") ? "0" : "100")),
                Duration.parse(values.getOrDefault("duration", "PT20S")),
                values.getOrDefault("room", "load"),
                Long.parseLong(values.getOrDefault("server-pid", "0")));
        values.keySet().removeAll(List.of("url", "issuer", "bootstrap-servers", "users", "clients", "posters", "rate", "duration", "room",
                "server-pid"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + values.keySet().iterator().next());
        }
        if (options.users < 1 || options.posters < 1 || options.clients < 0 || options.rate < 0 || options.duration.isNegative()) {
            throw new IllegalArgumentException("counts must be positive, --rate and --clients at least 0");
        }
        return options;
    }
}
