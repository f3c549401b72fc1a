package dev.migrate.launchcheck;

import dev.migrate.launch.IndexedJarLauncher;
import org.springframework.boot.loader.launch.LaunchedClassLoader;
import org.springframework.boot.loader.net.protocol.Handlers;

import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Run in a JVM of its own with the packaged jar and this class only on the class path (as {@code java -jar} has the
 * jar only): loads every class and looks up every resource name of the jar's nested jars through Boot's
 * {@link LaunchedClassLoader} and through the jar launcher's, and prints each difference. Exit 0 when there is none.
 * Its package is one no nested jar holds, so that its own place on the class path changes nothing.
 */
public final class LoaderComparison {

    private LoaderComparison() {
    }

    public static void main(String[] args) throws Exception {
        Handlers.register();
        Probe launcher = new Probe();
        URL[] urls = launcher.urls();
        CountingParent bootParent = new CountingParent(LoaderComparison.class.getClassLoader());
        CountingParent indexedParent = new CountingParent(LoaderComparison.class.getClassLoader());
        ClassLoader boot = new LaunchedClassLoader(false, launcher.archive(), urls, bootParent);
        ClassLoader indexed = launcher.indexed(urls, indexedParent);
        System.out.println("loader " + indexed.getClass().getName());

        Set<String> names = new LinkedHashSet<>();
        Set<String> classes = new LinkedHashSet<>();
        Set<String> versioned = new LinkedHashSet<>();
        for (URL url : urls) {
            JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile();
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                String name = entries.nextElement().getName();
                names.add(name);
                names.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name + ".absent");
                String unversioned = name.startsWith("META-INF/versions/") ? name.replaceFirst("^META-INF/versions/[0-9]+/", "") : name;
                if (unversioned.endsWith(".class") && !unversioned.startsWith("META-INF/")
                        && !unversioned.endsWith("module-info.class")) {
                    String className = unversioned.substring(0, unversioned.length() - 6).replace('/', '.');
                    classes.add(className);
                    if (!unversioned.equals(name)) {
                        versioned.add(className);
                    }
                }
            }
        }
        names.addAll(List.of("", "/", "db/migrations/sqlite/", "db/migrations/postgresql", "META-INF/spring.factories",
                "META-INF/services/java.sql.Driver", "jndi.properties", "logback-test.xml", "a b.txt", "caf\u00e9/x",
                "db/../db/migrations/sqlite/", "./META-INF/spring.factories", ".", "META-INF/.", "db/migrations/sqlite/.", "META-INF//spring.factories",
                "org/springframework/core/SpringVersion.class", "java/lang/String.class", "dev/migrate/launch/"));

        List<String> differences = new ArrayList<>();
        int found = compare("class", classes, boot, indexed, LoaderComparison::loadClass, differences, "defined");
        compare("multi-release class", versioned, boot, indexed, LoaderComparison::members, differences, "");
        int resources = compare("resource", names, boot, indexed, LoaderComparison::resources, differences, "[");
        for (String name : List.of("META-INF/spring.factories", "META-INF/services/java.sql.Driver",
                "db/migrations/sqlite/", "application.properties")) {
            System.out.println("resources " + name + " " + Collections.list(indexed.getResources(name)).size()
                    + " " + Collections.list(indexed.getResources(name)));
        }
        differences.forEach(System.out::println);
        System.out.println("classes " + classes.size() + " defined " + found + " multi-release " + versioned.size()
                + " names " + names.size() + " found " + resources + " differences " + differences.size());
        System.out.println("parent misses boot " + bootParent.misses.get() + " indexed " + indexedParent.misses.get());
        System.exit(differences.isEmpty() ? 0 : 1);
    }

    /** Each name answered by both loaders; differences added; returns how many of Boot's answers start with found. */
    private static int compare(String kind, Set<String> names, ClassLoader boot, ClassLoader indexed,
            BiFunction<ClassLoader, String, String> answer, List<String> differences, String found) {
        int count = 0;
        for (String name : names) {
            String viaBoot = answer.apply(boot, name);
            String viaIndex = answer.apply(indexed, name);
            if (!viaBoot.equals(viaIndex)) {
                differences.add(kind + " " + name + "\n  Boot:    " + viaBoot + "\n  indexed: " + viaIndex);
            }
            count += viaBoot.startsWith(found) && !viaBoot.startsWith("[] | null") ? 1 : 0;
        }
        return count;
    }

    private static String loadClass(ClassLoader loader, String name) {
        try {
            Class<?> type = Class.forName(name, false, loader);
            CodeSource source = type.getProtectionDomain().getCodeSource();
            Package pkg = type.getPackage();
            String definer = type.getClassLoader() == loader ? "defined" : "parent " + type.getClassLoader();
            return definer + " " + (source == null ? null : source.getLocation()) + " signers "
                    + (source == null ? null : Arrays.toString(source.getCodeSigners())) + " package "
                    + (pkg == null ? null : pkg.getName() + "/" + pkg.getImplementationTitle() + "/"
                    + pkg.getImplementationVersion() + "/" + pkg.getImplementationVendor() + "/"
                    + pkg.getSpecificationVersion() + "/sealed " + pkg.isSealed());
        } catch (Throwable e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static String members(ClassLoader loader, String name) {
        try {
            Class<?> type = Class.forName(name, false, loader);
            return Arrays.stream(type.getDeclaredMethods()).map(method -> method.getName()).sorted().toList() + " "
                    + Arrays.stream(type.getDeclaredFields()).map(field -> field.getName()).sorted().toList();
        } catch (Throwable e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static String resources(ClassLoader loader, String name) {
        try {
            List<URL> all = Collections.list(loader.getResources(name));
            URL first = loader.getResource(name);
            String content = "";
            if (first != null && !name.endsWith("/") && !name.isEmpty()) {
                try (InputStream in = first.openStream()) {
                    content = " " + Arrays.hashCode(in.readAllBytes());
                } catch (Exception e) {
                    content = " " + e.getClass().getName();
                }
            }
            return all + " | " + first + content;
        } catch (Throwable e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** The launcher's parent, counting the classes it was asked for and did not have. */
    static final class CountingParent extends ClassLoader {

        final AtomicInteger misses = new AtomicInteger();

        CountingParent(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            try {
                return super.loadClass(name, resolve);
            } catch (ClassNotFoundException e) {
                misses.incrementAndGet();
                throw e;
            }
        }
    }

    /** The jar launcher, its class path and class loader made as a launch makes them. */
    static final class Probe extends IndexedJarLauncher {

        Probe() throws Exception {
            super();
        }

        URL[] urls() throws Exception {
            return getClassPathUrls().toArray(new URL[0]);
        }

        org.springframework.boot.loader.launch.Archive archive() {
            return getArchive();
        }

        ClassLoader indexed(URL[] urls, ClassLoader parent) throws Exception {
            return indexedClassLoader(List.of(urls), parent);
        }
    }
}
