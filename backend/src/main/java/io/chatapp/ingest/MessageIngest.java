package io.chatapp.ingest;

import io.chatapp.messaging.EventPublisher;
import io.chatapp.messaging.NotDurableException;
import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.ChatEvent;
import io.chatapp.model.BodyCheck;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.NewMessage;
import io.chatapp.model.Sender;
import io.chatapp.rooms.InvalidFieldException;
import io.chatapp.rooms.MessageNotFoundException;
import io.chatapp.rooms.RoomAccess;
import io.chatapp.rooms.RoomNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Accepts posted messages. A message counts as accepted only once Kafka has acknowledged it;
 * anything short of that fails with {@link NotDurableException}.
 */
@ApplicationScoped
public class MessageIngest {

    private final Clock clock = Clock.systemUTC();
    private final RetryMemory retries = new RetryMemory(100_000, Duration.ofMinutes(10));

    @Inject
    Validator validator;

    @Inject
    EventPublisher publisher;

    @Inject
    ChatMetrics metrics;

    @Inject
    PostingRateLimiter rateLimiter;

    @Inject
    RoomAccess access;

    @Inject
    StoredMessages stored;

    @Inject
    Mentions mentions;

    /**
     * @return the accepted message; a retry of an accepted or in-flight message (same sender,
     * same {@code clientMessageId}) gets that message again and publishes nothing new
     * @throws ConstraintViolationException if the message breaks a rule
     * @throws RateLimitedException if the sender is posting faster than allowed
     * @throws RoomNotFoundException if the sender may not see the room
     * @throws InvalidFieldException if it answers a message that is not one of the room's
     */
    public CompletionStage<ChatMessage> ingest(Sender sender, NewMessage posted) {
        BodyCheck.requireValid(validator, posted, "message");
        access.requireVisible(posted.room(), sender.id());
        rateLimiter.take(sender.id());
        requireAnswerable(posted, sender);
        if (posted.clientMessageId() == null) {
            return publish(accept(posted, sender));
        }
        CompletableFuture<ChatMessage> claim = new CompletableFuture<>();
        CompletableFuture<ChatMessage> earlier = retries.claim(sender.id(), posted.clientMessageId(), claim);
        if (earlier != null) {
            return earlier;
        }
        publish(accept(posted, sender)).whenComplete((message, failure) -> {
            if (failure != null) {
                // Forget the failed attempt, so that the client's next retry publishes again.
                retries.forget(sender.id(), posted.clientMessageId(), claim);
                claim.completeExceptionally(failure);
            } else {
                claim.complete(message);
            }
        });
        return claim;
    }

    private ChatMessage accept(NewMessage posted, Sender sender) {
        return ChatMessage.accept(posted, sender, clock.instant(), mentions.in(posted.room(), posted.text()));
    }

    /** A reply answers a message of its own room that the sender can see. */
    private void requireAnswerable(NewMessage posted, Sender sender) {
        if (posted.replyTo() == null) {
            return;
        }
        try {
            if (stored.visible(posted.replyTo(), sender.id()).room().equals(posted.room())) {
                return;
            }
        } catch (MessageNotFoundException unknown) {
            // Answered below, as a message of another room is: the field is wrong.
        }
        throw new InvalidFieldException("replyTo", "must be the id of a message of room " + posted.room());
    }

    private CompletionStage<ChatMessage> publish(ChatMessage message) {
        CompletionStage<ChatMessage> published;
        try {
            published = publisher.publish(new ChatEvent.MessagePosted(message)).thenApply(ChatEvent.MessagePosted::message);
        } catch (RuntimeException e) {
            published = CompletableFuture.failedFuture(e);
        }
        return published.handle((accepted, failure) -> {
            if (failure != null) {
                throw new NotDurableException("Kafka did not acknowledge the message", failure);
            }
            metrics.ingested();
            return accepted;
        });
    }

}
