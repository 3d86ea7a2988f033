package io.chatapp.socket;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import java.io.StringReader;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What a frame says of itself before it is read as its type: its top-level {@code type} and
 * {@code clientMessageId}. Read with JSON-P's streaming parser, which keeps no tree, so that a
 * frame nested thousands deep is refused at {@link #MAX_DEPTH} instead of exhausting the stack.
 *
 * @param type null when the frame names none
 * @param clientMessageId null when the frame has none
 */
record FrameOutline(String type, String clientMessageId) {

    static final int MAX_DEPTH = 16;
    /** Made once: {@code Json.createParser} looks the provider up through the class loaders on every call. */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    /** Why a frame cannot be read at all; the detail is what the client is told. */
    static final class Unreadable extends Exception {

        private static final long serialVersionUID = 1L;

        Unreadable(String detail) {
            super(detail, null, false, false);
        }
    }

    static FrameOutline of(String text) throws Unreadable {
        String type = null;
        String clientMessageId = null;
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new Unreadable("A frame is a JSON object");
            }
            int depth = 1;
            String key = null;
            while (depth > 0) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > MAX_DEPTH) {
                            throw new Unreadable("A frame nests at most " + MAX_DEPTH + " levels deep");
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME -> {
                        if (depth == 1) {
                            key = parser.getString();
                            continue;
                        }
                    }
                    case VALUE_STRING -> {
                        if (depth == 1 && "type".equals(key)) {
                            type = parser.getString();
                        } else if (depth == 1 && "clientMessageId".equals(key)) {
                            clientMessageId = parser.getString();
                        }
                    }
                    default -> {
                        // numbers, booleans and nulls say nothing of the frame's outline
                    }
                }
                key = null;
            }
            if (parser.hasNext()) {
                throw new Unreadable("The frame is not valid JSON");
            }
        } catch (JsonException | NoSuchElementException | IllegalStateException e) {
            throw new Unreadable("The frame is not valid JSON");
        }
        return new FrameOutline(type, clientMessageId);
    }
}
