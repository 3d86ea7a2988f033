package io.chatapp.tools;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;

/**
 * Re-publishes dead letters from {@code chat-messages-dlq} to {@code chat-messages} once what
 * made them fail is fixed. {@code --help} ({@link ReplayOptions#usage()}) tells how.
 * Exit status: 0 done, 1 failed, 2 bad arguments.
 */
public final class DeadLetterReplay {

    private static final String CLIENT_ID = "chatapp-dead-letter-replay";
    private static final Duration CLOSE = Duration.ofSeconds(5);

    private DeadLetterReplay() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        ReplayOptions options;
        Properties clientConfig;
        try {
            options = ReplayOptions.parse(Arrays.asList(args), System.getenv());
            clientConfig = clientConfig(options);
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("(--help tells the options)");
            return 2;
        }
        if (options.help()) {
            System.out.print(ReplayOptions.usage());
            return 0;
        }
        KafkaConsumer<byte[], byte[]> consumer = null;
        KafkaProducer<byte[], byte[]> producer = null;
        Replayer.Summary summary;
        try {
            consumer = new KafkaConsumer<>(consumerConfig(clientConfig, options));
            producer = options.dryRun() ? null : new KafkaProducer<>(producerConfig(clientConfig, options));
            summary = new Replayer(consumer, producer, options, System.out, Replayer.TIMEOUT).run();
        } catch (KafkaException e) {
            // The clients' constructors: a malformed --bootstrap-servers or --command-config setting
            // (or a host name that does not resolve) is a bad argument; anything else a failure.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.err.println("error: " + e.getMessage() + (cause != e ? ": " + cause.getMessage() : ""));
            return e instanceof ConfigException || cause instanceof ConfigException ? 2 : 1;
        } finally {
            // Bounded: an unreachable broker must not keep the tool from exiting.
            if (producer != null) {
                producer.close(CLOSE);
            }
            if (consumer != null) {
                consumer.close(CLOSE);
            }
        }
        System.out.println(summary.line());
        if (summary.error() != null) {
            System.err.println("error: " + summary.error() + " (bootstrap servers " + options.bootstrapServers() + ")");
            return 1;
        }
        return 0;
    }

    /** The --command-config file, if any: security settings for a secured cluster. */
    private static Properties clientConfig(ReplayOptions options) throws UsageException {
        Properties properties = new Properties();
        if (options.clientConfig() != null) {
            try (Reader reader = Files.newBufferedReader(options.clientConfig())) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UsageException("cannot read --command-config " + options.clientConfig() + ": " + e);
            }
        }
        return properties;
    }

    static Properties consumerConfig(Properties base, ReplayOptions options) {
        Properties config = new Properties();
        config.putAll(base);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
        // Offsets are committed by the tool, only after the copies are acknowledged.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new group starts at the earliest dead letter still kept; so does one whose offset expired.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(Replayer.TIMEOUT.toMillis()));
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return config;
    }

    static Properties producerConfig(Properties base, ReplayOptions options) {
        Properties config = new Properties();
        config.putAll(base);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
        // A copy counts as replayed only once every in-sync replica has it, and retries never duplicate it.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // Bounded waits: for the target topic's metadata, and for each copy's acknowledgement.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(Replayer.TIMEOUT.toMillis()));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Replayer.TIMEOUT.toMillis()));
        return config;
    }
}
