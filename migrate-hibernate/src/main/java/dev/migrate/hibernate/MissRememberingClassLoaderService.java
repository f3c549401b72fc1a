package dev.migrate.hibernate;

import org.hibernate.boot.registry.classloading.internal.ClassLoaderServiceImpl;
import org.hibernate.boot.registry.classloading.internal.TcclLookupPrecedence;
import org.hibernate.boot.registry.classloading.spi.ClassLoadingException;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hibernate's class loading for one metamodel build, which remembers the names it could not load. Hibernate 7 asks
 * for {@code <package>.package-info} four times per entity (package-level {@code @SoftDelete}, {@code @Temporal},
 * {@code @Audited}, {@code @Changelog}) and does not remember a miss; each miss searches every jar of the class path
 * through each class loader it knows (the entities', its own, the thread's): a third to 40 % of a warm build at 200
 * entities in one package. Nothing appears on a class path during one build, so a miss is final for it; what is found is
 * Hibernate's to keep as before.
 */
final class MissRememberingClassLoaderService extends ClassLoaderServiceImpl {

    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    MissRememberingClassLoaderService(Collection<ClassLoader> classLoaders) {
        super(classLoaders, TcclLookupPrecedence.AFTER); // what BootstrapServiceRegistryBuilder itself builds
    }

    @Override
    public <T> Class<T> classForName(String className) {
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
