package io.chatapp.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What to run and against what. Every option has a default for the embedded default
 * ({@code scripts/run.sh}); {@code --url}, {@code --issuer} and {@code --bootstrap-servers}
 * point the harness at a cluster.
 *
 * @param rate messages a second over all posters; 0: as fast as they are accepted
 * @param warmup how long {@code report} drives load before it measures, so that the server's
 *     code is compiled as it is when it has run a while
 * @param rates the message rates {@code report} measures ingest and the floor at
 * @param fanoutRates the message rates {@code report} measures fan-out (and the floor) at
 * @param pids processes on this machine by name ({@code server} is the chat server's): the CPU
 *     each spends per message, and the server's memory for connections
 * @param out where {@code report} writes its tables and plots
 */
record LoadOptions(String scenario, URI url, URI issuer, String bootstrapServers, int users, int clients,
                   int posters, int rate, Duration duration, String room, Duration warmup, List<Integer> rates,
                   List<Integer> fanoutRates, Map<String, Long> pids, Path out) {

    static final List<String> SCENARIOS = List.of("ingest", "fanout", "floor", "connections", "report");

    static final String USAGE = """
            usage: chat-load <ingest|fanout|floor|connections|report> [options]
              ingest   posters post as fast as accepted (or at --rate): accepted/s, POST latency
              fanout   --clients WebSocket clients receive --rate messages/s: post-to-receipt latency, lost
              floor    plain Kafka on the same broker at --rate: produce-to-consume latency
              connections  --clients idle WebSockets: whether one instance holds them, its heap (and RSS) per 1000
              report   after a warm-up: floor and ingest at each of --rates, ingest as fast as accepted, floor
                       and fanout at each of --fanout-rates, then connections; tables and plots into --out
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
              --warmup ISO-8601         load before report measures (PT20S)
              --rates N,N,...           report: ingest and floor rates (250,500,1000,2000)
              --fanout-rates N,N,...    report: fan-out rates (10,25,50,100)
              --pids NAME=PID,...       processes on this machine (server=PID for the chat server): CPU per
                                        message, and the server's RSS and a full GC before memory samples
              --out DIR                 report: where results.csv, results.adoc and the plots go (target/benchmarks)
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
                Duration.parse(values.getOrDefault("warmup", "PT20S")),
                numbers(values.getOrDefault("rates", "250,500,1000,2000")),
                numbers(values.getOrDefault("fanout-rates", "10,25,50,100")),
                pids(values.getOrDefault("pids", "")),
                Path.of(values.getOrDefault("out", "target/benchmarks")));
        values.keySet().removeAll(List.of("url", "issuer", "bootstrap-servers", "users", "clients", "posters", "rate", "duration", "room",
                "warmup", "rates", "fanout-rates", "pids", "out"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + values.keySet().iterator().next());
        }
        if (options.users < 1 || options.posters < 1 || options.clients < 0 || options.rate < 0 || options.duration.isNegative()
                || options.warmup.isNegative() || options.rates.stream().anyMatch(rate -> rate < 1)
                || options.fanoutRates.stream().anyMatch(rate -> rate < 1)) {
            throw new IllegalArgumentException("counts and --rates must be positive, --rate and --clients at least 0");
        }
        return options;
    }

    /** The same run at another rate. */
    LoadOptions withRate(int otherRate) {
        return new LoadOptions(scenario, url, issuer, bootstrapServers, users, clients, posters, otherRate, duration, room, warmup, rates,
                fanoutRates, pids, out);
    }

    /** The same run for another duration. */
    LoadOptions withDuration(Duration otherDuration) {
        return new LoadOptions(scenario, url, issuer, bootstrapServers, users, clients, posters, rate, otherDuration, room, warmup, rates,
                fanoutRates, pids, out);
    }

    /** The chat server's process, if it runs on this machine. */
    OptionalLong serverPid() {
        Long pid = pids.get("server");
        return pid == null ? OptionalLong.empty() : OptionalLong.of(pid);
    }

    private static List<Integer> numbers(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    private static Map<String, Long> pids(String list) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String entry : list.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] nameAndPid = entry.split("=", 2);
            if (nameAndPid.length != 2 || nameAndPid[0].isBlank()) {
                throw new IllegalArgumentException("--pids wants NAME=PID, not " + entry);
            }
            pids.put(nameAndPid[0].trim(), Long.valueOf(nameAndPid[1].trim()));
        }
        return Collections.unmodifiableMap(pids);
    }
}
