package dev.migrate.bench.boot;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The application of scenario "boot", started in a JVM of its own per sample with one class path per tool (see
 * {@code BootScenario}): a non-web Spring Boot application with auto-configuration and nothing else, so that its
 * DataSource comes from {@code spring.datasource.*} and whichever migration starter is on the class path runs
 * as it would in any application. Before it is ready it runs one {@code SELECT 1} on its DataSource, as every
 * real application uses its database: the floor (no starter) then opens its pool as the starters do. On
 * {@link ApplicationReadyEvent} it notes the JVM's uptime (JVM start to ready) and the event's time taken
 * ({@code SpringApplication.run} to ready), prints one line with both and with the migration tools whose
 * classes it can load and whose bean it holds, and exits.
 *
 * <p>One class file, no nested classes: the scenario copies exactly this file into the child's class path.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BootApp {

    /** The start of the line the scenario reads on the child's standard output. */
    public static final String MARK = "migrate-bench-boot:";

    /** A class of each tool, and the bean type each starter registers. */
    static final String[][] TOOLS = {
            {"migrate", "dev.migrate.command.Migrate"},
            {"flyway", "org.flywaydb.core.Flyway"},
            {"liquibase", "liquibase.integration.spring.SpringLiquibase"},
    };

    public static void main(String[] args) throws Exception {
        long[] ready = new long[2];
        SpringApplication application = new SpringApplication(BootApp.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.addListeners((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof ApplicationReadyEvent readyEvent) {
                ready[0] = ManagementFactory.getRuntimeMXBean().getUptime();
                ready[1] = readyEvent.getTimeTaken() == null ? -1 : readyEvent.getTimeTaken().toMillis();
            }
        });
        ConfigurableApplicationContext context = application.run(args);
        List<String> classes = new ArrayList<>();
        List<String> beans = new ArrayList<>();
        for (String[] tool : TOOLS) {
            Class<?> type;
            try {
                type = Class.forName(tool[1], false, BootApp.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                continue;
            }
            classes.add(tool[0]);
            if (context.getBeanNamesForType(type).length > 0) {
                beans.add(tool[0]);
            }
        }
        System.out.printf(Locale.ROOT, "%s ready-ms=%d run-ms=%d classes=%s beans=%s%n", MARK, ready[0], ready[1],
                String.join(",", classes), String.join(",", beans));
        System.out.flush();
        System.exit(SpringApplication.exit(context));
    }

    /** Every application uses its database before it is ready; the floor opens its pool here. */
    @Bean
    ApplicationRunner touchDatabase(DataSource dataSource) {
        return arguments -> {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet one = statement.executeQuery("SELECT 1")) {
                one.next();
            }
        };
    }
}
