package io.chatapp.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Drives the chat as its users do and measures it, beside plain Kafka on the same broker. Prints
 * one report line per scenario; exits 1 if a message was lost or misdelivered or a connection
 * refused, 2 on bad arguments.
 */
public final class LoadHarness {

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("chat-load: " + e.getMessage() + "\n" + LoadOptions.usage());
            System.exit(2);
            return;
        }
        System.exit(run(options) ? 0 : 1);
    }

    /** @return whether nothing was lost (or misdelivered) */
    static boolean run(LoadOptions options) throws Exception {
        if (options.scenario().equals("floor")) {
            FloorScenario.Result floor = new FloorScenario(options).run();
            System.out.println(floor.report());
            return floor.sent() == floor.received();
        }
        if (options.scenario().equals("coldstart")) {
            return options.series()
                    ? ColdStartScenario.measureEach(options, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)))
                    : ColdStartScenario.measure(options);
        }
        ChatService chat = new ChatService(options);
        chat.signIn();
        switch (options.scenario()) {
            case "ingest" -> {
                System.out.println(new IngestScenario(options, chat).run().report());
                return true;
            }
            case "edit" -> {
                System.out.println(new EditScenario(options, chat).run().report());
                return true;
            }
            case "fanout" -> {
                FanoutScenario.Result fanout = new FanoutScenario(options, chat).run();
                System.out.println(fanout.report());
                return fanout.traffic().lost() == 0;
            }
            case "rooms" -> {
                RoomsScenario.Result rooms = new RoomsScenario(options, chat).run();
                System.out.println(rooms.report());
                if (options.label() != null) {
                    InstancesWriter.append(options.out(), options.label(), options.rate(), rooms.traffic());
                }
                return rooms.nothingLost();
            }
            case "connections" -> {
                ConnectionsScenario.Result connections = new ConnectionsScenario(options, chat).run();
                System.out.println(connections.report());
                if (options.label() != null) {
                    ConnectionsWriter.append(options.out(), options.label(), connections.steps());
                }
                return connections.held();
            }
            case "soak" -> {
                SoakScenario.Result soak = new SoakScenario(options, chat).run();
                System.out.println(soak.report());
                WindowWriter.SOAK.append(options.out(), soak.label(), soak.windows());
                return soak.nothingLost();
            }
            default -> {
                BenchmarkReport.Outcome report = new BenchmarkReport(options, chat).run();
                new ReportWriter(report, describe(options)).write(options.out());
                System.out.println("[report] written to " + options.out().toAbsolutePath());
                return report.nothingLost();
            }
        }
    }

    /** The machine and the settings of a run, for the report. */
    private static String describe(LoadOptions options) throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal")).findFirst()
                .map(line -> String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .orElse("unknown memory");
        return String.format(Locale.ROOT, """
                Run on %s: %d cores (%s), %s, %s %s, Java %s; the harness on the same machine.
                Against %s, issuer %s, Kafka %s; %d users, %d posters, %d WebSocket clients, %d rooms of %d members (rooms scenario), \
                %d typists, each point %d s after a %d s warm-up.""",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), cpu, memory, System.getProperty("os.name"),
                System.getProperty("os.version"), Runtime.version().feature(),
                options.urls().stream().map(String::valueOf).collect(Collectors.joining(", ")), options.issuer(), options.bootstrapServers(),
                options.users(), options.posters(), options.clients(), options.rooms(), options.roomMembers(),
                options.typists(), options.duration().toSeconds(), options.warmup().toSeconds());
    }
}
