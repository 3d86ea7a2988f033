package io.chatapp.tools;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import static io.chatapp.tools.DeadLetterTest.deadLetter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay loop on Kafka's own mock consumer and producer: no broker needed. */
class ReplayerTest {

    private static final TopicPartition DLQ0 = new TopicPartition("chat-messages-dlq", 0);
    private static final TopicPartition DLQ1 = new TopicPartition("chat-messages-dlq", 1);

    private GroupConsumer consumer;
    private FailingProducer producer;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    /**
     * Kafka's MockConsumer forgets committed offsets on assign(); this one keeps them, as the
     * group coordinator does between runs.
     */
    static final class GroupConsumer extends MockConsumer<byte[], byte[]> {
        final Map<TopicPartition, OffsetAndMetadata> group = new HashMap<>();

        GroupConsumer() {
            super("earliest");
        }

        @Override
        public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
            group.putAll(offsets);
        }

        @Override
        public synchronized Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions, Duration timeout) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(group);
            offsets.keySet().retainAll(partitions);
            return offsets;
        }
    }

    /**
     * Acknowledges every copy except: "poison", whose acknowledgement fails once flushed (as
     * when the in-sync replicas are too few), and "poison-now", which fails at once (as when the
     * topic's metadata does not come within max.block.ms).
     */
    static final class FailingProducer extends MockProducer<byte[], byte[]> {
        private final List<CompletableFuture<RecordMetadata>> unacknowledged = new ArrayList<>();

        FailingProducer() {
            super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            if (value.equals("poison-now")) {
                return CompletableFuture.failedFuture(new TimeoutException("Topic not present in metadata after 15000 ms."));
            }
            if (value.equals("poison")) {
                CompletableFuture<RecordMetadata> future = new CompletableFuture<>();
                unacknowledged.add(future);
                return future;
            }
            return super.send(record, callback);
        }

        @Override
        public synchronized void flush() {
            unacknowledged.forEach(f -> f.completeExceptionally(new NotEnoughReplicasException("not enough in-sync replicas")));
            super.flush();
        }
    }

    @BeforeEach
    void twoPartitionDeadLetterTopic() {
        consumer = new GroupConsumer();
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions("chat-messages-dlq", List.of(
                new PartitionInfo("chat-messages-dlq", 0, node, new Node[] {node}, new Node[] {node}),
                new PartitionInfo("chat-messages-dlq", 1, node, new Node[] {node}, new Node[] {node})));
        consumer.updatePartitions("chat-messages", List.of(
                new PartitionInfo("chat-messages", 0, node, new Node[] {node}, new Node[] {node})));
        consumer.updateBeginningOffsets(Map.of(DLQ0, 0L, DLQ1, 0L));
        producer = new FailingProducer();
    }

    private void deadLetters(int partition, long end, String... valuesAndReasons) {
        // Schedule the records for the first poll after assign/seek (MockConsumer needs an assignment first).
        List<Runnable> adds = new ArrayList<>();
        for (int i = 0; i < valuesAndReasons.length; i += 2) {
            long offset = end - valuesAndReasons.length / 2 + i / 2;
            String value = valuesAndReasons[i];
            String reason = valuesAndReasons[i + 1];
            adds.add(() -> consumer.addRecord(deadLetter(partition, offset, "room-" + offset, value, reason,
                    "chat-messages-0@" + offset)));
        }
        consumer.schedulePollTask(() -> adds.forEach(Runnable::run));
        consumer.updateEndOffsets(Map.of(new TopicPartition("chat-messages-dlq", partition), end));
    }

    private Replayer.Summary run(String... args) throws UsageException {
        ReplayOptions options = ReplayOptions.parse(List.of(args), Map.of());
        return new Replayer(consumer, options.dryRun() ? null : producer, options,
                new PrintStream(output, true, StandardCharsets.UTF_8), Duration.ofSeconds(2)).run();
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() {
        return consumer.group;
    }

    @Test
    void replaysTheSelectedDeadLettersSkipsTheOthersAndCommitsPastBoth() throws UsageException {
        deadLetters(0, 3, "{\"a\":1}", "Unreadable message JSON: x", "{}", "missing id", "{\"b\":2}", "Unreadable message JSON: y");
        deadLetters(1, 0);

        Replayer.Summary summary = run("--reason", "Unreadable");

        assertNull(summary.error(), output());
        assertEquals("replayed 2, skipped 1 of 3 dead letters (dry run: no)", summary.line());
        assertEquals(2, producer.history().size());
        ProducerRecord<byte[], byte[]> first = producer.history().get(0);
        assertEquals("chat-messages", first.topic());
        assertEquals("room-0", new String(first.key(), StandardCharsets.UTF_8));
        assertEquals("chat-messages-dlq-0@0", new String(first.headers().lastHeader("replayed-from").value(), StandardCharsets.UTF_8));
        assertEquals(new OffsetAndMetadata(3), committed().get(DLQ0));
        assertTrue(output().contains("0@1 skipped"), output());
        assertTrue(output().contains("0@2 replayed"), output());
    }

    @Test
    void aDryRunPublishesAndCommitsNothing() throws UsageException {
        deadLetters(0, 2, "{}", "Unreadable", "{}", "Unreadable");
        deadLetters(1, 0);

        Replayer.Summary summary = run("--dry-run");

        assertEquals("would replay 2, skipped 0 of 2 dead letters (dry run: yes)", summary.line());
        assertTrue(producer.history().isEmpty());
        assertTrue(committed().isEmpty(), committed().toString());
        assertTrue(output().contains("0@0 would replay"), output());
    }

    @Test
    void startsAtTheGroupsCommittedOffsetAndStopsAtTheEndTakenAtTheStart() throws UsageException {
        consumer.group.put(DLQ0, new OffsetAndMetadata(1));
        // Offsets 0..2 exist when the run starts; 3 arrives meanwhile and must wait for the next run.
        consumer.schedulePollTask(() -> {
            for (long offset = 1; offset <= 3; offset++) {
                consumer.addRecord(deadLetter(0, offset, "general", "v" + offset, "r", null));
            }
        });
        consumer.updateEndOffsets(Map.of(DLQ0, 3L, DLQ1, 0L));

        Replayer.Summary summary = run();

        assertEquals("replayed 2, skipped 0 of 2 dead letters (dry run: no)", summary.line());
        assertEquals(new OffsetAndMetadata(3), committed().get(DLQ0));
        assertTrue(output().contains("offsets 0@1..2"), output());
    }

    @Test
    void nothingToReplayIsSuccess() throws UsageException {
        consumer.updateEndOffsets(Map.of(DLQ0, 0L, DLQ1, 0L));
        Replayer.Summary summary = run();
        assertNull(summary.error());
        assertEquals("replayed 0, skipped 0 of 0 dead letters (dry run: no)", summary.line());
        assertTrue(output().contains("no dead letters to look at"), output());
    }

    @Test
    void anUnacknowledgedCopyFailsTheRunAndNothingFromItOnIsCommitted() throws UsageException {
        deadLetters(0, 4, "ok-1", "r", "poison", "r", "ok-2", "r", "ok-3", "r");
        deadLetters(1, 0);

        Replayer.Summary summary = run();

        assertTrue(summary.error().contains("NotEnoughReplicasException"), summary.error());
        assertEquals(new OffsetAndMetadata(1), committed().get(DLQ0), "past ok-1 only: the rest comes again next run");
        assertTrue(output().contains("0@1 FAILED"), output());
        assertTrue(output().contains("0@2 replayed"), output());
        assertEquals("replayed 3, skipped 0, failed 1 of 4 dead letters (dry run: no)", summary.line());
    }

    @Test
    void aCopyThatFailsAtOnceStopsTheRunThere() throws UsageException {
        deadLetters(0, 3, "ok-1", "r", "poison-now", "r", "ok-2", "r");
        deadLetters(1, 0);

        Replayer.Summary summary = run();

        assertTrue(summary.error().contains("TimeoutException"), summary.error());
        assertEquals(1, producer.history().size(), "no copy sent after the failed one");
        assertEquals(new OffsetAndMetadata(1), committed().get(DLQ0));
        assertEquals("replayed 1, skipped 0, failed 1 of 2 dead letters (dry run: no)", summary.line());
    }

    @Test
    void theLimitCountsReplayedDeadLettersAndLeavesTheRestForTheNextRun() throws UsageException {
        deadLetters(0, 4, "a", "other", "b", "fixed", "c", "fixed", "d", "fixed");
        deadLetters(1, 0);

        Replayer.Summary summary = run("--reason", "fixed", "--limit", "2");

        assertEquals("replayed 2, skipped 1 of 3 dead letters (dry run: no); "
                + "stopped at --limit, the rest is left for the next run", summary.line());
        assertEquals(new OffsetAndMetadata(3), committed().get(DLQ0));
    }

    @Test
    void aMissingTopicIsAFailure() throws UsageException {
        Replayer.Summary summary = run("--from", "no-such-dlq");
        assertEquals("topic no-such-dlq does not exist", summary.error());
        summary = run("--to", "no-such-topic");
        assertEquals("topic no-such-topic does not exist", summary.error());
        assertTrue(producer.history().isEmpty());
    }
}
