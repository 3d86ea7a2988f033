package io.chatapp.messaging;

import io.chatapp.model.MessageJson;
import io.chatapp.model.Signal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads {@code chat-signals} in a consumer group of this instance's own, from the latest record
 * (a signal from before the instance started is of no use), and fires each as a CDI event of
 * its own type. A record that is not a signal is skipped: nothing depends on it.
 */
@ApplicationScoped
public class SignalConsumer {

    private static final Logger LOG = Logger.getLogger(SignalConsumer.class.getName());

    @Inject
    Event<Signal> signals;

    @Incoming("signalbroadcast")
    public CompletionStage<Void> onRecord(Message<String> message) {
        Signal signal = read(message.getPayload());
        if (signal != null) {
            signals.fire(signal);
        }
        return message.ack();
    }

    private static Signal read(String json) {
        try {
            return json == null ? null : MessageJson.fromJson(json, Signal.class);
        } catch (RuntimeException unreadable) {
            LOG.log(Level.FINE, "Skipping a record that is not a signal: {0}", unreadable.getMessage());
            return null;
        }
    }
}
