package dev.migrate.launch;

import org.springframework.boot.loader.launch.Archive;
import org.springframework.boot.loader.launch.LaunchedClassLoader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Boot's {@link LaunchedClassLoader} that goes straight to the nested jar holding a class or resource
 * ({@link NestedJarIndex}) instead of looking in each jar of the class path in turn, and does not first ask the parent
 * for a class the parent does not have. The answers are Boot's: the same class path order, the same resource URLs, the
 * same code sources and packages (defined by Boot's own rule first); any name the index cannot answer goes to Boot's
 * loader unchanged.
 */
final class IndexedClassLoader extends LaunchedClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final NestedJarIndex index;

    IndexedClassLoader(Archive rootArchive, URL[] urls, ClassLoader parent, NestedJarIndex index) {
        super(false, rootArchive, urls, parent);
        this.index = index;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        String entryName = name.replace('.', '/').concat(".class");
        int[] candidates = index.candidates(entryName);
        if (candidates == null) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                // Parent first stays for what the parent has (the JDK, Boot's loader, an agent's jar): asked whether it
                // has the class file, which costs no exception, where Boot's loader asks it for every class
                if (getParent().getResource(entryName) != null) {
                    return super.loadClass(name, resolve);
                }
                loaded = defineFromNestedJar(name, entryName, candidates);
            }
            if (loaded == null) {
                // Boot's loader would ask the parent, which has no such class file, then every jar, none of which has it
                throw new ClassNotFoundException(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> defineFromNestedJar(String name, String entryName, int[] candidates) throws ClassNotFoundException {
        for (int position : candidates) {
            if (!index.holds(position, entryName)) {
                continue;
            }
            JarFile jar = index.jar(position);
            try {
                byte[] bytes;
                try (InputStream in = jar.getInputStream(jar.getJarEntry(entryName))) {
                    bytes = in.readAllBytes();
                }
                URL url = index.url(position);
                definePackageOf(name, entryName, candidates, url);
                // The JDK's generic loader, which reads Boot's jar: URLs, gives no signers and no manifest of its own
                return defineClass(name, bytes, 0, bytes.length, new CodeSource(url, (CodeSigner[]) null));
            } catch (IOException ex) {
                throw new ClassNotFoundException(name, ex);
            }
        }
        return null;
    }

    /**
     * Boot's rule (the first jar with the class, the package's directory and a manifest; only jars among the candidates
     * can hold the class), then, as {@code URLClassLoader} does for a resource without a manifest, a package with no
     * attributes.
     */
    private void definePackageOf(String name, String entryName, int[] candidates, URL url) throws IOException {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String packageName = name.substring(0, dot);
        if (getDefinedPackage(packageName) == null) {
            String directory = entryName.substring(0, entryName.lastIndexOf('/') + 1);
            for (int position : candidates) {
                if (index.holds(position, entryName) && index.holds(position, directory)) {
                    Manifest manifest = index.jar(position).getManifest();
                    if (manifest != null) {
                        definePackageOnce(packageName, manifest, index.url(position));
                        break;
                    }
                }
            }
        }
        Package defined = getDefinedPackage(packageName);
        if (defined == null) {
            definePackageOnce(packageName, null, null);
        } else if (defined.isSealed() && !defined.isSealed(url)) {
            throw new SecurityException("sealing violation: package " + packageName + " is sealed");
        }
    }

    /**
     * The package with the manifest's attributes for the jar at {@code url}, or with none; one defined meanwhile by
     * another thread (the loader is parallel capable) is as good.
     */
    private void definePackageOnce(String packageName, Manifest manifest, URL url) {
        try {
            if (manifest != null) {
                definePackage(packageName, manifest, url);
            } else {
                definePackage(packageName, null, null, null, null, null, null, null);
            }
        } catch (IllegalArgumentException ex) {
            if (getDefinedPackage(packageName) == null) {
                throw new AssertionError("Package " + packageName + " has already been defined but cannot be found", ex);
            }
        }
    }

    @Override
    public URL findResource(String name) {
        int[] candidates = index.candidates(name);
        if (candidates == null) {
            return super.findResource(name);
        }
        try {
            for (int position : candidates) {
                if (index.holds(position, name)) {
                    return index.resourceUrl(position, name);
                }
            }
            return null;
        } catch (IOException ex) {
            return super.findResource(name);
        }
    }

    @Override
    public Enumeration<URL> findResources(String name) throws IOException {
        int[] candidates = index.candidates(name);
        if (candidates == null) {
            return super.findResources(name);
        }
        List<URL> found = new ArrayList<>(2);
        for (int position : candidates) {
            if (index.holds(position, name)) {
                found.add(index.resourceUrl(position, name));
            }
        }
        return Collections.enumeration(found);
    }
}
