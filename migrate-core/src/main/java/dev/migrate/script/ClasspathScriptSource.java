package dev.migrate.script;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The {@code *.sql} files directly under a classpath location, from every classpath entry that has it
 * (directories, jars, and Spring Boot's nested jars, whose {@code jar:nested:} URLs open as
 * {@link JarURLConnection}s; elsewhere, as in a native image, the scripts that the location's {@link ScriptIndex}
 * names), merged and sorted by file name. A jar of file entries alone (no directory entries: H2's, Bazel's deploy
 * jars, {@code zip -D}) has no resource for the location itself: its {@link ScriptIndex} finds it; without one, the
 * class loaders' jars ({@link ClassPathJars}) are read for it when the location is found nowhere else. A location found nowhere lists nothing: an application may have no scripts yet.
 */
public final class ClasspathScriptSource implements ScriptSource {

    private static final Logger log = LoggerFactory.getLogger(ClasspathScriptSource.class);

    private final String location;
    private final ClassLoader classLoader;

    /** @param location a resource path such as {@code db/migrations} (a leading or trailing slash is ignored) */
    public ClasspathScriptSource(String location, ClassLoader classLoader) {
        this.location = strip(location);
        this.classLoader = classLoader;
    }

    @Override
    public String description() {
        return "classpath:" + location;
    }

    @Override
    public List<ScriptResource> list() throws IOException {
        // one classpath entry may appear twice on a class path; list it once
        Set<String> seen = new LinkedHashSet<>();
        List<ScriptResource> resources = new ArrayList<>();
        for (URL url : Collections.list(classLoader.getResources(location))) {
            if (seen.add(withoutSlash(url))) {
                resources.addAll(listAt(url));
            }
        }
        // a location's directory need not be a resource itself (a native image keeps only the registered ones,
        // a jar may have no directory entries): its index, when there is one, says where it is
        for (URL index : Collections.list(classLoader.getResources(location + "/" + ScriptIndex.FILE_NAME))) {
            URL directory = new URL(index, ".");
            if (seen.add(withoutSlash(directory))) {
                resources.addAll(listAt(directory));
            }
        }
        if (seen.isEmpty()) {
            // a jar of file entries alone, without an index, is found by nothing above: the class path's jars are read.
            // Only when the location is found nowhere else: reading every jar would cost each start of every
            // application whose scripts are found the usual way (such a jar beside others is found by its index)
            for (URL jar : ClassPathJars.of(classLoader)) {
                resources.addAll(listJar(jar, location + "/", JarShape.FILE_ENTRIES_ONLY));
            }
        }
        if (seen.isEmpty() && resources.isEmpty()) {
            log.warn("No script location {} on the classpath", description());
        }
        resources.sort(Comparator.comparing(ScriptResource::fileName));
        return List.copyOf(resources);
    }

    private static String withoutSlash(URL url) {
        String form = url.toExternalForm();
        return form.endsWith("/") ? form.substring(0, form.length() - 1) : form;
    }

    private List<ScriptResource> listAt(URL url) throws IOException {
        if (url.getProtocol().equals("file")) {
            try {
                // the file's own path is the most useful location: editors and terminals open it
                return new DirectoryScriptSource(Path.of(url.toURI())).list();
            } catch (URISyntaxException e) {
                throw new IOException("cannot turn " + url + " into a path", e);
            }
        }
        String form = url.toExternalForm();
        int separator = form.lastIndexOf("!/");
        if (url.getProtocol().equals("jar") && separator >= 0) {
            // the jar is opened at its root: a directory without its own entry cannot be opened as a JarURLConnection
            String entry = strip(form.substring(separator + 2));
            return listJar(new URL(form.substring(0, separator + 2)), entry.isEmpty() ? "" : entry + "/", JarShape.ANY);
        }
        return listIndexed(url);
    }

    /**
     * The scripts that the location's {@link ScriptIndex} names, for resources that are neither files nor jar entries
     * (a GraalVM native image's {@code resource:} URLs): such a location cannot be listed, so the index that the
     * build writes next to the scripts is the list. Their headers are read from the scripts themselves: without a
     * jar's CRC-32s nothing tells whether the index is stale.
     */
    private List<ScriptResource> listIndexed(URL url) throws IOException {
        ScriptIndex index;
        URL indexUrl = child(url, ScriptIndex.FILE_NAME);
        try (InputStream in = indexUrl.openStream()) {
            index = ScriptIndex.read(in, indexUrl.toExternalForm());
        } catch (FileNotFoundException e) {
            throw new ScriptException(description() + ": cannot list scripts at " + url + " (protocol \""
                    + url.getProtocol() + "\") and there is no " + location + "/" + ScriptIndex.FILE_NAME
                    + "; write the index at build time with " + ScriptIndex.class.getName() + " <output directory>/"
                    + location + ", or use a filesystem: location");
        }
        log.debug("{}: scripts named by {}", description(), indexUrl);
        List<ScriptResource> resources = new ArrayList<>();
        for (String fileName : index.entries().keySet()) {
            URL file = child(url, fileName);
            resources.add(new ScriptResource(fileName, file.toExternalForm(), file::openStream));
        }
        return resources;
    }

    /** The resource {@code name} in the directory {@code url}, through the directory URL's own protocol handler. */
    private static URL child(URL directory, String name) throws MalformedURLException {
        String path = directory.getPath();
        return new URL(directory, path.endsWith("/") ? name : path.substring(path.lastIndexOf('/') + 1) + "/" + name);
    }

    /** Which jars {@link #listJar} lists. */
    private enum JarShape {
        /** any jar: the class loader found the location in it */
        ANY,
        /**
         * only a jar of file entries alone, without the location's directory entry nor its index: the class loader
         * found the location in every other one. Reading stops at a jar's first directory entry outside
         * {@code META-INF/} (Bazel's jars have that one alone), so that a jar with directories costs a few entries.
         */
        FILE_ENTRIES_ONLY
    }

    private List<ScriptResource> listJar(URL root, String prefix, JarShape shape) throws IOException {
        String base = root.toExternalForm() + prefix;
        try (JarFile jarFile = openJar(root, shape)) {
            if (jarFile == null || shape == JarShape.FILE_ENTRIES_ONLY && (jarFile.getJarEntry(prefix) != null
                    || jarFile.getJarEntry(prefix + ScriptIndex.FILE_NAME) != null)) {
                return List.of();
            }
            List<ScriptIndex.Stored> stored = new ArrayList<>();
            Enumeration<JarEntry> entries = jarFile.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory()) {
                    if (shape == JarShape.FILE_ENTRIES_ONLY && !name.startsWith("META-INF/")) {
                        return List.of();
                    }
                    continue;
                }
                if (!name.startsWith(prefix) || !name.endsWith(DirectoryScriptSource.EXTENSION)) {
                    continue;
                }
                String fileName = name.substring(prefix.length());
                if (!fileName.contains("/")) {
                    // the jar's directory records each entry's CRC-32 and size: no decompression needed to know them
                    stored.add(new ScriptIndex.Stored(fileName, entry.getCrc(), entry.getSize()));
                }
            }
            ScriptIndex index = matchingIndex(jarFile, prefix, base, stored);
            List<ScriptResource> resources = new ArrayList<>(stored.size());
            for (ScriptIndex.Stored script : stored) {
                // the URL is made when the script is opened: with an index a start opens none of a thousand
                String location = base + script.fileName();
                resources.add(new ScriptResource(script.fileName(), location, () -> {
                    URLConnection c = new URL(location).openConnection();
                    c.setUseCaches(false);
                    return c.getInputStream();
                }, index == null ? null : index.entry(script.fileName())));
            }
            return resources;
        }
    }

    /**
     * The jar at {@code root}, ours to close; null for a class path jar that cannot be opened (the class loader
     * leaves such an entry out as well).
     */
    private static JarFile openJar(URL root, JarShape shape) throws IOException {
        URLConnection connection = root.openConnection();
        // without caches the JarFile is ours to close, and a rebuilt jar is not served from a stale cache
        connection.setUseCaches(false);
        try {
            return ((JarURLConnection) connection).getJarFile();
        } catch (IOException e) {
            if (shape == JarShape.ANY) {
                throw e;
            }
            log.debug("Class path jar {} not read: {}", root, e.getMessage());
            return null;
        }
    }

    /** The location's {@link ScriptIndex} when the jar has one that describes exactly its scripts, else null. */
    private ScriptIndex matchingIndex(JarFile jarFile, String prefix, String base, List<ScriptIndex.Stored> stored)
            throws IOException {
        JarEntry indexEntry = jarFile.getJarEntry(prefix + ScriptIndex.FILE_NAME);
        if (indexEntry == null) {
            return null;
        }
        ScriptIndex index;
        try (InputStream in = jarFile.getInputStream(indexEntry)) {
            index = ScriptIndex.read(in, base + ScriptIndex.FILE_NAME);
        }
        Optional<String> mismatch = index.mismatch(stored);
        if (mismatch.isPresent()) {
            log.warn("{}: the script index does not match the scripts ({}), so every header is read; the build"
                    + " should write the index after the scripts are in place", description(), mismatch.get());
            return null;
        }
        log.debug("{}: headers from {}", description(), ScriptIndex.FILE_NAME);
        return index;
    }

    private static String strip(String path) {
        String result = path;
        while (result.startsWith("/")) {
            result = result.substring(1);
        }
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    @Override
    public String toString() {
        return description();
    }
}
