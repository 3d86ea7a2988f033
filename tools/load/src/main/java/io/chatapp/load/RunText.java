package io.chatapp.load;

import java.util.UUID;

/**
 * The texts one run of a scenario posts, {@code <scenario> <run> <number> ...}, and how a client
 * finds them in a WebSocket frame: by their start, without parsing the frame's JSON, since a
 * thousand clients on the machine under test must cost it as little as they can.
 */
final class RunText {

    /** Short and of {@code [a-z0-9]}, so that it may be part of a room's id too. */
    final String run = UUID.randomUUID().toString().substring(0, 8);
    /** What this run's clientMessageIds start with: {@code <scenario>-<run>-}. */
    final String clientMessageIdPrefix;
    private final String start;
    private final String marker;

    RunText(String scenario) {
        this.clientMessageIdPrefix = scenario + "-" + run + "-";
        this.start = scenario + " " + run + " ";
        this.marker = "\"" + start;
    }

    /** The text of one message, carrying these numbers. */
    String of(long... numbers) {
        StringBuilder text = new StringBuilder(start);
        for (int i = 0; i < numbers.length; i++) {
            text.append(i == 0 ? "" : " ").append(numbers[i]);
        }
        return text.toString();
    }

    /**
     * The numbers of this run's text in a frame.
     *
     * @return {@code count} numbers, or null when the frame carries no text of this run
     */
    long[] numbers(String frame, int count) {
        int at = frame.indexOf(marker);
        if (at < 0) {
            return null;
        }
        long[] numbers = new long[count];
        int from = at + marker.length();
        for (int i = 0; i < count; i++) {
            int end = frame.indexOf(i == count - 1 ? '"' : ' ', from);
            if (end <= from) {
                return null;
            }
            numbers[i] = Long.parseLong(frame, from, end, 10);
            from = end + 1;
        }
        return numbers;
    }
}
