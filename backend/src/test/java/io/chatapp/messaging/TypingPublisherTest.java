package io.chatapp.messaging;

import io.chatapp.metrics.ChatMetrics;
import io.chatapp.model.Sender;
import io.chatapp.model.Signal;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypingPublisherTest {

    private final List<Signal> published = new ArrayList<>();
    private int dropped;
    private final TypingPublisher typing = new TypingPublisher();

    TypingPublisherTest() {
        typing.instance = "i-1";
        typing.signals = new SignalPublisher() {
            @Override
            public void publish(Signal signal) {
                published.add(signal);
            }
        };
        typing.metrics = new ChatMetrics() {
            @Override
            public void signalDropped() {
                dropped++;
            }
        };
    }

    private static Signal.Typist typist(String room, int user) {
        return new Signal.Typist(room, new Sender("u-" + user, "User " + user));
    }

    @Test
    void typistsGatheredMeanwhileArePublishedInOneSignalOfTheInstance() {
        assertTrue(typing.gather(typist("general", 1)), "the first typist did not start a gathering");
        assertFalse(typing.gather(typist("design", 2)), "a second typist started another gathering");
        typing.publishGathered();
        assertEquals(List.of(new Signal.Typing("i-1", List.of(typist("general", 1), typist("design", 2)))), published);

        assertTrue(typing.gather(typist("general", 3)), "the first typist after a signal did not start a gathering");
    }

    @Test
    void manyTypistsArePublishedInSignalsOfBoundedSize() {
        for (int user = 0; user < 1_200; user++) {
            typing.gather(typist("general", user));
        }
        typing.publishGathered();
        assertEquals(List.of(500, 500, 200), published.stream().map(signal -> ((Signal.Typing) signal).typists().size()).toList());
        assertEquals(typist("general", 1_199), ((Signal.Typing) published.get(2)).typists().get(199));
    }

    @Test
    void typingThatCannotBePublishedIsDroppedBeyondABoundAndCounted() {
        for (int user = 0; user < TypingPublisher.MAX_GATHERED + 3; user++) {
            typing.gather(typist("general", user));
        }
        assertEquals(3, dropped);
        typing.publishGathered();
        assertEquals(TypingPublisher.MAX_GATHERED, published.stream().mapToInt(signal -> ((Signal.Typing) signal).typists().size()).sum());
    }
}
