package io.chatapp.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.util.concurrent.CompletionStage;

/**
 * Hands records to the {@code chat-out} channel on a Fault Tolerance thread, never on the
 * caller's: while Kafka is down the connector's send blocks (up to the producer's
 * {@code max.block.ms}, one record after another), and no request may wait on that. The
 * bulkhead bounds how many records may be waiting; beyond it a send fails at once.
 */
@ApplicationScoped
public class RecordSender {

    @Inject
    @Channel("chat-out")
    Emitter<ProducerRecord<String, String>> emitter;

    @Asynchronous
    @Bulkhead(value = 16, waitingTaskQueue = 1000)
    public CompletionStage<Void> send(ProducerRecord<String, String> record) {
        return emitter.send(record);
    }
}
