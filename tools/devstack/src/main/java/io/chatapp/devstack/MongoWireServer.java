package io.chatapp.devstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Serves the MongoDB wire protocol on loopback for local runs and tests, where no mongod
 * can be installed. Usage: {@code MongoWireServer <port> <h2-file>|memory}.
 */
public final class MongoWireServer {

    private MongoWireServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MongoWireServer <port> <h2-file>|memory");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        MongoBackend backend;
        if ("memory".equals(args[1])) {
            backend = new MemoryBackend();
        } else {
            Path file = Path.of(args[1]).toAbsolutePath();
            Files.createDirectories(file.getParent());
            backend = new H2Backend(file.toString());
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        System.out.println("mongo-wire store listening on " + server.getConnectionString() + " (" + args[1] + ")");

        // A clean shutdown flushes the H2 file, so SIGTERM loses no acknowledged write.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }));
        stopped.await();
    }
}
