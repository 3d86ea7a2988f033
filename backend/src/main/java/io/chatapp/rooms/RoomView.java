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
 * @param memberList its members, when one room is asked for
 */
@JsonbPropertyOrder({"id", "room", "name", "visibility", "createdBy", "createdAt", "member", "members", "lastMessageAt", "memberList"})
public record RoomView(String id, String room, String name, String visibility, Sender createdBy, String createdAt,
                       boolean member, long members, String lastMessageAt, List<Sender> memberList) {

    static RoomView of(Room room, boolean member, long members, String lastMessageAt, List<Sender> memberList) {
        return new RoomView(room.id(), room.id(), room.name(), room.visibility(), room.createdBy(), room.createdAt(),
                member, members, lastMessageAt, memberList);
    }
}
