package dev.migrate.launch;

import org.springframework.boot.loader.launch.JarLauncher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Main-Class of a jar packaged with {@link MigrateLayoutFactory}: answers {@code db --help} and
 * {@code db <command> --help} straight from the jar, and hands every other command line unchanged to Boot's
 * {@link JarLauncher} ({@link IndexedJarLauncher}: the same launcher with a class loader that goes straight to the
 * nested jar holding a class). Answered in the application instead (by the starter's run listener), the help costs Boot's launcher
 * opening the nested jars, {@code SpringApplication}'s and logging's initialisation: some 0.6 s of a 0.7 s run.
 * <p>
 * The text is the starter's own: its help code ({@code DbHelp} and the grammar it uses, no Spring class) is loaded
 * from the packaged auto-configuration jar in a class loader that holds nothing else. When that is not possible (no
 * such jar, an older one, anything unexpected), the application answers, exactly as without this launcher.
 */
public final class MigrateJarLauncher {

    /** The packaged auto-configuration jar: the one that holds the help the application would print. */
    static final String AUTOCONFIGURE_JAR_PREFIX = "BOOT-INF/lib/migrate-spring-boot-autoconfigure-";

    /** Where the help is, and its Spring-free entry point: the help for a whole command line, or null. */
    static final String HELP_CLASS = "dev.migrate.shell.DbHelp";
    static final String HELP_METHOD = "forCommandLine";

    private static final String PACKAGED_CLASSES = "dev/migrate/";

    private MigrateJarLauncher() {
    }

    public static void main(String[] args) throws Exception {
        String help = mayAskForHelp(args) ? help(ownJar(), args) : null;
        if (help == null) {
            IndexedJarLauncher.main(args);
            return;
        }
        System.out.println(help);
        System.out.flush();
    }

    /**
     * A cheap first look, so that a command or an ordinary start does not open the jar twice: {@code db} alone (or with
     * options only) or with a word asking for help. Whether it does (and what a usage error is) is the help code's to decide. Boot's
     * {@code -Djarmode} runs are Boot's.
     */
    static boolean mayAskForHelp(String[] args) {
        if (args.length == 0 || !"db".equals(args[0]) || System.getProperty("jarmode") != null) {
            return false;
        }
        boolean onlyOptions = true;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h") || args[i].equals("help")) {
                return true;
            }
            onlyOptions &= args[i].startsWith("--");
        }
        // db alone (Boot's --some.property=value arguments aside) prints the overview
        return onlyOptions;
    }

    /** The help these arguments ask for, as the application would print it, or null to let the application answer. */
    static String help(Path jar, String[] args) {
        if (jar == null) {
            return null;
        }
        try (JarFile outer = new JarFile(jar.toFile(), false)) {
            JarEntry autoConfiguration = autoConfigurationJar(outer);
            if (autoConfiguration == null) {
                return null;
            }
            ClassLoader loader = new PackagedClasses(classes(outer, autoConfiguration));
            Method help = Class.forName(HELP_CLASS, true, loader).getDeclaredMethod(HELP_METHOD, String[].class);
            help.setAccessible(true);
            return (String) help.invoke(null, (Object) args.clone());
        } catch (IOException | ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    private static Path ownJar() {
        try {
            Path location = Path.of(MigrateJarLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? location : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static JarEntry autoConfigurationJar(JarFile outer) {
        for (Enumeration<JarEntry> entries = outer.entries(); entries.hasMoreElements();) {
            JarEntry entry = entries.nextElement();
            if (entry.getName().startsWith(AUTOCONFIGURE_JAR_PREFIX) && entry.getName().endsWith(".jar")) {
                return entry;
            }
        }
        return null;
    }

    /** The starter's class files in the nested jar, by resource name. */
    private static Map<String, byte[]> classes(JarFile outer, JarEntry nestedJar) throws IOException {
        Map<String, byte[]> classes = new HashMap<>();
        try (InputStream stored = outer.getInputStream(nestedJar); ZipInputStream in = new ZipInputStream(stored)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().startsWith(PACKAGED_CLASSES) && entry.getName().endsWith(".class")) {
                    classes.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return classes;
    }

    /**
     * The starter's classes over the JDK's, and nothing else: no Spring class can be loaded through it, so the help
     * answered here can start no part of the application.
     */
    static final class PackagedClasses extends ClassLoader {

        private final Map<String, byte[]> classes;

        PackagedClasses(Map<String, byte[]> classes) {
            super(ClassLoader.getPlatformClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name.replace('.', '/') + ".class");
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
