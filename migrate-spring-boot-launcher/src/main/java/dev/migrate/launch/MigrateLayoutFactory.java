package dev.migrate.launch;

import org.springframework.boot.loader.tools.CustomLoaderLayout;
import org.springframework.boot.loader.tools.Layout;
import org.springframework.boot.loader.tools.LayoutFactory;
import org.springframework.boot.loader.tools.Layouts;
import org.springframework.boot.loader.tools.LoaderClassesWriter;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Boot's executable-jar layout with {@link MigrateJarLauncher} as its Main-Class, for {@code spring-boot-maven-plugin}'s
 * {@code <layoutFactory>}: the same jar (Boot's launcher classes, {@code BOOT-INF/classes}, {@code BOOT-INF/lib},
 * {@code Start-Class}), plus the launcher's classes at its root, where the JVM finds a Main-Class.
 */
public final class MigrateLayoutFactory implements LayoutFactory {

    /** The launcher's class files, written next to Boot's loader classes (the launcher runs before any nested jar opens). */
    static final List<String> LAUNCHER_CLASSES = List.of("dev/migrate/launch/MigrateJarLauncher.class",
            "dev/migrate/launch/MigrateJarLauncher$PackagedClasses.class", "dev/migrate/launch/IndexedJarLauncher.class",
            "dev/migrate/launch/IndexedClassLoader.class", "dev/migrate/launch/NestedJarIndex.class");

    @Override
    public Layout getLayout(File source) {
        return new MigrateJarLayout();
    }

    static final class MigrateJarLayout extends Layouts.Jar implements CustomLoaderLayout {

        @Override
        public String getLauncherClassName() {
            // By name: the class needs Boot's loader, which is not on the build plugin's class path.
            return "dev.migrate.launch.MigrateJarLauncher";
        }

        @Override
        public void writeLoadedClasses(LoaderClassesWriter writer) throws IOException {
            writer.writeLoaderClasses();
            for (String launcherClass : LAUNCHER_CLASSES) {
                try (InputStream bytes = MigrateLayoutFactory.class.getClassLoader().getResourceAsStream(launcherClass)) {
                    if (bytes == null) {
                        throw new IOException("Missing " + launcherClass + " in migrate-spring-boot-launcher: rebuild it");
                    }
                    writer.writeEntry(launcherClass, bytes);
                }
            }
        }
    }
}
