package io.chatapp.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The type of a {@link ChatEvent} as its Kafka record names it, and the version of the shape of
 * the data it carries: a reader takes its own version and older ones, and leaves a newer one to
 * a newer server.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** A CloudEvents type: reverse domain name, then what happened. */
    String name();

    int schemaVersion();
}
