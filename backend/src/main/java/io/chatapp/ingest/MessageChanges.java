package io.chatapp.ingest;

import io.chatapp.messaging.EventPublisher;
import io.chatapp.messaging.NotDurableException;
import io.chatapp.model.BodyCheck;
import io.chatapp.model.ChatEvent;
import io.chatapp.model.ChatMessage;
import io.chatapp.model.Emoji;
import io.chatapp.model.MessageEdit;
import io.chatapp.model.Sender;
import io.chatapp.rooms.InvalidFieldException;
import io.chatapp.rooms.MessageGoneException;
import io.chatapp.rooms.RoomRefusedException;
import io.chatapp.store.MessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * Edits, deletes and reactions. Each change is made on the message's latest stored state: the
 * next state, one version higher, replaces it in the store only if no other change got there
 * first (else the change is made again on the newer state), and is then published as an event
 * that every instance delivers and the store keeps. A change Kafka does not take is undone and
 * fails with {@link NotDurableException}. A change that changes nothing (the same text, a
 * reaction already there) publishes nothing.
 */
@ApplicationScoped
public class MessageChanges {

    private static final int ATTEMPTS = 8;

    private final Clock clock = Clock.systemUTC();

    @Inject
    MessageRepository messages;

    @Inject
    StoredMessages stored;

    @Inject
    Mentions mentions;

    @Inject
    EventPublisher publisher;

    @Inject
    PostingRateLimiter rateLimiter;

    @Inject
    Validator validator;

    /** The sender's new text. @throws RoomRefusedException for anyone else's message */
    public CompletionStage<ChatMessage> edit(Sender caller, String id, MessageEdit edit) {
        BodyCheck.requireValid(validator, edit, "edit");
        return change(caller, id, (current, at) -> {
            requireSender(caller, current, "edit");
            requireNotDeleted(current);
            return current.text().equals(edit.text()) ? current : current.edited(edit.text(), mentions.in(current.room(), edit.text()), at);
        }, ChatEvent.MessageEdited::new);
    }

    /** Deletes the sender's message; deleting it again changes nothing. */
    public CompletionStage<ChatMessage> delete(Sender caller, String id) {
        return change(caller, id, (current, at) -> {
            requireSender(caller, current, "delete");
            return current.wasDeleted() ? current : current.deletedState();
        }, ChatEvent.MessageDeleted::new);
    }

    /** Puts the caller's emoji on the message ({@code on}) or takes it off; idempotent. */
    public CompletionStage<ChatMessage> react(Sender caller, String id, String emoji, boolean on) {
        if (!Emoji.isOne(emoji)) {
            throw new InvalidFieldException("emoji", "must be one emoji");
        }
        return change(caller, id, (current, at) -> {
            requireNotDeleted(current);
            return current.hasReaction(emoji, caller.id()) == on ? current : current.reacted(emoji, caller.id(), on);
        }, ChatEvent.ReactionChanged::new);
    }

    private CompletionStage<ChatMessage> change(Sender caller, String id, BiFunction<ChatMessage, Instant, ChatMessage> next,
                                                BiFunction<String, ChatMessage, ChatEvent.MessageChange> event) {
        if (id == null || !ChatMessage.isId(id)) {
            throw new InvalidFieldException("id", "must be a message id");
        }
        rateLimiter.take(caller.id());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ChatMessage current = stored.visible(id, caller.id());
            Instant at = clock.instant();
            ChatMessage changed = next.apply(current, at);
            if (changed == current) {
                return CompletableFuture.completedFuture(current);
            }
            if (messages.replace(current, changed, at)) {
                return publish(event.apply(UUID.randomUUID().toString(), changed), current, changed, at);
            }
        }
        throw new NotDurableException("The message kept changing; try again", null);
    }

    private CompletionStage<ChatMessage> publish(ChatEvent.MessageChange event, ChatMessage current, ChatMessage changed, Instant at) {
        CompletionStage<? extends ChatEvent> published;
        try {
            published = publisher.publish(event);
        } catch (RuntimeException e) {
            published = CompletableFuture.failedFuture(e);
        }
        return published.handle((done, failure) -> {
            if (failure != null) {
                undo(current, changed, at);
                throw new NotDurableException("Kafka did not acknowledge the change", failure);
            }
            return changed;
        });
    }

    /** Puts the state before back, unless a later change already built on this one (that one then carries it). */
    private void undo(ChatMessage before, ChatMessage changed, Instant at) {
        try {
            messages.replace(changed, before, at);
        } catch (RuntimeException storeAway) {
            // The store is away too: the change stays, and reaches clients with the message's next change.
        }
    }

    private static void requireSender(Sender caller, ChatMessage message, String what) {
        if (!message.sender().id().equals(caller.id())) {
            throw new RoomRefusedException("Only its sender may " + what + " a message");
        }
    }

    private static void requireNotDeleted(ChatMessage message) {
        if (message.wasDeleted()) {
            throw new MessageGoneException(message.id());
        }
    }
}
