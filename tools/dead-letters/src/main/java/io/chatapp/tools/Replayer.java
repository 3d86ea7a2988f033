package io.chatapp.tools;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The replay itself, on any {@link Consumer} and {@link Producer} (the real ones, or Kafka's mocks
 * in the tests). Works batch by batch: send the copies of one poll's dead letters, wait for all
 * their acknowledgements, then commit, so a crash or failure at any point loses no dead letter.
 */
final class Replayer {

    /** The same bound for finding the topic, reading offsets and waiting for records that must be there. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(500);

    /** What a run did; {@code error} is null when it succeeded. */
    record Summary(long examined, long replayed, long skipped, long failed, boolean dryRun,
                   boolean limitReached, String error) {

        String line() {
            String line = (dryRun ? "would replay " : "replayed ") + replayed + ", skipped " + skipped
                    + (failed > 0 ? ", failed " + failed : "")
                    + " of " + examined + " dead letters (dry run: " + (dryRun ? "yes" : "no") + ")";
            return limitReached ? line + "; stopped at --limit, the rest is left for the next run" : line;
        }
    }

    /** One dead letter of the current batch and, when its copy was sent, the acknowledgement to wait for. */
    private record Pending(DeadLetter deadLetter, boolean selected, Future<RecordMetadata> sent, String sendError) {
    }

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final ReplayOptions options;
    private final PrintStream out;
    private final ReplayProgress progress = new ReplayProgress();
    private final Duration timeout;

    private long selected;
    private long examined;
    private long replayed;
    private long skipped;
    private long failed;

    /** @param producer null for a dry run */
    Replayer(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, ReplayOptions options,
             PrintStream out, Duration timeout) {
        this.consumer = consumer;
        this.producer = producer;
        this.options = options;
        this.out = out;
        this.timeout = timeout;
    }

    Summary run() {
        try {
            return replay();
        } catch (ReplayFailure e) {
            return summary(false, e.getMessage());
        } catch (TimeoutException e) {
            return summary(false, "Kafka did not answer within " + timeout.toSeconds() + " s (" + describe(e) + ")");
        } catch (KafkaException e) {
            // Authorization failures and the like from the topic and offset look-ups.
            return summary(false, describe(e));
        }
    }

    private Summary replay() throws ReplayFailure {
        List<TopicPartition> partitions = partitions(options.from());
        partitions(options.to()); // a missing target fails now, not after a wait for each copy
        consumer.assign(partitions);
        // Taken once, now: what is dead-lettered again during this run waits for the next one.
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new LinkedHashSet<>(partitions), timeout);
        Set<TopicPartition> remaining = new LinkedHashSet<>();
        List<String> ranges = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset != null) {
                consumer.seek(partition, offset.offset());
            } else {
                consumer.seekToBeginning(List.of(partition));
            }
            long start = consumer.position(partition, timeout);
            long stop = end.get(partition);
            if (start < stop) {
                remaining.add(partition);
                ranges.add(partition.partition() + "@" + start + ".." + (stop - 1));
            }
        }
        out.println(options.from() + " -> " + (options.dryRun() ? "(dry run) " : "") + options.to()
                + ", group " + options.group()
                + (options.reason() == null ? "" : ", reason containing \"" + options.reason() + "\"")
                + ": " + (ranges.isEmpty() ? "no dead letters to look at" : "offsets " + String.join(", ", ranges)));

        long lastProgress = System.nanoTime();
        boolean limitReached = false;
        while (!remaining.isEmpty() && !limitReached) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            List<Pending> batch = new ArrayList<>();
            batch:
            for (TopicPartition partition : records.partitions()) {
                for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                    if (record.offset() >= end.get(partition)) {
                        break; // arrived after the start: for the next run
                    }
                    Pending pending = send(new DeadLetter(record));
                    batch.add(pending);
                    if (pending.sendError() != null) {
                        break batch; // no more copies after a failed one
                    }
                    if (pending.selected() && ++selected >= options.limit()) {
                        limitReached = true;
                        break batch;
                    }
                }
            }
            if (!batch.isEmpty()) {
                lastProgress = System.nanoTime();
            }
            if (producer != null && batch.stream().anyMatch(p -> p.sent() != null)) {
                producer.flush(); // returns within delivery.timeout.ms, each future then done
            }
            String error = settle(batch);
            if (error == null) {
                for (TopicPartition partition : List.copyOf(remaining)) {
                    // Read to the end (also past offsets that hold no record, such as transaction markers)?
                    boolean read = limitReached ? progress.next(partition) >= end.get(partition)
                            : consumer.position(partition, timeout) >= end.get(partition);
                    if (read) {
                        progress.readUpTo(partition, end.get(partition));
                        remaining.remove(partition);
                    }
                }
            }
            commit();
            if (error != null) {
                throw new ReplayFailure("a copy to " + options.to() + " was not acknowledged (" + error
                        + "); nothing from that dead letter on was committed: once the cause is fixed,"
                        + " run again to resume there");
            }
            if (batch.isEmpty() && System.nanoTime() - lastProgress > timeout.toNanos()) {
                throw new ReplayFailure("no dead letters arrived from " + options.from() + " within "
                        + timeout.toSeconds() + " s although " + remaining + " are not read to their end");
            }
        }
        return summary(limitReached && !remaining.isEmpty(), null);
    }

    /** Sends the copy of a selected dead letter (unless this is a dry run); the acknowledgement is awaited later. */
    private Pending send(DeadLetter deadLetter) {
        boolean selected = deadLetter.selectedBy(options.reason());
        if (!selected || options.dryRun()) {
            return new Pending(deadLetter, selected, null, null);
        }
        try {
            Future<RecordMetadata> sent = producer.send(deadLetter.copyTo(options.to()));
            // Already failed (say, no metadata for the topic within max.block.ms): send no more.
            String error = sent.isDone() ? acknowledgement(sent) : null;
            return new Pending(deadLetter, true, error == null ? sent : null, error);
        } catch (KafkaException e) {
            // Thrown at once rather than through the future, e.g. a record too large.
            return new Pending(deadLetter, true, null, describe(e));
        }
    }

    /** Waits for the (already flushed) acknowledgements in offset order and prints each line; returns the first error. */
    private String settle(List<Pending> batch) {
        String firstError = null;
        for (Pending pending : batch) {
            ConsumerRecord<byte[], byte[]> record = pending.deadLetter().record();
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            String error = pending.sendError();
            String action;
            examined++;
            if (!pending.selected()) {
                action = "skipped";
                skipped++;
            } else if (options.dryRun()) {
                action = "would replay"; // nothing is committed in a dry run, whatever progress says
                replayed++;
            } else {
                if (error == null) {
                    error = acknowledgement(pending.sent());
                }
                action = error == null ? "replayed" : "FAILED";
                if (error == null) {
                    replayed++;
                } else {
                    failed++;
                    firstError = firstError == null ? error : firstError;
                }
            }
            if (error == null) {
                progress.done(partition, record.offset());
            } else {
                progress.failed(partition, record.offset());
            }
            out.println(pending.deadLetter().describe(action));
        }
        return firstError;
    }

    /** Null when Kafka acknowledged the copy, else why not. */
    private static String acknowledgement(Future<RecordMetadata> sent) {
        try {
            sent.get();
            return null;
        } catch (ExecutionException e) {
            return describe(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void commit() throws ReplayFailure {
        if (options.dryRun()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = progress.toCommit();
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets, timeout);
            progress.committed(offsets);
        } catch (KafkaException e) {
            throw new ReplayFailure("the copies were acknowledged but group " + options.group()
                    + " could not commit how far it got (" + describe(e)
                    + "); the next run replays them again (the chat keeps one per message id)");
        }
    }

    private List<TopicPartition> partitions(String topic) throws ReplayFailure {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new ReplayFailure("topic " + topic + " does not exist");
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : infos) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        partitions.sort(Comparator.comparingInt(TopicPartition::partition));
        return partitions;
    }

    private Summary summary(boolean limitReached, String error) {
        return new Summary(examined, replayed, skipped, failed, options.dryRun(), limitReached, error);
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Ends the run with exit status 1 and this message. */
    static final class ReplayFailure extends Exception {

        private static final long serialVersionUID = 1L;

        ReplayFailure(String message) {
            super(message);
        }
    }
}
