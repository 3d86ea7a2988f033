package io.chatapp.api;

import jakarta.json.bind.JsonbException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonBodyCheckTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"room\":\"general\",\"text\":\"hi\"}", "{\"text\":{\"a\":[1,2,{\"b\":null}]}}", "\"text\"", "[]"})
    void takesOneWellFormedValue(String body) {
        assertDoesNotThrow(() -> JsonBodyCheck.requireWellFormed(bytes(body)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"room\":{\"a\":", "{\"room\":\"general\"", "{} {}", "{\"a\":1}x", "{'a':1}", "[1,]"})
    void refusesWhatIsCutShortOrNotJson(String body) {
        assertThrows(JsonbException.class, () -> JsonBodyCheck.requireWellFormed(bytes(body)));
    }

    @ParameterizedTest
    @ValueSource(ints = {33, 20_000})
    void refusesBodiesNestedTooDeep(int depth) {
        String body = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        assertThrows(JsonbException.class, () -> JsonBodyCheck.requireWellFormed(bytes(body)));
        String shallow = "{\"a\":".repeat(JsonBodyCheck.MAX_DEPTH) + "1" + "}".repeat(JsonBodyCheck.MAX_DEPTH);
        assertDoesNotThrow(() -> JsonBodyCheck.requireWellFormed(bytes(shallow)));
    }
}
