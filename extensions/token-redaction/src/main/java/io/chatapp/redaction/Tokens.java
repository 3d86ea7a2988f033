package io.chatapp.redaction;

import java.util.regex.Pattern;

/** Finds and replaces text shaped like a JSON Web Token. */
final class Tokens {

    static final String REPLACEMENT = "[token redacted]";

    /**
     * A compact JWS or JWE: a base64url JSON header (so it starts "eyJ") and one to four more
     * dot-separated base64url segments (two or three for a JWS, five for a JWE; empty ones allowed).
     */
    private static final Pattern TOKEN = Pattern.compile("eyJ[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]*){1,4}");

    private Tokens() {
    }

    static boolean found(CharSequence text) {
        return text != null && text.toString().contains("eyJ") && TOKEN.matcher(text).find();
    }

    /** The text with every token in it replaced by {@value #REPLACEMENT}. */
    static String redact(String text) {
        if (text == null || !text.contains("eyJ")) {
            return text;
        }
        return TOKEN.matcher(text).replaceAll(REPLACEMENT);
    }
}
