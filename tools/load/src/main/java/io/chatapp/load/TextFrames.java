package io.chatapp.load;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** One client's WebSocket listener: hands on each whole text frame, however the server split it. */
final class TextFrames implements WebSocket.Listener {

    static final int ABNORMAL_CLOSURE = 1006;

    private final Consumer<String> frames;
    private final IntConsumer closed;
    private final StringBuilder partial = new StringBuilder();

    TextFrames(Consumer<String> frames) {
        this(frames, status -> { });
    }

    /**
     * @param closed told the status code when the server closes the connection, and 1006 (closed
     *     abnormally, as the WebSocket protocol names it) when the connection fails without a close
     */
    TextFrames(Consumer<String> frames, IntConsumer closed) {
        this.frames = frames;
        this.closed = closed;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        closed.accept(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        closed.accept(ABNORMAL_CLOSURE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.accept(partial.toString());
            partial.setLength(0);
        }
        socket.request(1);
        return null;
    }
}
