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

/**
 * The kinds of {@link ChatEvent}, found from the sealed interface and their {@link EventType}s,
 * and how each is built from its record: an event is a record whose components are its data and,
 * when the event has an id of its own, a {@code String id}.
 */
final class EventTypes {

    /** The type records had before events had types: every one of them is a message posted. */
    static final Class<ChatEvent.MessagePosted> LEGACY = ChatEvent.MessagePosted.class;

    private static final Map<String, Class<? extends ChatEvent>> BY_NAME = Arrays.stream(ChatEvent.class.getPermittedSubclasses())
            .map(kind -> kind.asSubclass(ChatEvent.class))
            .collect(Collectors.toUnmodifiableMap(kind -> kind.getAnnotation(EventType.class).name(), Function.identity()));

    private EventTypes() {
    }

    static Class<? extends ChatEvent> named(String name) {
        return BY_NAME.get(name);
    }

    static EventType typeOf(Class<? extends ChatEvent> kind) {
        return kind.getAnnotation(EventType.class);
    }

    /** The record component that holds the event's data: the one that is not its id. */
    static RecordComponent dataComponent(Class<? extends ChatEvent> kind) {
        return Arrays.stream(kind.getRecordComponents()).filter(component -> !component.getName().equals("id"))
                .findFirst().orElseThrow(() -> new IllegalStateException(kind + " has no data"));
    }

    /** Builds the event from its id and its data, through the record's canonical constructor. */
    static ChatEvent create(Class<? extends ChatEvent> kind, String id, Object data) {
        RecordComponent[] components = kind.getRecordComponents();
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] arguments = Arrays.stream(components).map(component -> component.getName().equals("id") ? id : data).toArray();
        try {
            Constructor<? extends ChatEvent> canonical = kind.getDeclaredConstructor(parameterTypes);
            return canonical.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(kind + " cannot be built from its record", e);
        }
    }
}
