package dev.migrate.shell;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * In a one-shot {@code java -jar app.jar db ...} run, leaves out the auto-configurations of what serves requests or
 * runs work on its own: web servers and MVC, actuator, health and metrics, Spring Shell's prompt, schedulers, message
 * listeners, batch jobs, sessions, security. A {@code db} command needs none of them, and some would do harm while
 * it runs (a Quartz scheduler or a Kafka listener starting work, Spring Batch launching its jobs, Spring Session
 * creating its tables). Together with lazy bean creation this is what brings a one-shot command close to the cost of a
 * bare Spring Boot start with only a DataSource, whatever else the application holds.
 * <p>
 * What the engine needs stays: the DataSource and its connection details (Docker Compose, Testcontainers), JPA
 * (entities as models), JDBC, transactions, Jackson and the application's own beans, created only when asked for.
 * Filtering happens on class names, before any of these classes is loaded. Other runs are left alone, and
 * {@code migrate.command-line.minimal-context=false} keeps every auto-configuration in one-shot runs too.
 * It runs before Boot's own filters (priority order), so that their class conditions, which load the classes they
 * name (Tomcat's, actuator's, Micrometer's), are not evaluated for what is left out anyway.
 */
public final class OneShotAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware,
        PriorityOrdered {

    /** The setting that turns this off (and the lazy bean creation that goes with it). */
    public static final String ENABLED_PROPERTY = "migrate.command-line.minimal-context";

    /** Class name prefixes of the auto-configurations a one-shot command leaves out. */
    static final List<String> LEFT_OUT = List.of(
            // serving requests
            "org.springframework.boot.webmvc.", "org.springframework.boot.webflux.", "org.springframework.boot.servlet.",
            "org.springframework.boot.tomcat.", "org.springframework.boot.jetty.", "org.springframework.boot.reactor.netty.",
            "org.springframework.boot.web.server.", "org.springframework.boot.http.converter.",
            "org.springframework.boot.http.codec.", "org.springframework.boot.websocket.", "org.springframework.boot.graphql.",
            "org.springframework.boot.rsocket.", "org.springframework.boot.hateoas.", "org.springframework.boot.data.rest.",
            "org.springframework.boot.security.", "org.springframework.boot.session.",
            // observing a running application
            "org.springframework.boot.actuate.", "org.springframework.boot.health.", "org.springframework.boot.micrometer.",
            "org.springframework.boot.opentelemetry.", "org.springframework.boot.zipkin.",
            "org.springframework.boot.autoconfigure.jmx.", "org.springframework.boot.autoconfigure.admin.",
            "dev.migrate.actuate.",
            // running work of its own
            "org.springframework.boot.autoconfigure.task.", "org.springframework.boot.quartz.",
            "org.springframework.boot.batch.", "org.springframework.boot.integration.", "org.springframework.boot.kafka.",
            "org.springframework.boot.amqp.", "org.springframework.boot.jms.", "org.springframework.boot.artemis.",
            "org.springframework.boot.pulsar.", "org.springframework.boot.mail.",
            // the interactive prompt (the one-shot command runs without Shell)
            "org.springframework.shell.", "dev.migrate.shell.MigrateShellAutoConfiguration");

    private boolean active;

    @Override
    public void setEnvironment(Environment environment) {
        active = isActive(environment);
    }

    /** Whether this run is a one-shot {@code db} command with the minimal context (the default). */
    static boolean isActive(Environment environment) {
        return environment.getProperty(DbCommandModeListener.ACTIVE_PROPERTY, Boolean.class, false)
                && environment.getProperty(ENABLED_PROPERTY, Boolean.class, true);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] kept = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            kept[i] = !active || !leftOut(autoConfigurationClasses[i]);
        }
        return kept;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    static boolean leftOut(String autoConfigurationClass) {
        // Boot passes null for candidates an earlier filter already removed
        return autoConfigurationClass != null && LEFT_OUT.stream().anyMatch(autoConfigurationClass::startsWith);
    }
}
