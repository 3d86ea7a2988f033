package io.chatapp.load;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When the server stamped a message, read from the message's frame ({@code "timestamp"}, UTC
 * with milliseconds) and put on this JVM's {@link System#nanoTime()} scale: the server and the
 * harness read the same machine's clock, so a delivery's latency splits at the stamp into the
 * way in (the post until the server took it) and the way out (Kafka, the broadcast and the
 * socket). Read by position, without parsing the frame's JSON, as {@link RunText} does.
 */
final class ServerStamps {

    /** What {@link #nanoTimeOf} answers for a frame without a stamp. */
    static final long NONE = Long.MIN_VALUE;
    private static final String KEY = "\"timestamp\":\"";
    /** {@code 2026-11-24T10:20:30.123Z} */
    private static final int LENGTH = 24;

    /** The wall clock's epoch nanoseconds less {@link System#nanoTime()} at the same moment. */
    private final long epochMinusNanoTime;

    ServerStamps() {
        Instant now = Instant.now();
        long nanoTime = System.nanoTime();
        this.epochMinusNanoTime = now.getEpochSecond() * 1_000_000_000L + now.getNano() - nanoTime;
    }

    /** @return the first stamp in the frame on the {@link System#nanoTime()} scale, or {@link #NONE} */
    long nanoTimeOf(String frame) {
        int at = frame.indexOf(KEY);
        if (at < 0) {
            return NONE;
        }
        int from = at + KEY.length();
        if (frame.length() < from + LENGTH || frame.charAt(from + LENGTH - 1) != 'Z') {
            return NONE;
        }
        long day = LocalDate.of(digits(frame, from, 4), digits(frame, from + 5, 2), digits(frame, from + 8, 2)).toEpochDay();
        long seconds = ((day * 24 + digits(frame, from + 11, 2)) * 60 + digits(frame, from + 14, 2)) * 60 + digits(frame, from + 17, 2);
        long epochNanos = (seconds * 1_000 + digits(frame, from + 20, 3)) * 1_000_000L;
        return epochNanos - epochMinusNanoTime;
    }

    private static int digits(String text, int from, int count) {
        return Integer.parseInt(text, from, from + count, 10);
    }
}
