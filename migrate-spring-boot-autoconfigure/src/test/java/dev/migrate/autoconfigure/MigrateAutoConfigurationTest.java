package dev.migrate.autoconfigure;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.migrate.autoconfigure.SqliteFiles.FIRST;
import static dev.migrate.autoconfigure.SqliteFiles.HEAD;
import static dev.migrate.autoconfigure.SqliteFiles.TEST_LOCATION;
import static dev.migrate.autoconfigure.SqliteFiles.tables;
import static dev.migrate.autoconfigure.SqliteFiles.url;
import static dev.migrate.autoconfigure.SqliteFiles.versions;
import static org.assertj.core.api.Assertions.assertThat;

class MigrateAutoConfigurationTest {

    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
            .withPropertyValues("migrate.locations=" + TEST_LOCATION,
                    // a directory that does not exist: scripts are read from the locations
                    "migrate.script-directory=target/no-such-directory");

    private Path db() {
        return dir.resolve("app.db");
    }

    private ApplicationContextRunner withAppDatabase() {
        return runner.withPropertyValues("spring.datasource.url=" + url(db()));
    }

    @Test
    void noDataSourceAndNoUrlMeansNoMigrate() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(Migrate.class);
                    assertThat(context).doesNotHaveBean(MigrateInitializer.class);
                });
    }

    @Test
    void aDataSourceIsMigratedToHeadAtStartup() {
        withAppDatabase().run(context -> {
            assertThat(context).hasSingleBean(Migrate.class);
            assertThat(context).hasSingleBean(MigrateInitializer.class);
            assertThat(tables(db())).contains("alembic_version", "person", "pet");
            assertThat(versions(db())).containsExactly(HEAD);
        });
    }

    @Test
    void theStartupUpgradeGoesToTheConfiguredTarget() {
        withAppDatabase().withPropertyValues("migrate.target=" + FIRST).run(context -> {
            assertThat(tables(db())).contains("person").doesNotContain("pet");
            assertThat(versions(db())).containsExactly(FIRST);
        });
    }

    @Test
    void theTableNamesAreConfigurable() {
        withAppDatabase().withPropertyValues("migrate.version-table=my_version", "migrate.log-table=my_log")
                .run(context -> assertThat(tables(db())).contains("my_version", "my_log")
                        .doesNotContain("alembic_version", "migrate_log"));
    }

    @Test
    void aUserDefinedMigrateBeanMakesTheAutoConfigurationBackOff() {
        withAppDatabase().withUserConfiguration(UserMigrateConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(Migrate.class);
            assertThat(context).getBean(Migrate.class).isSameAs(context.getBean("userMigrate"));
            assertThat(context.getBean(Migrate.class).config().locations()).containsExactly("classpath:db/elsewhere");
        });
    }

    @Test
    void disabledMeansNothing() {
        withAppDatabase().withPropertyValues("migrate.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Migrate.class);
            assertThat(context).doesNotHaveBean(MigrateInitializer.class);
            assertThat(tables(db())).isEmpty();
        });
    }

    @Test
    void onStartupNoneGivesTheBeanButLeavesTheDatabaseAlone() {
        withAppDatabase().withPropertyValues("migrate.on-startup=none").run(context -> {
            assertThat(context).hasSingleBean(Migrate.class);
            assertThat(tables(db())).isEmpty();
        });
    }

    @Test
    void validateOnAFreshDatabaseFailsTheStartupNamingThePendingRevisions() {
        withAppDatabase().withPropertyValues("migrate.on-startup=validate").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            Throwable cause = rootCause(failure);
            assertThat(cause).as("root cause of %s", failure).isInstanceOf(MigrateException.class);
            assertThat(cause.getMessage())
                    .doesNotContain("\n")
                    .contains("at base")
                    .contains("migrate.target=heads (" + HEAD + ")")
                    .contains("by 2 revision(s): " + FIRST + ", " + HEAD)
                    .contains("db upgrade")
                    .contains("migrate.on-startup=upgrade");
            // validation only reads: not even the version table is created
            assertThat(tables(db())).isEmpty();
        });
    }

    @Test
    void validateOnAnUpToDateDatabaseStarts() {
        withAppDatabase().run(context -> assertThat(versions(db())).containsExactly(HEAD));
        withAppDatabase().withPropertyValues("migrate.on-startup=validate").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(Migrate.class);
        });
    }

    @Test
    void validateAgainstAnOlderTargetIsSatisfiedByThatTarget() {
        withAppDatabase().withPropertyValues("migrate.target=" + FIRST).run(context -> { });
        withAppDatabase().withPropertyValues("migrate.on-startup=validate", "migrate.target=" + FIRST)
                .run(context -> assertThat(context).hasNotFailed());
        withAppDatabase().withPropertyValues("migrate.on-startup=validate").run(context -> {
            assertThat(context).hasFailed();
            assertThat(findCause(context.getStartupFailure(), MigrateException.class).getMessage())
                    .contains("at " + FIRST).contains("by 1 revision(s): " + HEAD);
        });
    }

    @Test
    void theMigrateDataSourceIsMigratedAndThePrimaryIsNot() {
        Path primary = dir.resolve("primary.db");
        Path other = dir.resolve("other.db");
        runner.withBean("primaryDataSource", DataSource.class, () -> sqlite(primary), bd -> bd.setPrimary(true))
                .withUserConfiguration(MigrateDataSourceConfiguration.class)
                .withPropertyValues("test.other=" + url(other))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(tables(other)).contains("person", "pet");
                    assertThat(versions(other)).containsExactly(HEAD);
                    assertThat(tables(primary)).isEmpty();
                });
    }

    @Test
    void migrateUrlMigratesASeparateDatabaseAndNotTheApplicationsDataSource() {
        Path separate = dir.resolve("separate.db");
        withAppDatabase().withPropertyValues("migrate.url=" + url(separate), "migrate.user=sa", "migrate.password=secret")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(versions(separate)).containsExactly(HEAD);
                    assertThat(tables(db())).isEmpty();
                    // not a pool, which nothing would close when the context closes
                    assertThat(context.getBean(Migrate.class).config().dataSource())
                            .isInstanceOfSatisfying(SimpleDriverDataSource.class, ds -> {
                                assertThat(ds.getUrl()).isEqualTo(url(separate));
                                assertThat(ds.getUsername()).isEqualTo("sa");
                                assertThat(ds.getPassword()).isEqualTo("secret");
                            });
                });
    }

    @Test
    void migrateUrlTakesTheApplicationsCredentialsWhenItHasNoneOfItsOwn() {
        Path separate = dir.resolve("separate.db");
        withAppDatabase().withPropertyValues("spring.datasource.username=app", "spring.datasource.password=app-secret",
                        "migrate.url=" + url(separate))
                .run(context -> assertThat(context.getBean(Migrate.class).config().dataSource())
                        .isInstanceOfSatisfying(SimpleDriverDataSource.class, ds -> {
                            assertThat(ds.getUrl()).isEqualTo(url(separate));
                            assertThat(ds.getUsername()).isEqualTo("app");
                            assertThat(ds.getPassword()).isEqualTo("app-secret");
                        }));
    }

    @Test
    void migrateUserAloneMigratesTheApplicationsUrlAsThatUser() {
        withAppDatabase().withPropertyValues("spring.datasource.username=app", "migrate.user=owner")
                .run(context -> {
                    assertThat(versions(db())).containsExactly(HEAD);
                    assertThat(context.getBean(Migrate.class).config().dataSource())
                            .isInstanceOfSatisfying(SimpleDriverDataSource.class, ds -> {
                                assertThat(ds.getUrl()).isEqualTo(url(db()));
                                assertThat(ds.getUsername()).isEqualTo("owner");
                            });
                });
    }

    @Test
    void migrateUserWithNoUrlAnywhereFailsSayingWhatToSet() {
        runner.withBean(DataSource.class, () -> sqlite(db())).withPropertyValues("migrate.user=owner")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("migrate.user or migrate.password is set, but there is no URL")
                        .hasMessageContaining("set migrate.url"));
    }

    @Test
    void migrateUrlWorksWithoutAnyDataSource() {
        Path separate = dir.resolve("separate.db");
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                .withPropertyValues("migrate.locations=" + TEST_LOCATION, "migrate.url=" + url(separate)).run(context -> {
            assertThat(context).hasSingleBean(Migrate.class);
            assertThat(versions(separate)).containsExactly(HEAD);
        });
    }

    @Test
    void aMigrationStrategyReplacesTheStartupBehaviour() {
        List<Migrate> calls = new ArrayList<>();
        withAppDatabase()
                .withBean(MigrationStrategy.class, () -> migrate -> {
                    calls.add(migrate);
                    migrate.stamp("head", false);
                })
                .run(context -> {
                    assertThat(calls).containsExactly(context.getBean(Migrate.class));
                    assertThat(versions(db())).containsExactly(HEAD);
                    assertThat(tables(db())).doesNotContain("person", "pet");
                });
    }

    @Test
    void aMigrationStrategyIsCalledEvenWhenOnStartupIsNone() {
        List<Migrate> calls = new ArrayList<>();
        withAppDatabase().withPropertyValues("migrate.on-startup=none")
                .withBean(MigrationStrategy.class, () -> calls::add)
                .run(context -> assertThat(calls).hasSize(1));
    }

    @Test
    void withoutTheEngineOnTheClassPathThereIsNoAutoConfiguration() {
        withAppDatabase().withClassLoader(new FilteredClassLoader(Migrate.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(MigrateAutoConfiguration.class);
            assertThat(context).doesNotHaveBean(MigrateProperties.class);
            assertThat(tables(db())).isEmpty();
        });
    }

    @Test
    void aFailingScriptFailsTheStartupWithTheEnginesOneLineMessage() {
        Path scripts = SqliteFiles.scriptDirectory(dir, "0123456789ab", "INSERT INTO nowhere VALUES (1);");
        withAppDatabase().withPropertyValues("migrate.locations=filesystem:" + scripts).run(context -> {
            assertThat(context).hasFailed();
            Throwable root = rootCause(context.getStartupFailure());
            assertThat(root).isInstanceOf(MigrateException.class);
            assertThat(root.getMessage())
                    .doesNotContain("\n")
                    .contains("0123456789ab_only.sql:10")
                    .contains("no such table: nowhere");
            // the engine's own exception, down to the driver's, is kept for the logs
            assertThat(root.getSuppressed()).singleElement()
                    .satisfies(engine -> assertThat(rootCause(engine)).isInstanceOf(java.sql.SQLException.class));
        });
    }

    @Test
    void aBadTargetFailsTheStartupWithTheEnginesMessage() {
        withAppDatabase().withPropertyValues("migrate.target=nosuchrev").run(context -> {
            assertThat(context).hasFailed();
            assertThat(findCause(context.getStartupFailure(), MigrateException.class).getMessage()).contains("nosuchrev");
        });
    }

    static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static DataSource sqlite(Path file) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(url(file));
        return dataSource;
    }

    @Configuration(proxyBeanMethods = false)
    static class UserMigrateConfiguration {

        @Bean
        Migrate userMigrate(DataSource dataSource) {
            return new Migrate(dev.migrate.command.MigrateConfig.builder().dataSource(dataSource)
                    .location("classpath:db/elsewhere").build());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MigrateDataSourceConfiguration {

        @Bean
        @MigrateDataSource
        DataSource otherDataSource(org.springframework.core.env.Environment environment) {
            SQLiteDataSource dataSource = new SQLiteDataSource();
            dataSource.setUrl(environment.getRequiredProperty("test.other"));
            return dataSource;
        }
    }
}
