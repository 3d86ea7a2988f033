package io.chatapp.load;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Edits, beside posts: the posters first post {@code --rate} messages a second for the duration
 * (each by one of the users in turn), and once the server has stored them all, edit them at the
 * same rate, each by its sender ({@code PATCH /api/messages/{id}}). It reports the edits a second,
 * the PATCH latency from each edit's due time, and the CPU each process spends per edit, which
 * the report sets beside a post's.
 */
final class EditScenario {

    record Result(long edited, double seconds, Latency patch, Map<String, Double> cpuMillisPerEdit, long rateLimited, long unavailable) {
        double perSecond() {
            return edited / seconds;
        }

        String report() {
            return String.format(Locale.ROOT, "[edit] %d edited in %.1f s: %.0f/s; PATCH %s%s; 429 answers %d, 503 answers %d",
                    edited, seconds, perSecond(), patch.summary(), ProcessCpu.summary("; CPU per edit:", cpuMillisPerEdit), rateLimited,
                    unavailable);
        }
    }

    private final LoadOptions options;
    private final ChatService chat;

    EditScenario(LoadOptions options, ChatService chat) {
        this.options = options;
        this.chat = chat;
    }

    Result run() throws Exception {
        RunText text = new RunText("edit");
        Map<Integer, String> ids = new ConcurrentHashMap<>();
        long storedBefore = chat.stored();
        Posters.Outcome posted = Posters.paced(options, (n, due) -> ids.put(n, chat.post(chat.token(n), options.room(),
                text.of(n, due), text.clientMessageIdPrefix + n).getString("id")));
        // Stored first: an edit of a message not stored yet waits for it, which is not what is measured.
        chat.awaitStored(storedBefore + posted.post().count());

        long rateLimitedBefore = chat.rateLimited.get();
        long unavailableBefore = chat.unavailable.get();
        ProcessCpu cpu = new ProcessCpu(options.pids());
        Map<String, Double> before = cpu.seconds();
        int count = ids.size();
        Posters.Outcome edited = Posters.paced(options, (n, due) ->
                chat.edit(chat.token(n % count), ids.get(n % count), "edited " + text.of(n, due)));
        Map<String, Double> cpuPerEdit = ProcessCpu.millisPerMessage(before, cpu.seconds(), edited.post().count());
        return new Result(edited.post().count(), edited.seconds(), edited.post(), cpuPerEdit,
                chat.rateLimited.get() - rateLimitedBefore, chat.unavailable.get() - unavailableBefore);
    }
}
