package io.chatapp.it;

import io.chatapp.client.ChatClient;

import java.net.URI;

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
}
