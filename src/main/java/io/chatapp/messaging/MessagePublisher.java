package io.chatapp.messaging;

import io.chatapp.model.ChatMessage;
import io.chatapp.model.MessageJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.util.concurrent.CompletionStage;

/**
 * Writes accepted messages to {@code chat-messages}, keyed by room so that each room keeps
 * its order. The returned stage completes only once the broker has acknowledged the record.
 */
@ApplicationScoped
public class MessagePublisher {

    @Inject
    @Channel("chat-out")
    Emitter<ProducerRecord<String, String>> emitter;

    @Inject
    @ConfigProperty(name = "chat.kafka.topic", defaultValue = "chat-messages")
    String topic;

    /**
     * @return a stage that completes with the message when Kafka has it, or fails (with a
     * timeout after {@code chat.publish} settings) when it could not be made durable
     */
    @Asynchronous
    @Timeout(10_000)
    public CompletionStage<ChatMessage> publish(ChatMessage message) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, message.room(), MessageJson.toJson(message));
        return emitter.send(record).thenApply(acknowledged -> message);
    }
}
