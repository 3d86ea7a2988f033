package io.chatapp.store;

import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The store as a user's request uses it: every operation waits at most
 * {@code chat.mongodb.request-timeout}, then fails with {@link StoreUnavailableException}, since
 * a user waiting for an answer is better told to try again than held. The consumers' writes and
 * delivery use the store unqualified: they wait as long as it takes.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
@interface OnRequest {
}
