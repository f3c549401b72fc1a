package dev.migrate.launch;

import org.springframework.boot.loader.jar.NestedJarFile;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Which of the class path's nested jars hold entries in each directory, read in one pass over their entries when the
 * class loader is made. The JDK's class path looks for a class or resource in each URL in turn; Boot's nested jar URLs
 * ({@code jar:nested:...!/}, a handler other than the JDK's) are searched by its generic loader, which for each look
 * builds the entry's URL and opens a connection to it. With this index a look goes to the jars that can hold the name
 * only, in class-path order, and asks each whether it holds the entry as that connection does ({@code hasEntry} of the
 * same cached, multi-release {@link NestedJarFile}), so the answer is the same. A directory no jar holds holds nothing.
 * The generic loader follows neither {@code Class-Path} manifest attributes nor jar indexes, and neither does this.
 * <p>
 * Only for a class path of Boot's {@code jar:} URLs is there an index: otherwise {@link #of} answers null and Boot's
 * loader is used as is.
 */
final class NestedJarIndex {

    private static final String VERSIONS = "META-INF/versions/";

    private final URL[] urls;
    private final JarFile[] jars;
    private final Map<String, int[]> jarsByDirectory;

    private NestedJarIndex(URL[] urls, JarFile[] jars, Map<String, int[]> jarsByDirectory) {
        this.urls = urls;
        this.jars = jars;
        this.jarsByDirectory = jarsByDirectory;
    }

    /** The index of these class-path URLs, or null when the JDK's search through them is not the plain one. */
    static NestedJarIndex of(URL[] urls) throws IOException {
        JarFile[] jars = new JarFile[urls.length];
        Map<String, List<Integer>> directories = new HashMap<>();
        for (int position = 0; position < urls.length; position++) {
            JarFile jar = runtimeJar(urls[position]);
            if (jar == null) {
                return null;
            }
            jars[position] = jar;
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                String name = entries.nextElement().getName();
                add(directories, directoryOf(name), position);
                if (name.startsWith(VERSIONS)) {
                    int version = name.indexOf('/', VERSIONS.length());
                    if (version > 0) {
                        add(directories, directoryOf(name.substring(version + 1)), position);
                    }
                }
            }
        }
        // plain loops, no lambda: this runs before the application, where each lambda's first use costs its own set-up
        Map<String, int[]> jarsByDirectory = new HashMap<>(directories.size() * 4 / 3 + 1);
        for (Map.Entry<String, List<Integer>> directory : directories.entrySet()) {
            List<Integer> positions = directory.getValue();
            int[] array = new int[positions.size()];
            for (int i = 0; i < array.length; i++) {
                array[i] = positions.get(i);
            }
            jarsByDirectory.put(directory.getKey(), array);
        }
        return new NestedJarIndex(urls, jars, jarsByDirectory);
    }

    /**
     * The positions of the jars that may hold this entry name, in class-path order; an empty array when none does;
     * null when the index cannot say (a name the JDK would not look up as is), so the caller asks Boot's loader.
     */
    int[] candidates(String name) {
        if (!plain(name)) {
            return null;
        }
        int[] positions = jarsByDirectory.get(directoryOf(name));
        return positions == null ? new int[0] : positions;
    }

    URL url(int position) {
        return urls[position];
    }

    /** The jar as the JDK's class path opens it (multi-release aware, Boot's shared cached instance). */
    JarFile jar(int position) {
        return jars[position];
    }

    /** Whether the jar holds the entry, asked as Boot's connection to the entry's URL asks. */
    boolean holds(int position, String name) {
        JarFile jar = jars[position];
        return jar instanceof NestedJarFile nested ? nested.hasEntry(name) : jar.getEntry(name) != null;
    }

    /**
     * A resource's URL as the JDK's class path makes it: the jar's URL and the name, which the JDK percent-encodes
     * first ({@link #plain} names are left as they are).
     */
    URL resourceUrl(int position, String name) throws IOException {
        return new URL(urls[position], name);
    }

    /** Directory part of an entry name: "a/b/" for "a/b/c.class", "a/b/c/" and "a/b/c" alike (a jar finds both). */
    static String directoryOf(String name) {
        int end = name.endsWith("/") ? name.length() - 1 : name.length();
        return name.substring(0, name.lastIndexOf('/', end - 1) + 1);
    }

    /** Names that neither the JDK's encoding nor Boot's URL parsing and decoding change: anything else is Boot's. */
    static boolean plain(String name) {
        // "." and "a/." are tidied by Boot's URL handler into the directory itself: Boot's to answer
        if (name.isEmpty() || name.startsWith("/") || name.contains("//") || name.startsWith("./")
                || name.contains("/./") || name.contains("..") || name.equals(".") || name.endsWith("/.")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/'
                    || c == '.' || c == '-' || c == '_' || c == '$';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    private static void add(Map<String, List<Integer>> directories, String directory, int position) {
        List<Integer> positions = directories.get(directory);
        if (positions == null) {
            positions = new ArrayList<>(2);
            directories.put(directory, positions);
        }
        if (positions.isEmpty() || positions.get(positions.size() - 1) != position) {
            positions.add(position);
        }
    }

    /** The jar as a connection to one of its entries opens it: Boot's cached instance, multi-release. */
    private static JarFile runtimeJar(URL url) throws IOException {
        if (!"jar".equals(url.getProtocol()) || !url.getFile().startsWith("nested:") || !url.getFile().endsWith("!/")) {
            return null;
        }
        URLConnection connection = url.openConnection();
        return connection instanceof JarURLConnection jarConnection ? jarConnection.getJarFile() : null;
    }
}
