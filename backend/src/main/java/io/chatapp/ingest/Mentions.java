package io.chatapp.ingest;

import io.chatapp.model.MentionText;
import io.chatapp.model.Room;
import io.chatapp.model.Sender;
import io.chatapp.store.RoomRepository;
import io.chatapp.store.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Whom a message's text names among the members of its room. */
@ApplicationScoped
public class Mentions {

    /** How many people one {@code @word} is looked up among in {@code general}, whose members are everyone. */
    private static final int CANDIDATES_PER_WORD = 20;

    @Inject
    RoomRepository rooms;

    @Inject
    UserDirectory users;

    /** The ids of the room's members that the text names; costs nothing for a text without an {@code @}. */
    public List<String> in(String room, String text) {
        Set<String> words = MentionText.atWords(text);
        if (words.isEmpty()) {
            return List.of();
        }
        return MentionText.mentioned(text, Room.GENERAL.equals(room) ? everyoneCalled(words) : rooms.members(room));
    }

    private List<Sender> everyoneCalled(Set<String> words) {
        List<Sender> people = new ArrayList<>();
        words.forEach(word -> people.addAll(users.search(word, CANDIDATES_PER_WORD)));
        return people;
    }
}
