package dev.migrate.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code --spring.profiles.active=web}: the JSON API and the actuator, no prompt. The profile's
 * properties switch the web server on and Shell's interactive runner off; but Shell's non-interactive
 * runner would then try to run the process's arguments ({@code --spring.profiles.active=web}) as a
 * command. Any {@link ApplicationRunner} bean replaces Shell's runner (it is conditional on a missing
 * one), so this one, which only says where the API is, makes a web run a plain web application.
 */
@Component
@Profile("web")
class WebMode implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WebMode.class);

    private final Environment environment;

    WebMode(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("Blog API on http://localhost:{}/api/articles, migrations on http://localhost:{}/actuator/migrations", port, port);
    }
}
