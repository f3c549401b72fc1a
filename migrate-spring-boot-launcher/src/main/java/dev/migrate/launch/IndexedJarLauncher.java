package dev.migrate.launch;

import org.springframework.boot.loader.launch.JarLauncher;

import java.io.IOException;
import java.net.URL;
import java.util.Collection;

/**
 * Boot's {@link JarLauncher} with a class loader that finds each class and resource in the nested jar that holds it
 * ({@link IndexedClassLoader}). Boot's own loader is used as is for an extracted or exploded jar, a class path the
 * index cannot describe, or with {@code -Dmigrate.launcher.indexed=false}.
 */
public class IndexedJarLauncher extends JarLauncher {

    static final String SWITCH = "migrate.launcher.indexed";

    public IndexedJarLauncher() throws Exception {
        super();
    }

    public static void main(String[] args) throws Exception {
        new IndexedJarLauncher().launch(args);
    }

    @Override
    protected ClassLoader createClassLoader(Collection<URL> urls) throws Exception {
        ClassLoader indexed;
        try {
            indexed = indexedClassLoader(urls, getClass().getClassLoader());
        } catch (IOException | RuntimeException e) {
            // Boot's loader opens a nested jar only when it looks in it, so a file under BOOT-INF/lib that is no jar
            // (a native library, an empty file) stops nothing the application does not load: neither may the index
            indexed = null;
        }
        return indexed != null ? indexed : super.createClassLoader(urls);
    }

    /** The indexed class loader over these class-path URLs, or null where Boot's own is to be used. */
    protected final ClassLoader indexedClassLoader(Collection<URL> urls, ClassLoader parent) throws IOException {
        if (isExploded() || "false".equals(System.getProperty(SWITCH))) {
            return null;
        }
        URL[] classPath = urls.toArray(new URL[0]);
        NestedJarIndex index = NestedJarIndex.of(classPath);
        return index == null ? null : new IndexedClassLoader(getArchive(), classPath, parent, index);
    }
}
