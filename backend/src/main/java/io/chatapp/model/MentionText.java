package io.chatapp.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a message's text names people: {@code @} followed by someone's name or id, at the start
 * of the text or after a character that is not part of a word (so an address such as
 * {@code bob@example.com} names no one), and ending where a word ends.
 */
public final class MentionText {

    /** The word after an {@code @}: what a name or an id begins with. */
    private static final Pattern AT_WORD = Pattern.compile("(?<![\\p{L}\\p{N}_])@([\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,39})");

    /** How many {@code @}s of one text are looked at: a text full of them costs no more than this. */
    public static final int MAX_NAMES = 20;
    /** Names and ids longer than this are never mentioned. */
    private static final int MAX_KEY = 80;

    private MentionText() {
    }

    /** The words that follow an {@code @} in the text, each once, in the order they first come; at most {@link #MAX_NAMES}. */
    public static Set<String> atWords(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text.indexOf('@') < 0) {
            return words;
        }
        Matcher matcher = AT_WORD.matcher(text);
        while (words.size() < MAX_NAMES && matcher.find()) {
            words.add(matcher.group(1));
        }
        return words;
    }

    /**
     * The ids of the people the text names, each once, in the order first named; only the first
     * {@link #MAX_NAMES} {@code @}s count. At each {@code @} the longest name or id that stands
     * there wins (case is ignored), so "@Ann Lee" names Ann Lee rather than Ann when both are
     * among the people. The cost is bounded by the text, whatever the number of people.
     */
    public static List<String> mentioned(String text, Collection<Sender> people) {
        if (people.isEmpty() || text.indexOf('@') < 0) {
            return List.of();
        }
        Map<String, Sender> byKey = new HashMap<>();
        int longest = 0;
        for (Sender person : people) {
            for (String key : List.of(person.id(), person.name())) {
                if (key.length() <= MAX_KEY) {
                    byKey.putIfAbsent(key.toLowerCase(Locale.ROOT), person);
                    longest = Math.max(longest, key.length());
                }
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = AT_WORD.matcher(text);
        for (int at = 0; at < MAX_NAMES && matcher.find(); at++) {
            int from = matcher.start() + 1;
            for (int end = Math.min(text.length(), from + longest); end > from; end--) {
                if (end < text.length() && isWordPart(text.codePointAt(end))) {
                    continue;
                }
                Sender person = byKey.get(text.substring(from, end).toLowerCase(Locale.ROOT));
                if (person != null) {
                    ids.add(person.id());
                    break;
                }
            }
        }
        return new ArrayList<>(ids);
    }

    private static boolean isWordPart(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || codePoint == '_';
    }
}
