package dev.migrate.script;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The jars a class loader reads, as {@code jar:...!/} root URLs: the URLs of each {@link URLClassLoader} of its chain
 * (Spring Boot's launched class loader is one, with {@code jar:nested:} URLs), and the JVM's class path (with the
 * {@code Class-Path} of its jars' manifests, as a manifest-only launcher jar has) when the chain holds the system
 * class loader. Asking a class loader for a resource finds a directory only through its directory entry; a jar of file
 * entries alone has none, so its directories are found by reading the jar itself.
 */
final class ClassPathJars {

    private static final Logger log = LoggerFactory.getLogger(ClassPathJars.class);

    private final Set<String> seen = new LinkedHashSet<>();
    private final List<URL> roots = new ArrayList<>();

    private ClassPathJars() {
    }

    static List<URL> of(ClassLoader classLoader) {
        ClassPathJars jars = new ClassPathJars();
        ClassLoader system = ClassLoader.getSystemClassLoader();
        for (ClassLoader loader = classLoader; loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    jars.add(url, false);
                }
            }
            if (loader == system) {
                for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                    jars.addPath(entry);
                }
            }
        }
        return List.copyOf(jars.roots);
    }

    private void addPath(String entry) {
        if (entry.isBlank()) {
            return;
        }
        try {
            add(Path.of(entry).toAbsolutePath().toUri().toURL(), true);
        } catch (InvalidPathException | MalformedURLException e) {
            log.debug("Class path entry {} left out: {}", entry, e.getMessage());
        }
    }

    /** {@code url} as a jar root when it is one; with {@code followManifest}, the jars its manifest names as well. */
    private void add(URL url, boolean followManifest) {
        String form = url.toExternalForm();
        if (url.getProtocol().equals("jar")) {
            if (form.endsWith("!/") && seen.add(form)) {
                roots.add(url);
            }
            return;
        }
        if (!url.getProtocol().equals("file")) {
            return;
        }
        Path file;
        try {
            file = Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return;
        }
        // a directory's subdirectories are found by the class loader itself
        if (!Files.isRegularFile(file) || !seen.add(form)) {
            return;
        }
        try {
            roots.add(new URL("jar:" + form + "!/"));
        } catch (MalformedURLException e) {
            return;
        }
        if (followManifest) {
            addManifestClassPath(url, file);
        }
    }

    private void addManifestClassPath(URL jarUrl, Path file) {
        try (JarFile jar = new JarFile(file.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return;
            }
            for (String entry : classPath.trim().split("\\s+")) {
                if (!entry.isEmpty()) {
                    add(new URL(jarUrl, entry), true);
                }
            }
        } catch (IOException e) {
            log.debug("Class path jar {} left out: {}", file, e.getMessage());
        }
    }
}
