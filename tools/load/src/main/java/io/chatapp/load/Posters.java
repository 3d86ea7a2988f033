package io.chatapp.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The posting side of a scenario: {@code --posters} threads post at the pacer's times until the
 * duration is over, each message by the user and into the room its {@link Route} says.
 */
final class Posters {

    /** What the n-th message says, given when it was due (System.nanoTime). */
    interface Text {
        String of(int n, long due);
    }

    /** Who posts the n-th message, and into which room. */
    interface Route {
        Address of(int n);
    }

    /** @param user the poster, by its number among the signed-in users */
    record Address(int user, String room) {
    }

    /** One paced request: the n-th, due then (System.nanoTime); returns once it was answered. */
    interface Action {
        void act(int n, long due) throws Exception;
    }

    /** @param post each accepted post's latency, from when it was due */
    record Outcome(Latency post, double seconds) {
    }

    private Posters() {
    }

    /** Every message into {@code --room}, the users posting in turn. */
    static Outcome run(LoadOptions options, ChatService chat, String clientMessageIdPrefix, Text text) throws Exception {
        return run(options, chat, clientMessageIdPrefix, n -> new Address(n, options.room()), text);
    }

    static Outcome run(LoadOptions options, ChatService chat, String clientMessageIdPrefix, Route route, Text text) throws Exception {
        return paced(options, (n, due) -> {
            Address address = route.of(n);
            chat.post(chat.token(address.user()), address.room(), text.of(n, due), clientMessageIdPrefix + n);
        });
    }

    /** {@code --posters} threads doing the action at the pacer's times until the duration is over; the latency is from each due time. */
    static Outcome paced(LoadOptions options, Action action) throws Exception {
        Latency post = new Latency();
        double seconds = pace(options, (n, due) -> {
            action.act(n, due);
            post.recordNanos(System.nanoTime() - due);
        });
        return new Outcome(post, seconds);
    }

    /**
     * {@code --posters} threads doing the action at the pacer's times until the duration is over.
     *
     * @return how long that took, in seconds
     */
    static double pace(LoadOptions options, Action action) throws Exception {
        AtomicInteger sequence = new AtomicInteger();
        Pacer pacer = new Pacer(options.rate(), options.duration());
        ExecutorService posters = Executors.newFixedThreadPool(options.posters());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < options.posters(); i++) {
                running.add(posters.submit(() -> {
                    for (long due = pacer.awaitNext(); due != -1; due = pacer.awaitNext()) {
                        action.act(sequence.getAndIncrement(), due);
                    }
                    return null;
                }));
            }
            for (Future<?> poster : running) {
                poster.get();
            }
            return pacer.elapsedSeconds();
        } finally {
            posters.shutdown();
        }
    }
}
