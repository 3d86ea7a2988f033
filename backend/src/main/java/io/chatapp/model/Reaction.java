package io.chatapp.model;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One emoji on a message, and who put it there (in the order they did).
 *
 * @param count how many users, as clients show it
 */
@JsonbPropertyOrder({"emoji", "count", "users"})
public record Reaction(@NotNull @Size(min = 1, max = 64) String emoji, int count, @NotNull @Size(min = 1) List<@NotNull String> users) {

    @JsonbCreator
    public Reaction {
        users = users == null ? null : List.copyOf(users);
        count = users == null ? 0 : users.size();
    }

    public Reaction(String emoji, List<String> users) {
        this(emoji, 0, users);
    }
}
