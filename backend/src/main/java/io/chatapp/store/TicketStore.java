package io.chatapp.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.chatapp.model.Sender;
import io.chatapp.model.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * WebSocket tickets in the {@code ws_tickets} collection, shared by every server instance.
 * Taking a ticket deletes it in the same operation, so it admits one handshake only. Each
 * operation waits for the store as a request does ({@link OnRequest}): a user waiting for a
 * ticket or a handshake is better told to try again than held.
 */
@ApplicationScoped
public class TicketStore {

    private MongoCollection<Document> tickets;
    private volatile boolean indexReady;

    @Inject
    public TicketStore(@OnRequest MongoDatabase database) {
        this.tickets = database.getCollection("ws_tickets");
    }

    /** Required by CDI for the client proxy of an application-scoped bean. */
    protected TicketStore() {
    }

    public void save(String ticket, SignedIn holder, Instant expiresAt) {
        try {
            insert(ticket, holder, expiresAt);
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    private void insert(String ticket, SignedIn holder, Instant expiresAt) {
        Sender sender = holder.sender();
        if (!indexReady) {
            // MongoDB removes expired tickets by itself; taking one checks expiry regardless.
            tickets.createIndex(Indexes.ascending("expires_at"),
                    new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("expires_at_ttl"));
            indexReady = true;
        }
        tickets.insertOne(new Document("_id", ticket)
                .append("sender", new Document("id", sender.id()).append("name", sender.name()))
                .append("expires_at", Date.from(expiresAt))
                .append("token_expires_at", Date.from(holder.tokenExpiresAt())));
    }

    /** Deletes the ticket and returns who holds it, if it exists and has not expired at {@code now}. */
    public Optional<SignedIn> take(String ticket, Instant now) {
        Document taken;
        try {
            taken = tickets.findOneAndDelete(Filters.eq("_id", ticket));
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
        if (taken == null || !taken.getDate("expires_at").toInstant().isAfter(now)) {
            return Optional.empty();
        }
        Document sender = taken.get("sender", Document.class);
        return Optional.of(new SignedIn(new Sender(sender.getString("id"), sender.getString("name")),
                taken.getDate("token_expires_at").toInstant()));
    }
}
