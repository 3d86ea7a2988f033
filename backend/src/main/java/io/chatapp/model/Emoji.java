package io.chatapp.model;

import java.util.regex.Pattern;

/** What counts as one emoji, for reactions. */
public final class Emoji {

    /** One extended grapheme cluster: a flag, a skin tone or a family is one emoji, as users see it. */
    private static final Pattern ONE_GRAPHEME = Pattern.compile("\\X");
    private static final int KEYCAP = 0x20E3;

    private Emoji() {
    }

    /**
     * Whether the text is exactly one emoji: one grapheme that is a pictographic symbol (the
     * Unicode category of emoji and of flags' regional indicators) or a keycap such as 1️⃣.
     */
    public static boolean isOne(String text) {
        if (text == null || text.isEmpty() || text.length() > 64 || !ONE_GRAPHEME.matcher(text).matches()) {
            return false;
        }
        return text.codePoints().anyMatch(point -> Character.getType(point) == Character.OTHER_SYMBOL || point == KEYCAP);
    }
}
