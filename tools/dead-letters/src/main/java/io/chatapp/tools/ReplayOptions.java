package io.chatapp.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one run of the replay tool is asked to do, parsed from the command line with picocli
 * (and, for the broker address, the environment, so the same shell that runs the application
 * can run it).
 *
 * @param reason    only dead letters whose {@code dead-letter-reason} contains this text, or null for all
 * @param limit     the most dead letters to replay in this run (skipped ones do not count)
 * @param clientConfig a Kafka client properties file (TLS, SASL) for a secured cluster, or null
 */
record ReplayOptions(String bootstrapServers, String from, String to, String group, String reason,
                     boolean dryRun, long limit, Path clientConfig, boolean help) {

    static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
    static final String DEFAULT_FROM = "chat-messages-dlq";
    static final String DEFAULT_TO = "chat-messages";
    static final String DEFAULT_GROUP = "chatapp-dead-letter-replay";
    static final long NO_LIMIT = Long.MAX_VALUE;

    @Command(name = "replay-dead-letters", usageHelpWidth = 100,
            description = {
                "Re-publishes dead letters (records the chat could never process) from the dead-letter topic to the "
                    + "chat topic, once the cause is fixed. Key, value and the event's headers are copied unchanged; the "
                    + "copy carries the headers replayed-from (<dlq topic>-<partition>@<offset>) and replayed-reason "
                    + "(the original dead-letter-reason) instead of the dead-letter-* headers.",
                "",
                "It reads from where its consumer group stopped last time (the earliest dead letter when the group is "
                    + "new) up to the end of the topic as it was when it started, so it always finishes and never "
                    + "replays in the same run what is dead-lettered again meanwhile.",
                ""},
            footer = {
                "",
                "Offsets are committed only once every copy before them is acknowledged by Kafka (acks=all, "
                    + "idempotent producer); if a copy fails the run stops, commits nothing from that record on, and "
                    + "exits 1, so running it again resumes there. Copies may then reach the topic twice; the chat's "
                    + "consumers keep one per event id. Run one replay per group at a time.",
                "",
                "Exit status: 0 done (also when there was nothing to replay), 1 failed (e.g. Kafka not reachable "
                    + "within 15 s), 2 bad arguments."})
    static final class Arguments {

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
                description = "Kafka (default: $KAFKA_BOOTSTRAP_SERVERS, else "
                        + "$MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_BOOTSTRAP_SERVERS, else " + DEFAULT_BOOTSTRAP + ")")
        String bootstrapServers;

        @Option(names = "--from", paramLabel = "TOPIC", defaultValue = DEFAULT_FROM,
                description = "dead-letter topic to read (default ${DEFAULT-VALUE})")
        String from;

        @Option(names = "--to", paramLabel = "TOPIC", defaultValue = DEFAULT_TO,
                description = "topic to re-publish to (default ${DEFAULT-VALUE})")
        String to;

        @Option(names = "--group", paramLabel = "GROUP", defaultValue = DEFAULT_GROUP,
                description = "consumer group that remembers how far replays got (default ${DEFAULT-VALUE})")
        String group;

        @Option(names = "--reason", paramLabel = "TEXT",
                description = "only replay dead letters whose dead-letter-reason contains TEXT (case-sensitive). The "
                        + "others are reported as \"skipped\" and the group moves past them too: a later run of the "
                        + "same group will not offer them again. To replay them after another fix, run with a new "
                        + "--group, which starts from the earliest dead letter.")
        String reason;

        @Option(names = "--limit", paramLabel = "N",
                description = "replay at most N dead letters, then stop; what follows is left for the next run "
                        + "(skipped ones do not count)")
        Long limit;

        @Option(names = "--dry-run", description = "only list what would be replayed: publishes and commits nothing")
        boolean dryRun;

        @Option(names = "--command-config", paramLabel = "FILE",
                description = "Kafka client properties (security.protocol, ssl.*, sasl.*) for a secured cluster")
        Path clientConfig;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
        boolean help;
    }

    /** The usage text {@code --help} prints. */
    static String usage() {
        return new CommandLine(new Arguments()).getUsageMessage();
    }

    static ReplayOptions parse(List<String> args, Map<String, String> env) throws UsageException {
        Arguments parsed = new Arguments();
        try {
            new CommandLine(parsed).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UsageException(e.getMessage());
        }
        String bootstrap = parsed.bootstrapServers != null ? nonBlank("--bootstrap-servers", parsed.bootstrapServers)
                : firstNonBlank(env.get("KAFKA_BOOTSTRAP_SERVERS"), env.get("MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_BOOTSTRAP_SERVERS"),
                        DEFAULT_BOOTSTRAP);
        String from = nonBlank("--from", parsed.from);
        String to = nonBlank("--to", parsed.to);
        if (from.equals(to)) {
            throw new UsageException("--from and --to are both " + from);
        }
        if (parsed.reason != null && parsed.reason.isBlank()) {
            // An empty --reason would select everything: surely not what was meant.
            throw new UsageException("--reason needs a non-empty value");
        }
        if (parsed.limit != null && parsed.limit <= 0) {
            throw new UsageException("--limit needs a positive whole number, not " + parsed.limit);
        }
        if (parsed.clientConfig != null && parsed.clientConfig.toString().isBlank()) {
            throw new UsageException("--command-config needs a non-empty value");
        }
        return new ReplayOptions(bootstrap, from, to, nonBlank("--group", parsed.group), parsed.reason, parsed.dryRun,
                parsed.limit == null ? NO_LIMIT : parsed.limit, parsed.clientConfig, parsed.help);
    }

    private static String nonBlank(String option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(option + " needs a non-empty value");
        }
        return value.trim();
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
