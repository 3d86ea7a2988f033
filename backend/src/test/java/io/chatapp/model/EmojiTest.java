package io.chatapp.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmojiTest {

    @ParameterizedTest
    @ValueSource(strings = {"👍", "🎉", "❤️", "👍🏽", "👨‍👩‍👧", "🇫🇷", "1️⃣", "☕"})
    void oneEmojiAsUsersSeeIt(String emoji) {
        assertTrue(Emoji.isOne(emoji), emoji);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "ok", "👍👍", "👍 ", " 👍", "1", "<b>", "\u0000", "é", "\u200d"})
    void notOneEmoji(String text) {
        assertFalse(Emoji.isOne(text), text);
    }
}
