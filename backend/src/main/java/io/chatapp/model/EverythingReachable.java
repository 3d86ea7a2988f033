package io.chatapp.model;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import java.lang.annotation.ElementType;

/**
 * Lets Bean Validation read and cascade into every property, without asking Jakarta
 * Persistence first. The default resolver asks it whether each property is loaded, once per
 * property and validation, because the persistence API is on the server's class path; nothing
 * validated here is a persistence entity, so the answer is always yes. Named in
 * {@code META-INF/validation.xml}.
 */
public class EverythingReachable implements TraversableResolver {

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                               Path pathToTraversableObject, ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                                Path pathToTraversableObject, ElementType elementType) {
        return true;
    }
}
