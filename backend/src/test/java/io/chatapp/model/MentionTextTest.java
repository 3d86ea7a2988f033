package io.chatapp.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MentionTextTest {

    private static final Sender ANN = new Sender("u-ann", "Ann");
    private static final Sender ANN_LEE = new Sender("u-annlee", "Ann Lee");
    private static final Sender BOB = new Sender("bob", "Bob Stone");
    private static final List<Sender> MEMBERS = List.of(ANN, ANN_LEE, BOB);

    @Test
    void namesAMemberByNameOrIdIgnoringCaseEachOnceInTheOrderNamed() {
        assertEquals(List.of("bob", "u-ann"), MentionText.mentioned("@bob can you ask @ann? @Bob Stone!", MEMBERS));
        assertEquals(List.of("u-annlee"), MentionText.mentioned("@u-annlee", MEMBERS));
    }

    @Test
    void theLongestNameStandingThereWins() {
        assertEquals(List.of("u-annlee"), MentionText.mentioned("thanks @Ann Lee", MEMBERS));
        assertEquals(List.of("u-ann"), MentionText.mentioned("thanks @Ann Leeds", MEMBERS));
    }

    @Test
    void namesNoOneInsideAWordAnAddressOrALongerName() {
        assertEquals(List.of(), MentionText.mentioned("mail bob@example.com", MEMBERS));
        assertEquals(List.of(), MentionText.mentioned("@bobby and @annie", MEMBERS));
        assertEquals(List.of(), MentionText.mentioned("@ alone, @carol", MEMBERS));
        assertEquals(List.of(), MentionText.mentioned("@bob", List.of()));
    }

    @Test
    void onlyTheFirstAtsOfATextCount() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append("@u").append(i).append(' ');
        }
        List<Sender> people = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> new Sender("u" + i, "User " + i)).toList();
        assertEquals(MentionText.MAX_NAMES, MentionText.mentioned(text.toString(), people).size());
        assertEquals(MentionText.MAX_NAMES, MentionText.atWords(text.toString()).size());
    }

    @Test
    void theWordsAfterAnAtAreWhatToLookPeopleUpBy() {
        assertEquals(Set.of("ann", "Bob"), MentionText.atWords("hi @ann and @Bob, not x@y"));
        assertEquals(Set.of(), MentionText.atWords("no one"));
    }
}
