package io.chatapp.load;

import java.util.Locale;

/**
 * Drives the chat as its users do and measures it, beside plain Kafka on the same broker. Prints
 * one report line per scenario; exits 1 if a message was lost or a connection refused, 2 on
 * bad arguments.
 */
public final class LoadHarness {

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("chat-load: " + e.getMessage() + "\n" + LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options) ? 0 : 1);
    }

    /** @return whether nothing was lost */
    static boolean run(LoadOptions options) throws Exception {
        boolean nothingLost = true;
        FloorScenario.Result floor = null;
        if (options.scenario().equals("floor") || options.scenario().equals("all")) {
            floor = new FloorScenario(options).run();
            System.out.println(floor.report());
            nothingLost &= floor.sent() == floor.received();
        }
        ChatService chat = null;
        if (!options.scenario().equals("floor")) {
            chat = new ChatService(options);
            chat.signIn();
        }
        if (options.scenario().equals("ingest") || options.scenario().equals("all")) {
            System.out.println(new IngestScenario(options.scenario().equals("all") ? withRate(options, 0) : options, chat).run().report());
        }
        if (options.scenario().equals("fanout") || options.scenario().equals("all")) {
            FanoutScenario.Result fanout = new FanoutScenario(options, chat).run();
            System.out.println(fanout.report());
            nothingLost &= fanout.lost() == 0;
            if (floor != null) {
                System.out.printf(Locale.ROOT, "[ratio] fan-out p50 / floor p50 = %.2f (%.2f ms / %.2f ms)%n",
                        fanout.endToEnd().millisAt(50) / floor.endToEnd().millisAt(50), fanout.endToEnd().millisAt(50),
                        floor.endToEnd().millisAt(50));
            }
        }
        if (options.scenario().equals("connections")) {
            ConnectionsScenario.Result connections = new ConnectionsScenario(options, chat).run();
            System.out.println(connections.report());
            nothingLost &= connections.open() == connections.requested();
        }
        return nothingLost;
    }

    private static LoadOptions withRate(LoadOptions options, int rate) {
        return new LoadOptions(options.scenario(), options.url(), options.issuer(), options.bootstrapServers(), options.users(),
                options.clients(), options.posters(), rate, options.duration(), options.room(), options.serverPid());
    }
}
