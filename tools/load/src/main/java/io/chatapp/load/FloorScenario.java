package io.chatapp.load;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The floor: plain kafka-clients on the same broker, at the same rate, with the durability the
 * chat asks for (acks=all, idempotence): produce-to-consume latency and produce-to-ack latency.
 * What the chat adds on top of Kafka is the difference between this and fan-out.
 */
final class FloorScenario {

    static final String TOPIC = "chat-load-floor";
    private static final Duration DRAIN = Duration.ofSeconds(15);

    record Result(long sent, long received, double seconds, Latency endToEnd, Latency ack) {
        String report() {
            return String.format(Locale.ROOT, "[floor] %d records (%.0f/s), %d consumed, lost %d; produce to consume %s; produce to ack %s",
                    sent, sent / seconds, received, sent - received, endToEnd.summary(), ack.summary());
        }
    }

    private final LoadOptions options;

    FloorScenario(LoadOptions options) {
        this.options = options;
    }

    Result run() throws Exception {
        createTopic();
        Latency endToEnd = new Latency();
        Latency ack = new Latency();
        LongAdder received = new LongAdder();
        AtomicBoolean consuming = new AtomicBoolean(true);
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", ProducerConfig.LINGER_MS_CONFIG, "0"),
                     new StringSerializer(), new StringSerializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            Thread reader = new Thread(() -> {
                while (consuming.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        endToEnd.recordNanos(System.nanoTime() - Long.parseLong(record.value()));
                        received.increment();
                    }
                }
            }, "floor-consumer");
            reader.start();
            Pacer pacer = new Pacer(options.rate(), options.duration());
            long sent = 0;
            for (long due = pacer.awaitNext(); due != -1; due = pacer.awaitNext()) {
                long sentAt = due;
                producer.send(new ProducerRecord<>(TOPIC, 0, "floor", Long.toString(sentAt)), (metadata, failure) -> {
                    if (failure == null) {
                        ack.recordNanos(System.nanoTime() - sentAt);
                    }
                });
                sent++;
            }
            producer.flush();
            double seconds = pacer.elapsedSeconds();
            long drainUntil = System.nanoTime() + DRAIN.toNanos();
            while (received.sum() < sent && System.nanoTime() < drainUntil) {
                Thread.sleep(50);
            }
            consuming.set(false);
            reader.join();
            return new Result(sent, received.sum(), seconds, endToEnd, ack);
        }
    }

    private void createTopic() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(1), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
