package dev.migrate.autoconfigure;

import dev.migrate.dialect.Dialect;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.script.ScriptIndex;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a native image must keep for the engine: the scripts under the default location {@code db/migrations} (every
 * {@code {vendor}} sub-directory too) with their {@value ScriptIndex#FILE_NAME} and template, and the dialects, which
 * {@link java.util.ServiceLoader} finds through {@code META-INF/services} and creates by reflection. Scripts in other
 * classpath locations need the application's own resource hints.
 */
class MigrateRuntimeHints implements RuntimeHintsRegistrar {

    static final String SERVICES = "META-INF/services/" + Dialect.class.getName();

    private static final String LOCATION = "db/migrations";

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        hints.resources().registerPattern(LOCATION)
                .registerPattern(LOCATION + "/**/*.sql")
                .registerPattern(LOCATION + "/**/" + ScriptIndex.FILE_NAME)
                .registerPattern(LOCATION + "/**/" + ScriptDirectory.TEMPLATE_FILE)
                .registerPattern(SERVICES);
        ClassLoader loader = classLoader != null ? classLoader : getClass().getClassLoader();
        for (String dialect : dialectClassNames(loader)) {
            hints.reflection().registerType(TypeReference.of(dialect), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
        }
    }

    /** The classes named by every {@code META-INF/services} file for dialects (built-in and the application's). */
    private static Set<String> dialectClassNames(ClassLoader loader) {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(SERVICES))) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(url.openStream(),
                        StandardCharsets.UTF_8))) {
                    reader.lines().map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty())
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SERVICES + " while writing runtime hints", e);
        }
        return names;
    }
}
