package io.chatapp.it;

import io.chatapp.client.RecordingSocket;
import jakarta.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The events on {@code chat-messages} as another consumer of the topic, an older server or a
 * newer one sees them: the value is still the message JSON the contract names, the event's
 * type and id travel as CloudEvents headers, and records written before events had types are
 * still shown and stored.
 */
@MicroShedTest
public class EventRecordsIT {

    private static Chat alice;
    private static Chat bob;

    @BeforeAll
    static void signIn() {
        Chat.awaitPipelineReady();
        alice = Chat.as("alice");
        bob = Chat.as("bob");
    }

    @Test
    void aMessagePostedIsARecordOfItsRoomWithTheEventsHeadersAndTheMessageAsItsValue() {
        String room = Chat.freshRoom("events");
        try (Topics.Tail messages = new Topics.Tail(Topics.MESSAGES)) {
            JsonObject posted = alice.post(room, "a typed event");
            String id = posted.getString("id");

            ConsumerRecord<String, String> record = messages.await("the record of " + id, candidate -> room.equals(candidate.key()));
            assertEquals(posted, Chat.parse(record.value()), "the value is the message, as the API answered it");
            assertEquals("io.chatapp.message.posted", Topics.header(record, "ce_type"));
            assertEquals(id, Topics.header(record, "ce_id"));
            assertEquals("1.0", Topics.header(record, "ce_specversion"));
            assertEquals(room, Topics.header(record, "ce_subject"));
            assertEquals("1", Topics.header(record, "ce_schemaversion"));
        }
    }

    @Test
    void aRecordWrittenBeforeEventsHadTypesIsStillShownAndStored() {
        String room = Chat.freshRoom("legacy");
        String written = DeadLetterIT.messageJson(room, "written before events had types");
        bob.join(room);
        String id = ((JsonObject) Chat.parse(written)).getString("id");
        try (RecordingSocket bobsSocket = bob.connect()) {
            // As the server wrote every message before: key the room, value the message, no headers.
            Topics.write(Topics.MESSAGES, room, written);

            JsonObject shown = bobsSocket.awaitMessage(id, Duration.ofSeconds(10)).getJsonObject("message");
            assertEquals("written before events had types", shown.getString("text"));
            assertEquals("written before events had types", alice.awaitStored(room, id).getString("text"));
        }
    }
}
