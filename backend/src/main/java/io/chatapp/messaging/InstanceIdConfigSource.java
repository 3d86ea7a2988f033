package io.chatapp.messaging;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The default of {@code chat.instance.id}, which names this instance's broadcast consumer
 * group: the host name plus a suffix drawn at every start. Every running instance must have a
 * group of its own, or instances sharing one split the topic's partitions between them and
 * each delivers only part of the messages to its sockets; the host name alone is not unique
 * (two servers on one machine, services started without {@code HOSTNAME}). An operator's
 * {@code CHAT_INSTANCE_ID} (the Helm chart sets the pod name) overrides it: this source ranks
 * below every other.
 */
public class InstanceIdConfigSource implements ConfigSource {

    static final String PROPERTY = "chat.instance.id";
    static final int ORDINAL = 50;

    private static final String DEFAULT_ID = defaultId(System.getenv("HOSTNAME"), new SecureRandom());

    static String defaultId(String hostname, SecureRandom random) {
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        String host = hostname == null || hostname.isBlank() ? "local" : hostname.strip();
        return host + "-" + HexFormat.of().formatHex(suffix);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PROPERTY, DEFAULT_ID);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTY.equals(propertyName) ? DEFAULT_ID : null;
    }

    @Override
    public String getName() {
        return "chat instance id default";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
