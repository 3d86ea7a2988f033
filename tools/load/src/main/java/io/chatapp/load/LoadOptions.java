package io.chatapp.load;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * What to run and against what. Every option has a default for the embedded default
 * ({@code scripts/run.sh}); {@code --url}, {@code --issuer} and {@code --bootstrap-servers}
 * point the harness at a cluster.
 *
 * @param urls the chat: one URL, or one per instance when the harness itself spreads the load
 * @param rate messages a second over all posters; 0: as fast as they are accepted
 * @param warmup how long {@code report} drives load before it measures, so that the server's
 *     code is compiled as it is when it has run a while
 * @param rates the message rates {@code report} measures ingest and the floor at
 * @param fanoutRates the message rates {@code report} measures fan-out (and the floor) at
 * @param rooms how many rooms the rooms scenario posts to
 * @param roomMembers members of each of those rooms: distinct users, the first {@code rooms ×
 *     roomMembers} of {@code users}
 * @param roomsRates the message rates {@code report} measures the rooms scenario (and the floor) at
 * @param socketRates the message rates {@code report} measures ingest over WebSockets at: every client's
 *     user in a room of their own, posting with {@code --send-over-socket}
 * @param typists in the rooms scenario, how many of the clients type in their room while it runs
 * @param sendOverSocket in the rooms scenario, post as the web app does, a {@code send} frame on a socket of
 *     the poster answered by {@code ack}, instead of {@code POST /api/messages}
 * @param firstUser the number of the first user signed in: a second harness beside the first
 *     (typists of their own, say) takes users of its own, so that neither shares a room with the other
 * @param pids processes on this machine by name ({@code server} is the chat server's): the CPU
 *     each spends per message, and the server's memory for connections
 * @param out where {@code report} writes its tables and plots, and {@code coldstart} and {@code soak} their windows
 * @param window {@code coldstart} and {@code soak}: the latency is reported for each window of this length
 * @param label {@code coldstart}: names the run in its table and plot ({@code cold}, {@code warm}); {@code rooms} and
 *     {@code connections}: when given, the run's points are appended under it to --out ({@link InstancesWriter},
 *     {@link ConnectionsWriter}), else null
 * @param series {@code coldstart}: one run for each line of standard input, by one harness kept warm from run to run
 */
record LoadOptions(String scenario, List<URI> urls, URI issuer, String bootstrapServers, int users, int clients,
                   int posters, int rate, Duration duration, String room, Duration warmup, List<Integer> rates,
                   List<Integer> fanoutRates, int rooms, int roomMembers, List<Integer> roomsRates, List<Integer> socketRates, int typists, boolean sendOverSocket, int firstUser, Map<String, Long> pids,
                   Path out, Duration window, String label, boolean series) {

    static final List<String> SCENARIOS = List.of("ingest", "edit", "fanout", "rooms", "floor", "connections", "soak", "coldstart", "report");

    @Command(name = "chat-load", usageHelpWidth = 110, sortOptions = false,
            description = "Drives the chat as its users do (defaults: the embedded default of scripts/run.sh).")
    static final class Arguments {

        @Parameters(index = "0", paramLabel = "SCENARIO", description = {
            "ingest       posters post as fast as accepted (or at --rate): accepted/s, POST latency",
            "fanout       --clients WebSocket clients receive --rate messages/s: post-to-receipt latency, lost",
            "rooms        --rooms rooms of --room-members members on --clients WebSockets,",
            "             --rate messages/s over the rooms: post-to-receipt latency at the",
            "             room's members, lost, misdelivered; with --typists, clients typing meanwhile;",
            "             with --label, the point is appended to --out's instances.* under it",
            "floor        plain Kafka on the same broker at --rate: produce-to-consume latency",
            "connections  --clients WebSockets (several a user when more than --users): whether one instance",
            "             holds them, its heap (and RSS) per 1000, and --rate messages/s (default 1) to all of them;",
            "             with --label, its memory at each tenth of them is appended to --out's connections.*",
            "soak         rooms held for a long --duration: latency for each --window, last against second,",
            "             heap after a full collection before and after, dead letters, lost",
            "coldstart    from the moment the server is ready: fanout for --duration, latency for each",
            "             --window, connections the server closed; appended to --out as --label",
            "report       after a warm-up: floor and ingest at each of --rates, ingest as fast",
            "             as accepted, floor and fanout at each of --fanout-rates, floor and",
            "             rooms at each of --rooms-rates, then connections; tables and plots",
            "             into --out"})
        String scenario;

        @Option(names = "--url", paramLabel = "URL[,URL...]", split = ",", defaultValue = "http://localhost:9080",
                description = "the chat (${DEFAULT-VALUE}); several instances' URLs: posts and sockets spread over them in turn")
        List<URI> urls;

        @Option(names = "--issuer", paramLabel = "URL", defaultValue = "http://localhost:5556/dex",
                description = "the OIDC issuer (${DEFAULT-VALUE})")
        URI issuer;

        @Option(names = "--bootstrap-servers", paramLabel = "HOSTS", defaultValue = "127.0.0.1:9092",
                description = "Kafka, for the floor (${DEFAULT-VALUE})")
        String bootstrapServers;

        @Option(names = "--users", paramLabel = "N", defaultValue = "50", description = "distinct users signed in at the issuer (${DEFAULT-VALUE})")
        int users;

        @Option(names = "--clients", paramLabel = "N", defaultValue = "100",
                description = "WebSocket clients for fanout and rooms (${DEFAULT-VALUE})")
        int clients;

        @Option(names = "--posters", paramLabel = "N", defaultValue = "8", description = "concurrent posters (${DEFAULT-VALUE})")
        int posters;

        @Option(names = "--rate", paramLabel = "N",
                description = "messages a second over all posters; 0 = as fast as accepted (0 for ingest, 1 for connections, 100 otherwise)")
        Integer rate;

        @Option(names = "--duration", paramLabel = "ISO-8601", defaultValue = "PT20S",
                description = "how long each scenario drives load (${DEFAULT-VALUE})")
        Duration duration;

        @Option(names = "--room", paramLabel = "NAME", defaultValue = "load", description = "the room posted to (${DEFAULT-VALUE})")
        String room;

        @Option(names = "--warmup", paramLabel = "ISO-8601", defaultValue = "PT20S", description = "load before report measures (${DEFAULT-VALUE})")
        Duration warmup;

        @Option(names = "--rates", paramLabel = "N,N,...", split = ",", defaultValue = "250,500,1000,2000",
                description = "report: ingest and floor rates (${DEFAULT-VALUE})")
        List<Integer> rates;

        @Option(names = "--fanout-rates", paramLabel = "N,N,...", split = ",", defaultValue = "10,25,50,100",
                description = "report: fan-out rates (${DEFAULT-VALUE})")
        List<Integer> fanoutRates;

        @Option(names = "--rooms", paramLabel = "N", defaultValue = "10", description = "rooms: rooms posted to (${DEFAULT-VALUE})")
        int rooms;

        @Option(names = "--room-members", paramLabel = "N", defaultValue = "5",
                description = "rooms: members of each room, distinct users of --users; user i is in room i mod --rooms "
                        + "(${DEFAULT-VALUE})")
        int roomMembers;

        @Option(names = "--rooms-rates", paramLabel = "N,N,...", split = ",", defaultValue = "250,500,1000",
                description = "report: rooms rates (${DEFAULT-VALUE})")
        List<Integer> roomsRates;

        @Option(names = "--socket-rates", paramLabel = "N,N,...", split = ",", defaultValue = "20,100,1000,2000,3000,10000",
                description = "report: WebSocket ingest rates, each client's user posting into a room of their own over its socket "
                        + "(${DEFAULT-VALUE})")
        List<Integer> socketRates;

        @Option(names = "--typists", paramLabel = "N", defaultValue = "0",
                description = "rooms: clients that type in their room meanwhile, each telling it every 2 s as the web app does "
                        + "(${DEFAULT-VALUE})")
        int typists;

        @Option(names = "--send-over-socket",
                description = "rooms: post as the web app does, a send frame on a socket of the poster answered by ack, instead "
                        + "of POST; each poster needs a client (--clients at least --rooms × --room-members)")
        boolean sendOverSocket;

        @Option(names = "--first-user", paramLabel = "N", defaultValue = "0",
                description = "the users are load-N, load-N+1, …: a second harness beside another takes users of its own "
                        + "(${DEFAULT-VALUE})")
        int firstUser;

        @Option(names = "--pids", paramLabel = "NAME=PID", split = ",",
                description = "processes on this machine (server=PID for the chat server): CPU per message, and the server's "
                        + "RSS and a full GC before memory samples")
        Map<String, Long> pids = new LinkedHashMap<>();

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/benchmarks",
                description = "report: where results.csv, results.adoc and the plots go; coldstart and soak: where "
                        + "cold-start.* and soak.* gather their runs (${DEFAULT-VALUE})")
        Path out;

        @Option(names = "--window", paramLabel = "ISO-8601", defaultValue = "PT5S",
                description = "coldstart and soak: the latency is reported for each window this long (${DEFAULT-VALUE})")
        Duration window;

        @Option(names = "--label", paramLabel = "NAME",
                description = "coldstart: the run's name in cold-start.csv and its plot (cold); rooms and connections: when "
                        + "given, the run is appended under it to instances.* or connections.* in --out")
        String label;

        @Option(names = "--series", description = "coldstart: one run for each line of standard input, `LABEL [DURATION [DIR]]` "
                + "(the options' --duration and --out unless given), each against the instance ready next, then a line "
                + "`[coldstart LABEL] done`: the harness stays warm from one run to the next, so that a fresh instance's "
                + "windows measure its cold start, not the harness's")
        boolean series;
    }

    /** The usage text printed on bad arguments. */
    static String usage() {
        return new CommandLine(new Arguments()).getUsageMessage();
    }

    /** @throws IllegalArgumentException for arguments it cannot act on, saying which */
    static LoadOptions parse(String... args) {
        Arguments parsed = new Arguments();
        try {
            new CommandLine(parsed).registerConverter(Integer.class, value -> Integer.valueOf(value.trim()))
                    .registerConverter(Integer.TYPE, value -> Integer.valueOf(value.trim()))
                    .parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!SCENARIOS.contains(parsed.scenario)) {
            throw new IllegalArgumentException("unknown scenario " + parsed.scenario + "; one of " + SCENARIOS);
        }
        int rate = parsed.rate != null ? parsed.rate : switch (parsed.scenario) {
            case "ingest" -> 0;
            case "connections" -> 1;
            default -> 100;
        };
        LoadOptions options = new LoadOptions(parsed.scenario, List.copyOf(parsed.urls), parsed.issuer, parsed.bootstrapServers, parsed.users,
                parsed.clients, parsed.posters, rate, parsed.duration, parsed.room, parsed.warmup, List.copyOf(parsed.rates),
                List.copyOf(parsed.fanoutRates), parsed.rooms, parsed.roomMembers, List.copyOf(parsed.roomsRates), List.copyOf(parsed.socketRates), parsed.typists, parsed.sendOverSocket, parsed.firstUser,
                Collections.unmodifiableMap(new LinkedHashMap<>(parsed.pids)), parsed.out, parsed.window,
                parsed.label == null && parsed.scenario.equals("coldstart") ? "cold" : parsed.label, parsed.series);
        if (options.users < 1 || options.posters < 1 || options.clients < 0 || options.rate < 0 || options.duration.isNegative()
                || options.warmup.isNegative() || options.window.isNegative() || options.window.isZero() || options.rooms < 1 || options.roomMembers < 1 || options.typists < 0
                || options.firstUser < 0
                || Stream.of(options.rates, options.fanoutRates, options.roomsRates, options.socketRates).flatMap(List::stream).anyMatch(each -> each < 1)) {
            throw new IllegalArgumentException("counts and --rates must be positive, --rate, --clients, --typists and --first-user at least 0");
        }
        if (options.typists > options.clients) {
            throw new IllegalArgumentException("the typists are clients: --typists must be at most --clients (" + options.clients + ")");
        }
        boolean runsRooms = List.of("rooms", "soak", "report").contains(options.scenario);
        if (runsRooms && (long) options.rooms * options.roomMembers > options.users) {
            throw new IllegalArgumentException("the rooms' members are distinct users: --users must be at least --rooms × "
                    + "--room-members (" + (long) options.rooms * options.roomMembers + ")");
        }
        if (options.sendOverSocket && (options.rate == 0 || options.clients < (long) options.rooms * options.roomMembers)) {
            throw new IllegalArgumentException("--send-over-socket posts at a --rate from a client of each poster: --rate above 0, "
                    + "--clients at least --rooms × --room-members (" + (long) options.rooms * options.roomMembers + ")");
        }
        return options;
    }

    /** The same run at another rate. */
    LoadOptions withRate(int otherRate) {
        return new LoadOptions(scenario, urls, issuer, bootstrapServers, users, clients, posters, otherRate, duration, room, warmup, rates,
                fanoutRates, rooms, roomMembers, roomsRates, socketRates, typists, sendOverSocket, firstUser, pids, out, window, label, series);
    }

    /** The same run for another duration. */
    LoadOptions withDuration(Duration otherDuration) {
        return new LoadOptions(scenario, urls, issuer, bootstrapServers, users, clients, posters, rate, otherDuration, room, warmup, rates,
                fanoutRates, rooms, roomMembers, roomsRates, socketRates, typists, sendOverSocket, firstUser, pids, out, window, label, series);
    }

    /** The same run with another number of typists. */
    LoadOptions withTypists(int otherTypists) {
        return new LoadOptions(scenario, urls, issuer, bootstrapServers, users, clients, posters, rate, duration, room, warmup, rates,
                fanoutRates, rooms, roomMembers, roomsRates, socketRates, otherTypists, sendOverSocket, firstUser, pids, out, window, label, series);
    }

    /** The rooms scenario as WebSocket ingest: each client's user alone in a room, posting over its socket. */
    LoadOptions asSocketIngest() {
        return new LoadOptions("rooms", urls, issuer, bootstrapServers, users, clients, posters, rate, duration, room, warmup, rates,
                fanoutRates, Math.min(users, clients), 1, roomsRates, socketRates, 0, true, firstUser, pids, out, window, label, series);
    }

    /**
     * The next run of a {@code coldstart --series}.
     *
     * @param line {@code LABEL [DURATION [DIR]]}: the run's label, its ISO-8601 duration, and where its windows go,
     *     the rest of the line
     * @throws IllegalArgumentException if the line is not of that form, saying why
     */
    LoadOptions withRun(String line) {
        String[] fields = line.strip().split("\\s+", 3);
        if (fields[0].isEmpty()) {
            throw new IllegalArgumentException("a run of the series needs a label: LABEL [DURATION [DIR]]");
        }
        Duration runFor = duration;
        if (fields.length > 1) {
            try {
                runFor = Duration.parse(fields[1]);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("the run " + fields[0] + "'s duration is not ISO-8601: " + fields[1], e);
            }
            if (runFor.isNegative() || runFor.isZero()) {
                throw new IllegalArgumentException("the run " + fields[0] + "'s duration must be positive: " + fields[1]);
            }
        }
        Path runOut = fields.length > 2 ? Path.of(fields[2]) : out;
        return new LoadOptions(scenario, urls, issuer, bootstrapServers, users, clients, posters, rate, runFor, room, warmup, rates,
                fanoutRates, rooms, roomMembers, roomsRates, socketRates, typists, sendOverSocket, firstUser, pids, runOut, window,
                fields[0], series);
    }

    /** The chat server's process, if it runs on this machine. */
    OptionalLong serverPid() {
        Long pid = pids.get("server");
        return pid == null ? OptionalLong.empty() : OptionalLong.of(pid);
    }
}
