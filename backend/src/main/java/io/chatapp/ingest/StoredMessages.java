package io.chatapp.ingest;

import io.chatapp.model.ChatMessage;
import io.chatapp.rooms.MessageNotFoundException;
import io.chatapp.rooms.RoomAccess;
import io.chatapp.store.MessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/** The stored messages a command names (to change one, or to answer one), as the caller may see them. */
@ApplicationScoped
public class StoredMessages {

    private static final Duration STORE_POLL = Duration.ofMillis(100);

    @Inject
    MessageRepository messages;

    @Inject
    RoomAccess access;

    /** A message is stored a moment after it is accepted: a command that names it sooner waits this long for it. */
    @Inject
    @ConfigProperty(name = "chat.changes.store-wait", defaultValue = "PT2S")
    Duration storeWait;

    /**
     * The latest stored state of a message the user may see, waiting briefly for one just accepted.
     *
     * @throws MessageNotFoundException if there is none, or it is in a room the user may not see
     */
    public ChatMessage visible(String id, String userId) {
        long deadline = System.nanoTime() + storeWait.toNanos();
        while (true) {
            Optional<ChatMessage> found = messages.find(id);
            if (found.isPresent()) {
                if (!access.visible(found.get().room(), userId)) {
                    throw new MessageNotFoundException(id);
                }
                return found.get();
            }
            if (System.nanoTime() >= deadline) {
                throw new MessageNotFoundException(id);
            }
            try {
                Thread.sleep(STORE_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MessageNotFoundException(id);
            }
        }
    }
}
