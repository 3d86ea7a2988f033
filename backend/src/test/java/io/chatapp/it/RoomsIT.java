package io.chatapp.it;

import io.chatapp.client.RecordingSocket;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rooms as their users see them: created, listed, browsed, joined, left; direct rooms; the users directory. */
@MicroShedTest
public class RoomsIT {

    private static Chat alice;
    private static Chat bob;
    private static Chat carol;

    @BeforeAll
    static void signIn() {
        alice = Chat.present("alice");
        bob = Chat.present("bob");
        carol = Chat.present("carol");
    }

    @Test
    void aCreatedPublicRoomIsTheCreatorsAndOpenToBrowse() {
        String id = Chat.freshRoom("pub");
        Response response = alice.api.createRoom("{\"id\":\"" + id + "\",\"name\":\"Design team\"}");
        assertEquals(201, response.getStatus());
        assertTrue(response.getLocation().getPath().endsWith("/api/rooms/" + id), "Location " + response.getLocation());
        JsonObject created = Chat.object(response);
        assertEquals(id, created.getString("id"));
        assertEquals(id, created.getString("room"), "v1 clients read the id as room");
        assertEquals("Design team", created.getString("name"));
        assertEquals("public", created.getString("visibility"));
        assertEquals("alice", created.getJsonObject("createdBy").getString("id"));
        assertTrue(created.getBoolean("member"));
        assertEquals(1, created.getInt("members"));

        Chat.await(id + " among alice's rooms", Duration.ofSeconds(10), () -> alice.myRooms().contains(id) ? true : null);
        JsonObject browsed = Chat.await(id + " among public rooms", Duration.ofSeconds(10), () ->
                Chat.array(bob.api.rooms("public")).getValuesAs(JsonObject.class).stream()
                        .filter(room -> room.getString("id").equals(id)).findFirst().orElse(null));
        assertFalse(browsed.getBoolean("member"), "bob is not a member yet");
        assertFalse(bob.myRooms().contains(id));
    }

    @Test
    void aPrivateRoomIsItsMembersAlone() {
        String id = Chat.freshRoom("priv");
        JsonObject created = alice.createRoom(id, "private", "bob");
        assertEquals("private", created.getString("visibility"));
        assertEquals(2, created.getInt("members"));

        JsonObject seen = Chat.await("both members listed", Duration.ofSeconds(10), () -> {
            JsonObject room = Chat.object(bob.api.room(id));
            return room.getJsonArray("memberList").size() == 2 ? room : null;
        });
        assertEquals(List.of("alice", "bob"), seen.getJsonArray("memberList").getValuesAs(JsonObject.class).stream()
                .map(member -> member.getString("id")).sorted().toList());
        assertEquals(404, carol.api.room(id).getStatus());
        assertTrue(Chat.array(carol.api.rooms("public")).getValuesAs(JsonObject.class).stream()
                .noneMatch(room -> room.getString("id").equals(id)), "a private room is not among the public ones");
        Chat.await(id + " among bob's rooms", Duration.ofSeconds(10), () -> bob.myRooms().contains(id) ? true : null);
        assertFalse(carol.myRooms().contains(id));
    }

    @Test
    void anIdIsTakenWhateverTheVisibility() {
        String id = Chat.freshRoom("taken");
        alice.createRoom(id, "private");
        Response again = bob.api.createRoom(Chat.roomBody(id, "public"));
        assertEquals(409, again.getStatus());
        assertEquals("application/problem+json", again.getMediaType().toString());
        assertEquals(404, bob.api.room(id).getStatus(), "the 409 is all a non-member learns of a private room");
    }

    @Test
    void invalidRoomsAreRefusedNamingTheFieldAndNothingIsCreated() {
        assertField("id", alice.api.createRoom("{\"id\":\"Not A Room\"}"));
        assertField("id", alice.api.createRoom("{\"id\":\"dm-" + "0".repeat(32) + "\"}"));
        String id = Chat.freshRoom("bad");
        assertField("name", alice.api.createRoom("{\"id\":\"" + id + "\",\"name\":\"" + "n".repeat(81) + "\"}"));
        assertField("visibility", alice.api.createRoom("{\"id\":\"" + id + "\",\"visibility\":\"direct\"}"));
        assertEquals(404, alice.api.createRoom(Chat.roomBody(id, "private", "no-such-user-ever")).getStatus());
        assertEquals(404, alice.api.room(id).getStatus(), "nothing was created");
    }

    private static void assertField(String field, Response response) {
        assertEquals(400, response.getStatus());
        JsonObject problem = Chat.object(response);
        assertEquals(field, problem.getJsonArray("errors").getJsonObject(0).getString("field"), problem.toString());
    }

    @Test
    void anyoneJoinsAndLeavesAPublicRoomByThemselves() {
        String id = Chat.freshRoom("join");
        alice.createRoom(id, "public");
        assertEquals(403, alice.api.addMember(id, "bob").getStatus(), "no one adds others to a public room");

        assertEquals(204, bob.api.addMember(id, "bob").getStatus());
        Chat.await(id + " among bob's rooms", Duration.ofSeconds(10), () -> bob.myRooms().contains(id) ? true : null);
        assertEquals(204, bob.api.addMember(id, "bob").getStatus(), "joining again changes nothing");

        assertEquals(204, bob.api.removeMember(id, "bob").getStatus());
        Chat.await(id + " gone from bob's rooms", Duration.ofSeconds(10), () -> bob.myRooms().contains(id) ? null : true);
        assertFalse(Chat.object(bob.api.room(id)).getBoolean("member"));
    }

    @Test
    void onlyTheCreatorRemovesOthers() {
        String id = Chat.freshRoom("remove");
        alice.createRoom(id, "private", "bob", "carol");
        assertEquals(403, bob.api.removeMember(id, "carol").getStatus());
        assertEquals(200, carol.api.room(id).getStatus());

        assertEquals(204, alice.api.removeMember(id, "carol").getStatus());
        assertEquals(404, carol.api.room(id).getStatus(), "removed: the room is gone for her at once");
        assertEquals(204, bob.api.addMember(id, "carol").getStatus(), "a member adds someone to a private room");
        assertEquals(200, carol.api.room(id).getStatus());
    }

    @Test
    void everyoneIsInGeneralForGood() {
        Chat newcomer = Chat.present(Chat.freshRoom("newcomer"));
        assertTrue(newcomer.myRooms().contains("general"));
        JsonObject general = Chat.object(newcomer.api.room("general"));
        assertTrue(general.getBoolean("member"));
        assertEquals("public", general.getString("visibility"));
        assertEquals(403, newcomer.api.removeMember("general", newcomer.user).getStatus());
    }

    @Test
    void twoUsersHaveOneDirectRoomWhoeverStartsIt() {
        JsonObject fromAlice = Chat.object(alice.api.direct("{\"userId\":\"bob\"}"));
        JsonObject fromBob = Chat.object(bob.api.direct("{\"userId\":\"alice\"}"));
        assertEquals(fromAlice.getString("id"), fromBob.getString("id"));
        assertTrue(fromAlice.getString("id").matches("dm-[0-9a-f]{32}"), fromAlice.getString("id"));
        assertEquals("direct", fromAlice.getString("visibility"));
        assertEquals(List.of("alice", "bob"), fromBob.getJsonArray("memberList").getValuesAs(JsonObject.class).stream()
                .map(member -> member.getString("id")).sorted().toList(), "the direct room comes with who it is with");

        String id = fromAlice.getString("id");
        assertEquals(404, carol.api.room(id).getStatus());
        assertEquals(403, alice.api.addMember(id, "carol").getStatus(), "a direct room has its two members only");
        Chat.await(id + " among bob's rooms", Duration.ofSeconds(10), () -> bob.myRooms().contains(id) ? true : null);
    }

    @Test
    void aDirectRoomIsListedWithWhoItIsWithAndWhetherTheyAreOnline() throws Exception {
        // Users of this test alone: nobody else's socket keeps them online.
        Chat dora = Chat.present(Chat.freshRoom("dora"));
        Chat emil = Chat.present(Chat.freshRoom("emil"));
        String id = Chat.object(dora.api.direct("{\"userId\":\"" + emil.user + "\"}")).getString("id");
        try (RecordingSocket doraOnline = dora.connect()) {
            JsonObject listed = Chat.await(dora.user + " online in " + emil.user + "'s list entry of " + id, Duration.ofSeconds(10), () -> {
                JsonObject entry = listedRoom(emil, id);
                return entry != null && member(entry, dora.user).getBoolean("online") ? entry : null;
            });
            assertEquals(List.of(dora.user, emil.user).stream().sorted().toList(), listed.getJsonArray("memberList").getValuesAs(JsonObject.class)
                    .stream().map(member -> member.getString("id")).sorted().toList());
        }
        Chat.await(dora.user + " offline in " + emil.user + "'s list entry of " + id, Duration.ofSeconds(10),
                () -> member(listedRoom(emil, id), dora.user).getBoolean("online") ? null : true);
        assertTrue(Chat.array(emil.api.rooms()).getValuesAs(JsonObject.class).stream()
                .filter(room -> !"direct".equals(room.getString("visibility"))).noneMatch(room -> room.containsKey("memberList")),
                "only direct rooms are listed with their members");
    }

    private static JsonObject listedRoom(Chat user, String id) {
        return Chat.array(user.api.rooms()).getValuesAs(JsonObject.class).stream()
                .filter(room -> id.equals(room.getString("id"))).findFirst().orElse(null);
    }

    private static JsonObject member(JsonObject room, String user) {
        return room.getJsonArray("memberList").getValuesAs(JsonObject.class).stream()
                .filter(member -> user.equals(member.getString("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(user + " is not among the members: " + room));
    }

    @Test
    void directRoomsNeedAnotherKnownUser() {
        assertField("userId", alice.api.direct("{\"userId\":\"alice\"}"));
        assertField("userId", alice.api.direct("{}"));
        assertEquals(404, alice.api.direct("{\"userId\":\"no-such-user-ever\"}").getStatus());
        assertEquals(404, alice.api.room("dm-" + "f".repeat(32)).getStatus());
    }

    @Test
    void theDirectoryFindsUsersWhoSignedInByNameOrIdPrefix() {
        List<String> found = Chat.object(alice.api.users("CAR")).getJsonArray("users").getValuesAs(JsonObject.class).stream()
                .map(user -> user.getString("id")).toList();
        assertTrue(found.contains("carol"), "found " + found);
        assertFalse(found.contains("bob"));
        assertTrue(Chat.object(alice.api.users("no-one-is-called-this")).getJsonArray("users").isEmpty());
    }

    private static JsonObject listed(Chat chat, String id) {
        return Chat.array(chat.api.rooms()).getValuesAs(JsonObject.class).stream()
                .filter(room -> room.getString("id").equals(id)).findFirst().orElse(null);
    }

    @Test
    void unreadCountsFollowTheReadMarkerAcrossDevices() {
        String id = Chat.freshRoom("unread");
        alice.createRoom(id, "private", "bob");
        List<String> posted = List.of(alice.post(id, "one").getString("id"), alice.post(id, "two").getString("id"),
                alice.post(id, "three").getString("id"));
        alice.awaitStored(id, posted.get(2));
        JsonObject before = Chat.await("bob's room with 3 unread", Duration.ofSeconds(10), () -> {
            JsonObject room = listed(bob, id);
            return room != null && room.getInt("unread") == 3 ? room : null;
        });
        assertFalse(before.containsKey("lastReadId"));
        assertEquals(0, listed(alice, id).getInt("unread"), "her own messages are not unread for alice");

        assertEquals(204, bob.api.read(id, "{\"messageId\":\"" + posted.get(1) + "\"}").getStatus());
        assertEquals(204, bob.api.read(id, "{\"messageId\":\"" + posted.get(0) + "\"}").getStatus(), "an older one is fine");
        Chat otherDevice = Chat.as("bob");
        JsonObject after = listed(otherDevice, id);
        assertEquals(1, after.getInt("unread"), "the marker never moves back, and holds on every device");
        assertEquals(posted.get(1), after.getString("lastReadId"));
        assertEquals(1, Chat.object(otherDevice.api.room(id)).getInt("unread"));
    }

    @Test
    void markingReadNeedsAStoredMessageOfTheRoomAndARoomOfTheCaller() {
        String id = Chat.freshRoom("read-bad");
        alice.createRoom(id, "private");
        String message = alice.post(id, "mine").getString("id");
        alice.awaitStored(id, message);
        assertField("messageId", alice.api.read(id, "{}"));
        assertEquals(404, alice.api.read(id, "{\"messageId\":\"00000000-0000-0000-0000-000000000000\"}").getStatus());
        assertEquals(404, carol.api.read(id, "{\"messageId\":\"" + message + "\"}").getStatus(), "not her room");
        assertEquals(404, alice.api.read("general", "{\"messageId\":\"" + message + "\"}").getStatus(), "a message of another room");
    }
}
