package io.chatapp.identity;

import io.chatapp.model.Sender;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Derives the sender of a message from the caller's verified token. */
public final class Senders {

    private Senders() {
    }

    /** {@code id} is {@code sub}; the name is {@code name}, else {@code preferred_username}, else {@code email}, else {@code sub}. */
    public static Sender fromToken(JsonWebToken token) {
        String subject = token.getSubject();
        String name = firstPresent(token.getClaim("name"), token.getClaim("preferred_username"),
                token.getClaim("email"), subject);
        return new Sender(subject, name);
    }

    private static String firstPresent(Object... candidates) {
        for (Object candidate : candidates) {
            if (candidate != null) {
                String value = candidate instanceof jakarta.json.JsonString json ? json.getString() : candidate.toString();
                if (!value.isBlank()) {
                    return value;
                }
            }
        }
        return null;
    }
}
