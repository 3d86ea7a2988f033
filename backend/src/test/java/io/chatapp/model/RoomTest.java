package io.chatapp.model;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoomTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    private static Set<String> invalidFields(NewRoom room) {
        return validator.validate(room).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void aDirectRoomIsTheSameFromEitherSideAndAValidRoomId() {
        String id = Room.directId("alice", "bob");
        assertEquals(id, Room.directId("bob", "alice"));
        assertTrue(id.matches("dm-[0-9a-f]{32}"), id);
        assertTrue(id.matches(NewMessage.ROOM_PATTERN), "a direct room's id is a room id");
    }

    @Test
    void noTwoPairsOfUsersShareADirectRoom() {
        assertNotEquals(Room.directId("ab", "c"), Room.directId("a", "bc"));
        assertNotEquals(Room.directId("alice", "bob"), Room.directId("alice", "carol"));
    }

    @Test
    void aNewRoomNeedsAnIdThatIsNotADirectOne() {
        assertEquals(Set.of(), invalidFields(new NewRoom("design-team", "Design team", "private", List.of("bob"))));
        assertEquals(Set.of(), invalidFields(new NewRoom("dmz", null, null, null)), "only dm- is reserved");
        assertEquals(Set.of("id"), invalidFields(new NewRoom(null, null, null, null)));
        assertEquals(Set.of("id"), invalidFields(new NewRoom("dm-" + "a".repeat(32), null, null, null)));
        assertEquals(Set.of("id"), invalidFields(new NewRoom("Design Team", null, null, null)));
    }

    @Test
    void aNewRoomsNameVisibilityAndMembersAreChecked() {
        assertEquals(Set.of("name"), invalidFields(new NewRoom("r", "n".repeat(Room.MAX_NAME + 1), null, null)));
        assertEquals(Set.of("name"), invalidFields(new NewRoom("r", "   ", null, null)), "a name is trimmed first");
        assertEquals(Set.of("visibility"), invalidFields(new NewRoom("r", null, "direct", null)));
        assertTrue(invalidFields(new NewRoom("r", null, null, List.of(" "))).stream().anyMatch(field -> field.startsWith("members")));
    }
}
