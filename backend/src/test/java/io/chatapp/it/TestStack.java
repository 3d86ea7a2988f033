package io.chatapp.it;

import com.mongodb.client.MongoDatabase;
import io.chatapp.client.ChatClient;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/** Where the server and the dev stack under test are, from the system properties failsafe passes. */
final class TestStack {

    private TestStack() {
    }

    static URI server() {
        return URI.create("http://" + System.getProperty("microshed_hostname", "localhost") + ":"
                + System.getProperty("microshed_http_port", "9080"));
    }

    /** The chat client of the server under test (HTTP/1.1, as browsers speak to it). */
    static ChatClient client() {
        return ChatClient.of(server());
    }

    /** An Origin the server allows for WebSocket handshakes: its own. */
    static String origin() {
        return server().toString();
    }

    static String issuer() {
        return System.getProperty("it.oidc.issuer", "http://localhost:5556/dex");
    }

    static String kafkaBootstrap() {
        return System.getProperty("org.microshed.kafka.bootstrap.servers", "127.0.0.1:9092");
    }

    static String mongoUri() {
        return System.getProperty("it.mongodb.uri", "mongodb://127.0.0.1:27017");
    }

    /** The database as the server hands it to what a user's request does: bounded by the default request timeout. */
    static MongoDatabase onRequest(MongoDatabase database) {
        return database.withTimeout(2, TimeUnit.SECONDS);
    }
}
