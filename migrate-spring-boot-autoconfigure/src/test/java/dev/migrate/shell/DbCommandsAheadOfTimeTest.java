package dev.migrate.shell;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.env.MapPropertySource;
import org.springframework.javapoet.ClassName;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's ahead-of-time processing (what {@code process-aot} runs) accepts the db commands: AOT code generation
 * refuses bean definitions that carry an instance-supplier lambda, so the commands are registered by class.
 */
class DbCommandsAheadOfTimeTest {

    @TempDir
    Path dir;

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
            MigrateShellAutoConfiguration.class})
    static class App {
    }

    @Test
    void aheadOfTimeProcessingGeneratesTheDbCommandBeans() throws java.io.IOException {
        InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                    "spring.datasource.url", "jdbc:sqlite:" + dir.resolve("app.db"), "migrate.on-startup", "none")));
            context.register(App.class);
            DefaultGenerationContext generation = new DefaultGenerationContext(new ClassNameGenerator(ClassName.get(App.class)),
                    files);
            new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
            generation.writeGeneratedContent();
        }
        StringBuilder sources = new StringBuilder();
        for (String path : files.getGeneratedFiles(GeneratedFiles.Kind.SOURCE).keySet()) {
            sources.append(files.getGeneratedFileContent(GeneratedFiles.Kind.SOURCE, path)).append('\n');
        }
        assertThat(sources.toString()).contains("new DbShellCommand(", "dbUpgradeCommand", "dbDowngradeCommand");
    }
}
