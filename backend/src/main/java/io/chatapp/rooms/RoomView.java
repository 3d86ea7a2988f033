package io.chatapp.rooms;

import io.chatapp.model.Room;
import io.chatapp.model.Sender;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/**
 * A room as one user sees it.
 *
 * @param room       the id again, as v1 clients read it
 * @param members    how many members it has
 * @param unread     for a member: messages of others after their read marker (or after they joined), at most 1,000
 * @param lastReadId for a member who marked the room read: the last message they read
 * @param memberList its members, when one room is asked for
 */
@JsonbPropertyOrder({"id", "room", "name", "visibility", "createdBy", "createdAt", "member", "members", "lastMessageAt",
        "unread", "lastReadId", "memberList"})
public record RoomView(String id, String room, String name, String visibility, Sender createdBy, String createdAt,
                       boolean member, long members, String lastMessageAt, Long unread, String lastReadId, List<Member> memberList) {

    /** A member, and whether they have a session open anywhere now. */
    public record Member(String id, String name, boolean online) {
    }

    /** What the caller has not read yet: for a room they are a member of. */
    record ReadState(long unread, String lastReadId) {
    }

    static RoomView of(Room room, boolean member, long members, String lastMessageAt, ReadState read, List<Member> memberList) {
        return new RoomView(room.id(), room.id(), room.name(), room.visibility(), room.createdBy(), room.createdAt(),
                member, members, lastMessageAt, read == null ? null : read.unread(), read == null ? null : read.lastReadId(), memberList);
    }
}
