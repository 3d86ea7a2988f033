package io.chatapp.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.chatapp.tracing.ChatTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One MongoDB client per application, from the configured connection string, its commands traced;
 * its database as the consumers use it, and as a user's request does ({@link OnRequest}).
 */
@ApplicationScoped
class MongoProducer {

    @Produces
    @ApplicationScoped
    MongoClient mongoClient(@ConfigProperty(name = "chat.mongodb.uri") String uri, ChatTracing tracing) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applicationName("chatapp");
        // A listener makes the driver describe every command and reply: only worth it when traced.
        if (tracing.enabled()) {
            settings.addCommandListener(new MongoCommandSpans(tracing));
        }
        return MongoClients.create(settings.build());
    }

    @Produces
    @ApplicationScoped
    MongoDatabase database(MongoClient client,
                           @ConfigProperty(name = "chat.mongodb.database", defaultValue = "chat") String name) {
        return client.getDatabase(name);
    }

    @Produces
    @ApplicationScoped
    @OnRequest
    MongoDatabase onRequest(MongoDatabase database,
                            @ConfigProperty(name = "chat.mongodb.request-timeout") Duration requestTimeout) {
        return database.withTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void close(@Disposes MongoClient client) {
        client.close();
    }
}
