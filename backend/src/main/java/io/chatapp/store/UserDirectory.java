package io.chatapp.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.chatapp.model.Sender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The users who have signed in ({@code users}), by id and by name, for pickers and direct rooms.
 * Only users' requests use it, so every operation is bounded as a request's ({@link OnRequest}).
 */
@ApplicationScoped
public class UserDirectory {

    private MongoCollection<Document> users;
    private volatile boolean indexesReady;

    @Inject
    public UserDirectory(@OnRequest MongoDatabase database) {
        this.users = database.getCollection("users");
    }

    /** Required by CDI for the client proxy of an application-scoped bean. */
    protected UserDirectory() {
    }

    /** Records that the user signed in, under the name their token gives now. */
    public void signedIn(Sender user, Instant at) {
        try {
            if (!indexesReady) {
                users.createIndex(Indexes.ascending("name_key"), new IndexOptions().name("name_key"));
                indexesReady = true;
            }
            users.updateOne(Filters.eq("_id", user.id()), Updates.combine(Updates.set("name", user.name()),
                    Updates.set("name_key", user.name().toLowerCase(Locale.ROOT)), Updates.set("seen_at", Date.from(at)),
                    Updates.setOnInsert("first_seen_at", Date.from(at))), new UpdateOptions().upsert(true));
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    public Optional<Sender> find(String id) {
        try {
            return Optional.ofNullable(users.find(Filters.eq("_id", id)).first()).map(UserDirectory::fromDocument);
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /** Users whose name or id begins with the prefix (any case), by name; all of them for an empty prefix. */
    public List<Sender> search(String prefix, int limit) {
        Pattern start = Pattern.compile("^" + Pattern.quote(prefix.toLowerCase(Locale.ROOT)));
        Pattern idStart = Pattern.compile("^" + Pattern.quote(prefix));
        try {
            return users.find(Filters.or(Filters.regex("name_key", start), Filters.regex("_id", idStart)))
                    .sort(Sorts.ascending("name_key")).limit(limit).map(UserDirectory::fromDocument).into(new ArrayList<>());
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /** When the user first signed in; empty for a user never seen. */
    public Optional<Instant> firstSeen(String id) {
        try {
            return Optional.ofNullable(users.find(Filters.eq("_id", id)).first())
                    .map(document -> document.getDate("first_seen_at")).map(Date::toInstant);
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    public long count() {
        try {
            return users.countDocuments();
        } catch (MongoException e) {
            throw new StoreUnavailableException(e);
        }
    }

    private static Sender fromDocument(Document document) {
        return new Sender(document.getString("_id"), document.getString("name"));
    }
}
