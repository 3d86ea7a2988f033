package io.chatapp.load;

import java.util.Locale;
import java.util.UUID;

/** Concurrent posters, paced or as fast as accepted: accepted messages a second and POST latency. */
final class IngestScenario {

    record Result(long accepted, double seconds, Latency post, long rateLimited, long unavailable) {
        double perSecond() {
            return accepted / seconds;
        }

        String report() {
            return String.format(Locale.ROOT, "[ingest] %d accepted in %.1f s: %.0f/s; POST %s; 429 answers %d, 503 answers %d",
                    accepted, seconds, perSecond(), post.summary(), rateLimited, unavailable);
        }
    }

    private final LoadOptions options;
    private final ChatService chat;

    IngestScenario(LoadOptions options, ChatService chat) {
        this.options = options;
        this.chat = chat;
    }

    Result run() throws Exception {
        long rateLimitedBefore = chat.rateLimited.get();
        long unavailableBefore = chat.unavailable.get();
        Posters.Outcome outcome = Posters.run(options, chat, "ingest-" + UUID.randomUUID() + "-", (n, due) -> "ingest " + n);
        return new Result(outcome.post().count(), outcome.seconds(), outcome.post(), chat.rateLimited.get() - rateLimitedBefore,
                chat.unavailable.get() - unavailableBefore);
    }
}
