package dev.migrate.hibernate;

import org.hibernate.boot.registry.classloading.internal.ClassLoaderServiceImpl;
import org.hibernate.boot.registry.classloading.internal.TcclLookupPrecedence;
import org.hibernate.boot.registry.classloading.spi.ClassLoadingException;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Hibernate's class loading for one metamodel build, which answers the entity classes it was handed without a search
 * and remembers the names it could not load. Hibernate loads every entity again by name, and asks for
 * {@code <package>.package-info} four times per entity (package-level {@code @SoftDelete}, {@code @Temporal},
 * {@code @Audited}, {@code @Changelog}) without remembering a miss; each of these searches every jar of the class path
 * through each class loader it knows (the entities', its own, the thread's): a third to 40 % of a warm build at 200
 * entities in one package. The classes handed in are the ones to map, whatever a search by their name would find; and
 * nothing appears on a class path during one build, so a miss is final for it. Every other name is Hibernate's to load
 * as before.
 */
final class MissRememberingClassLoaderService extends ClassLoaderServiceImpl {

    private final Map<String, Class<?>> handedIn;
    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    /** Loads through the class loaders of {@code entities} (then Hibernate's own and the thread's), as Hibernate would. */
    MissRememberingClassLoaderService(Collection<Class<?>> entities) {
        // what BootstrapServiceRegistryBuilder itself builds, given the entities' class loaders
        super(entities.stream().map(Class::getClassLoader).filter(Objects::nonNull).distinct().toList(),
                TcclLookupPrecedence.AFTER);
        this.handedIn = entities.stream().collect(Collectors.toUnmodifiableMap(Class::getName, Function.identity(),
                (first, same) -> first));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Class<T> classForName(String className) {
        Class<?> entity = handedIn.get(className);
        if (entity != null) {
            return (Class<T>) entity;
        }
        if (missing.contains(className)) {
            throw new ClassLoadingException("Unable to load class [" + className + "]");
        }
        try {
            return super.classForName(className);
        } catch (ClassLoadingException e) {
            missing.add(className);
            throw e;
        }
    }
}
