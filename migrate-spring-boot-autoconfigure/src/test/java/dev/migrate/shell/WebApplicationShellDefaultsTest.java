package dev.migrate.shell;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A web application gets no prompt unless it asks for one; other applications are left alone. */
class WebApplicationShellDefaultsTest {

    private static StandardEnvironment processed(WebApplicationType type, Map<String, Object> userSettings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("user", userSettings));
        SpringApplication application = new SpringApplication();
        application.setWebApplicationType(type);
        new WebApplicationShellDefaults().postProcessEnvironment(environment, application);
        return environment;
    }

    @Test
    void aWebApplicationGetsNoPrompt() {
        StandardEnvironment environment = processed(WebApplicationType.SERVLET, Map.of());
        assertThat(environment.getProperty(WebApplicationShellDefaults.INTERACTIVE)).isEqualTo("false");
        assertThat(environment.getProperty(WebApplicationShellDefaults.NO_PROMPT)).isEqualTo("true");
    }

    @Test
    void theUsersOwnSettingWins() {
        StandardEnvironment environment = processed(WebApplicationType.SERVLET,
                Map.of(WebApplicationShellDefaults.INTERACTIVE, "true"));
        assertThat(environment.getProperty(WebApplicationShellDefaults.INTERACTIVE)).isEqualTo("true");
        assertThat(environment.containsProperty(WebApplicationShellDefaults.NO_PROMPT)).isFalse();
    }

    @Test
    void anApplicationThatTurnsItsServerOffByPropertyKeepsItsPrompt() {
        StandardEnvironment environment = processed(WebApplicationType.SERVLET,
                Map.of("spring.main.web-application-type", "none"));
        assertThat(environment.containsProperty(WebApplicationShellDefaults.INTERACTIVE)).isFalse();
    }

    @Test
    void aShellApplicationKeepsItsPrompt() {
        StandardEnvironment environment = processed(WebApplicationType.NONE, Map.of());
        assertThat(environment.containsProperty(WebApplicationShellDefaults.INTERACTIVE)).isFalse();
    }
}
