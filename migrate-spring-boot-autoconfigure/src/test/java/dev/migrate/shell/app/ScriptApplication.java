package dev.migrate.shell.app;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.shell.MigrateShellAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration;

/**
 * A Spring Shell application with the starter, alone in its package (Shell scans it for commands). The
 * auto-configurations are listed rather than discovered, since the test class path also holds Hibernate; run
 * it with {@code spring.boot.enableautoconfiguration=false}.
 */
@SpringBootApplication
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
        MigrateShellAutoConfiguration.class, SpringShellAutoConfiguration.class})
public class ScriptApplication {
}
