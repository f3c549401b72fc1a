package dev.migrate.shell;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DbCommandModeListenerTest {

    private StandardEnvironment prepared(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        new DbCommandModeListener(new SpringApplication(), args).environmentPrepared(null, environment);
        return environment;
    }

    @Test
    void aDbCommandTurnsTheRunIntoAOneShotCommand() {
        StandardEnvironment environment = prepared("db", "current", "--spring.datasource.url=jdbc:sqlite:x.db");
        assertThat(environment.getProperty(DbCommandModeListener.ACTIVE_PROPERTY)).isEqualTo("true");
        assertThat(environment.getProperty("migrate.on-startup")).as("no startup upgrade").isEqualTo("none");
        assertThat(environment.getProperty("spring.main.web-application-type")).as("no web server").isEqualTo("none");
        assertThat(environment.getProperty("spring.shell.interactive.enabled")).as("no prompt").isEqualTo("false");
        assertThat(environment.getProperty("spring.shell.history.enabled")).as("no history file").isEqualTo("false");
        assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
        assertThat(environment.getProperty("logging.level.root")).isEqualTo("WARN");
    }

    @Test
    void otherRunsAreLeftAlone() {
        for (String[] args : List.of(new String[0], new String[] {"--server.port=0"}, new String[] {"upgrade"},
                new String[] {"--db", "upgrade"})) {
            StandardEnvironment environment = prepared(args);
            assertThat(environment.getProperty(DbCommandModeListener.ACTIVE_PROPERTY)).isNull();
            assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
        }
    }

    @Test
    void springArgumentsAreNotCommandWords() {
        assertThat(DbCommandLineRunner.commandWords(new String[] {"db", "revision", "-m", "two words",
                "--spring.datasource.url=jdbc:postgresql://h/d", "--migrate.script-directory=/tmp/m", "--rev-id=abc"}))
                .containsExactly("revision", "-m", "two words", "--rev-id=abc");
    }
}
