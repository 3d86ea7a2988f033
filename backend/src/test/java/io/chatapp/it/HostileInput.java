package io.chatapp.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated corpus of hostile request bodies: each a content type and raw bytes, from a fixed
 * seed so that a failure can be replayed. Every kind of input a client can get wrong or an
 * attacker can try: broken and deeply nested JSON, invalid UTF-8, control characters, huge
 * names, unknown fields, wrong types, odd content types.
 */
final class HostileInput {

    record Body(String kind, String contentType, byte[] bytes) {
        String preview() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return kind + " " + contentType + " " + (text.length() > 120 ? text.substring(0, 120) + "…" : text);
        }
    }

    private static final String JSON = "application/json";
    private static final String[] FIELDS = {"room", "text", "clientMessageId"};
    private static final String[] ODD_VALUES = {"null", "true", "false", "0", "-1", "1e309", "-0.0", "123456789012345678901234567890",
            "[]", "{}", "[\"general\"]", "{\"$gt\":\"\"}", "{\"$where\":\"sleep(1000)\"}", "\"\"", "\" \"", "\"\\u0000\"",
            "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"<script>alert(1)</script>\"", "\"../../etc/passwd\"", "\"general\\nX-Injected: 1\"",
            "\"' OR 1=1 --\"", "\"${jndi:ldap://127.0.0.1/x}\"", "\"%00\"", "\"\\\"\"", "\"\\\\\"", "NaN", "Infinity", "\"\\u202egeneral\""};
    private static final String[] CONTENT_TYPES = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/octet-stream", "application/json-patch+json", "text/html",
            "application/json; charset=ISO-8859-1", "*/*", "application/", "json", ""};

    private final Random random;

    HostileInput(long seed) {
        this.random = new Random(seed);
    }

    List<Body> bodies(int count) {
        List<Body> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(next(i % 12));
        }
        return bodies;
    }

    private Body next(int kind) {
        return switch (kind) {
            case 0 -> json("truncated", truncate(validish()));
            case 1 -> json("nested", nested(1 + random.nextInt(random.nextBoolean() ? 64 : 20_000)));
            case 2 -> new Body("invalid-utf8", JSON, invalidUtf8());
            case 3 -> json("control-characters", object("general", controlCharacters(), maybeId()));
            case 4 -> json("huge-room", object("r".repeat(41 + random.nextInt(100_000)), "hi", null));
            case 5 -> json("unknown-fields", "{\"room\":\"general\",\"text\":\"hi\",\"sender\":{\"id\":\"admin\",\"name\":\"Admin\"},"
                    + "\"id\":\"00000000-0000-0000-0000-000000000000\",\"timestamp\":\"1970-01-01T00:00:00Z\",\"x" + random.nextInt(1000) + "\":1}");
            case 6 -> json("wrong-types", wrongTypes());
            case 7 -> new Body("content-type", CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)],
                    validish().getBytes(StandardCharsets.UTF_8));
            case 8 -> json("random-bytes", randomBytes(1 + random.nextInt(2_000)));
            case 9 -> json("odd-text", object("general", oddText(), maybeId()));
            case 10 -> json("odd-room", object(oddRoom(), "hi", null));
            default -> json("structure", structure());
        };
    }

    private static Body json(String kind, String text) {
        return new Body(kind, JSON, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Body json(String kind, byte[] bytes) {
        return new Body(kind, JSON, bytes);
    }

    private String validish() {
        return object("general", "hello " + random.nextInt(), maybeId());
    }

    private String maybeId() {
        return random.nextBoolean() ? null : "hostile-" + random.nextLong();
    }

    private static String object(String room, String text, String clientMessageId) {
        StringBuilder json = new StringBuilder("{\"room\":").append(quote(room)).append(",\"text\":").append(quote(text));
        if (clientMessageId != null) {
            json.append(",\"clientMessageId\":").append(quote(clientMessageId));
        }
        return json.append('}').toString();
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private String truncate(String json) {
        return json.substring(0, random.nextInt(json.length()));
    }

    private String nested(int depth) {
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"room\":";
        String close = arrays ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(random.nextInt(4) == 0 ? depth / 2 : depth);
    }

    private byte[] invalidUtf8() {
        byte[][] bad = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xA0, (byte) 0xA1}, {(byte) 0xE2, (byte) 0x28, (byte) 0xA1},
                {(byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0xBC}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}};
        byte[] prefix = "{\"room\":\"general\",\"text\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] pick = bad[random.nextInt(bad.length)];
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + pick.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(pick, 0, body, prefix.length, pick.length);
        System.arraycopy(suffix, 0, body, prefix.length + pick.length, suffix.length);
        return body;
    }

    private String controlCharacters() {
        StringBuilder text = new StringBuilder("x");
        for (int i = 0; i < 1 + random.nextInt(20); i++) {
            text.append((char) random.nextInt(0x20)).append((char) (0x7F + random.nextInt(0x21)));
        }
        return text.toString();
    }

    private String wrongTypes() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < FIELDS.length; i++) {
            String value = random.nextBoolean() ? ODD_VALUES[random.nextInt(ODD_VALUES.length)] : "\"ok\"";
            json.append(i == 0 ? "" : ",").append('"').append(FIELDS[i]).append("\":").append(value);
        }
        return json.append('}').toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private String oddText() {
        String[] texts = {"\u0000", "\uFEFF", "\u202E\u202D", "\uD83D\uDE00".repeat(2_001), "a".repeat(4_001), " \t\n ", "\u00A0",
                "\uFFFF", "<img src=x onerror=alert(1)>", "{{7*7}}", "${7*7}", "\r\n\r\nHTTP/1.1 200 OK", "ß".repeat(4_000),
                "\u0301".repeat(3_000), "x\u0000y"};
        return texts[random.nextInt(texts.length)];
    }

    private String oddRoom() {
        String[] rooms = {"", " ", "General", "gen eral", "-general", "_x", "a/b", "..", "%2e%2e", "général", "x".repeat(40),
                "x".repeat(39), "$where", "a.b", "room\u0000", "\uD83D\uDE00", "0", "9-_"};
        return rooms[random.nextInt(rooms.length)];
    }

    private String structure() {
        String[] shapes = {"", " ", "null", "[]", "{}", "\"general\"", "42", "[{\"room\":\"general\",\"text\":\"hi\"}]",
                "{\"room\":\"general\",\"text\":\"hi\"} {\"room\":\"general\",\"text\":\"again\"}",
                "{\"room\":\"general\",\"room\":\"other\",\"text\":\"duplicate key\"}", "\uFEFF{\"room\":\"general\",\"text\":\"bom\"}",
                "{\"room\":\"general\",\"text\":\"hi\",}", "{'room':'general','text':'hi'}", "{room:\"general\",text:\"hi\"}",
                "{\"room\":\"general\",\"text\":\"hi\"/*comment*/}", "{\"__proto__\":{\"admin\":true},\"room\":\"general\",\"text\":\"hi\"}"};
        return shapes[random.nextInt(shapes.length)];
    }
}
