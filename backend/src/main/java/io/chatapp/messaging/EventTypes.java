package io.chatapp.messaging;

import io.chatapp.model.ChatEvent;
import io.chatapp.model.EventType;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kinds of {@link ChatEvent}, found from the sealed interface and their {@link EventType}s,
 * and how each is built from its record: an event is a record whose components are its data and,
 * when the event has an id of its own, a {@code String id}. What reflection tells of each kind
 * is read once, not for every record.
 */
final class EventTypes {

    /**
     * One kind of event.
     *
     * @param dataType the type of its record's value
     * @param dataName the name of the component that holds it ("message"), for reasons given
     */
    record Kind(EventType type, Class<?> dataType, String dataName, Constructor<? extends ChatEvent> canonical,
                boolean[] idComponents) {

        /** Builds the event from its id and its data, through the record's canonical constructor. */
        ChatEvent create(String id, Object data) {
            Object[] arguments = new Object[idComponents.length];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = idComponents[i] ? id : data;
            }
            try {
                return canonical.newInstance(arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(canonical.getDeclaringClass() + " cannot be built from its record", e);
            }
        }

        private static Kind of(Class<? extends ChatEvent> type) {
            RecordComponent[] components = type.getRecordComponents();
            RecordComponent data = Arrays.stream(components).filter(component -> !component.getName().equals("id"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(type + " has no data"));
            boolean[] idComponents = new boolean[components.length];
            for (int i = 0; i < components.length; i++) {
                idComponents[i] = components[i].getName().equals("id");
            }
            try {
                return new Kind(type.getAnnotation(EventType.class), data.getType(), data.getName(),
                        type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new)),
                        idComponents);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }
    }

    private static final Map<String, Kind> BY_NAME = kinds(ChatEvent.class)
            .map(type -> Kind.of(type.asSubclass(ChatEvent.class)))
            .collect(Collectors.toUnmodifiableMap(kind -> kind.type().name(), Function.identity()));

    /** The kind records had before events had types: every one of them is a message posted. */
    static final Kind LEGACY = named(ChatEvent.MessagePosted.class.getAnnotation(EventType.class).name());

    private EventTypes() {
    }

    /** The records a sealed event type permits, through the sealed interfaces that group some of them. */
    private static Stream<Class<?>> kinds(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses())
                .flatMap(type -> type.isInterface() ? kinds(type) : Stream.of(type));
    }

    /** The kind of that name, or null if this server knows none. */
    static Kind named(String name) {
        return BY_NAME.get(name);
    }
}
