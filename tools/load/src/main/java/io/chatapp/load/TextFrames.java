package io.chatapp.load;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** One client's WebSocket listener: hands on each whole text frame, however the server split it. */
final class TextFrames implements WebSocket.Listener {

    private final Consumer<String> frames;
    private final StringBuilder partial = new StringBuilder();

    TextFrames(Consumer<String> frames) {
        this.frames = frames;
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
