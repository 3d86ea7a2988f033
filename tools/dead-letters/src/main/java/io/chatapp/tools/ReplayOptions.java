package io.chatapp.tools;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one run of the replay tool is asked to do, parsed from the command line (and, for the
 * broker address, the environment, so the same shell that runs the application can run it).
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

    static final String USAGE = """
            usage: replay-dead-letters [options]

            Re-publishes dead letters (records the chat could never process) from the dead-letter
            topic to the chat topic, once the cause is fixed. Key and value are copied unchanged; the
            copy carries the headers replayed-from (<dlq topic>-<partition>@<offset>) and
            replayed-reason (the original dead-letter-reason) instead of the dead-letter-* headers.

            It reads from where its consumer group stopped last time (the earliest dead letter when
            the group is new) up to the end of the topic as it was when it started, so it always
            finishes and never replays in the same run what is dead-lettered again meanwhile.

            options:
              --bootstrap-servers HOST:PORT[,...]  Kafka (default: $KAFKA_BOOTSTRAP_SERVERS, else
                                    $MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_BOOTSTRAP_SERVERS, else 127.0.0.1:9092)
              --from TOPIC          dead-letter topic to read (default chat-messages-dlq)
              --to TOPIC            topic to re-publish to (default chat-messages)
              --group GROUP         consumer group that remembers how far replays got
                                    (default chatapp-dead-letter-replay)
              --reason TEXT         only replay dead letters whose dead-letter-reason contains TEXT
                                    (case-sensitive). The others are reported as "skipped" and the
                                    group moves past them too: a later run of the same group will
                                    not offer them again. To replay them after another fix, run
                                    with a new --group, which starts from the earliest dead letter.
              --limit N             replay at most N dead letters, then stop; what follows is left
                                    for the next run (skipped ones do not count)
              --dry-run             only list what would be replayed: publishes and commits nothing
              --command-config FILE Kafka client properties (security.protocol, ssl.*, sasl.*) for a
                                    secured cluster
              --help                this text

            Offsets are committed only once every copy before them is acknowledged by Kafka
            (acks=all, idempotent producer); if a copy fails the run stops, commits nothing from that
            record on, and exits 1, so running it again resumes there. Copies may then reach the
            topic twice; the chat's consumers keep one per message id.
            Run one replay per group at a time.

            exit status: 0 done (also when there was nothing to replay), 1 failed (e.g. Kafka not
            reachable within 15 s), 2 bad arguments.
            """;

    /** Parses {@code --name value} and {@code --name=value}; the last of a repeated option wins. */
    static ReplayOptions parse(List<String> args, Map<String, String> env) throws UsageException {
        String bootstrap = firstNonBlank(env.get("KAFKA_BOOTSTRAP_SERVERS"),
                env.get("MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_BOOTSTRAP_SERVERS"), DEFAULT_BOOTSTRAP);
        String from = DEFAULT_FROM;
        String to = DEFAULT_TO;
        String group = DEFAULT_GROUP;
        String reason = null;
        boolean dryRun = false;
        long limit = NO_LIMIT;
        Path clientConfig = null;
        boolean help = false;

        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String inline = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inline = arg.substring(equals + 1);
            }
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--dry-run" -> {
                    if (inline != null) {
                        throw new UsageException("--dry-run takes no value");
                    }
                    dryRun = true;
                }
                case "--bootstrap-servers", "--from", "--to", "--group", "--reason", "--limit", "--command-config" -> {
                    String value;
                    if (inline != null) {
                        value = inline;
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException(name + " needs a value");
                    }
                    if (value.isBlank()) {
                        // An empty --reason would select everything: surely not what was meant.
                        throw new UsageException(name + " needs a non-empty value");
                    }
                    switch (name) {
                        case "--bootstrap-servers" -> bootstrap = value.trim();
                        case "--from" -> from = value.trim();
                        case "--to" -> to = value.trim();
                        case "--group" -> group = value.trim();
                        case "--reason" -> reason = value;
                        case "--limit" -> limit = parseLimit(value);
                        default -> clientConfig = Path.of(value);
                    }
                }
                default -> throw new UsageException(arg.startsWith("-")
                        ? "unknown option " + name : "unexpected argument " + arg);
            }
        }
        if (from.equals(to)) {
            throw new UsageException("--from and --to are both " + from);
        }
        return new ReplayOptions(bootstrap, from, to, group, reason, dryRun, limit, clientConfig, help);
    }

    private static long parseLimit(String value) throws UsageException {
        try {
            long limit = Long.parseLong(value.trim());
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--limit needs a positive whole number, not " + value);
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
