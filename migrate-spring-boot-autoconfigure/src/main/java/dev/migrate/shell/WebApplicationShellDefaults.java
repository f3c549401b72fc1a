package dev.migrate.shell;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

import java.util.Locale;
import java.util.Map;

/**
 * A web application that has Spring Shell on its classpath (through the starter's users) must not block
 * on a prompt, nor have Shell run its {@code --server.port=...} arguments as a command. Unless the
 * application says otherwise ({@code spring.shell.interactive.enabled}), a web run gets no prompt, and
 * {@link MigrateShellAutoConfiguration} stands in for Shell's runner. Lowest precedence: every setting of
 * the user's wins.
 */
public final class WebApplicationShellDefaults implements EnvironmentPostProcessor {

    static final String INTERACTIVE = "spring.shell.interactive.enabled";
    /** An internal switch, outside the public {@code migrate.*} namespace: applications never set it. */
    static final String NO_PROMPT = "dev.migrate.internal.web-application-without-prompt";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean shellPresent = ClassUtils.isPresent("org.springframework.shell.core.ShellRunner",
                application.getClassLoader());
        // spring.main.* is bound to the application only after post-processors run: read it here directly.
        WebApplicationType type = webApplicationType(environment.getProperty("spring.main.web-application-type"),
                application.getWebApplicationType());
        if (!shellPresent || type == WebApplicationType.NONE || environment.containsProperty(INTERACTIVE)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("migrateWebApplicationShellDefaults",
                Map.of(INTERACTIVE, "false", NO_PROMPT, "true")));
    }

    /** As Boot's binder reads it: any case, dashes for underscores; what it cannot read leaves the deduced type. */
    private static WebApplicationType webApplicationType(String configured, WebApplicationType deduced) {
        if (configured == null || configured.isBlank()) {
            return deduced;
        }
        try {
            return WebApplicationType.valueOf(configured.trim().replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return deduced;
        }
    }
}
