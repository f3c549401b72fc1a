package dev.migrate.autoconfigure;

import dev.migrate.testsupport.PostgresServer;
import dev.migrate.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static dev.migrate.autoconfigure.SqliteFiles.HEAD;
import static dev.migrate.autoconfigure.SqliteFiles.TEST_LOCATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the application's database is known only from connection details (Testcontainers' {@code @ServiceConnection},
 * Docker Compose): spring.datasource.url points elsewhere or nowhere. Stood in for by a {@link JdbcConnectionDetails}
 * bean pointing at the suite's PostgreSQL.
 */
@PostgresTest
class MigrateConnectionDetailsTest {

    private static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withPropertyValues("migrate.locations=" + TEST_LOCATION, "migrate.script-directory=target/no-such-directory");
    }

    /** A login role that owns {@code database}, so that it may create tables in its public schema. */
    private static String owner(PostgresServer postgres, String database) throws SQLException {
        String role = "owner_" + database;
        try (Connection connection = postgres.connect(database)) {
            connection.createStatement().execute("CREATE ROLE " + role + " LOGIN");
            connection.createStatement().execute("ALTER DATABASE " + database + " OWNER TO " + role);
        }
        return role;
    }

    private static JdbcConnectionDetails details(PostgresServer postgres, String database) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return postgres.user();
            }

            @Override
            public String getPassword() {
                return postgres.password();
            }

            @Override
            public String getJdbcUrl() {
                return postgres.jdbcUrl(database);
            }
        };
    }

    private static List<String> strings(PostgresServer postgres, String database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = postgres.connect(database); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static List<String> tableOwners(PostgresServer postgres, String database) throws SQLException {
        return strings(postgres, database, "SELECT tablename || ':' || tableowner FROM pg_tables WHERE schemaname = 'public' "
                + "ORDER BY tablename");
    }

    @Test
    void migrateUserMigratesTheDatabaseOfTheConnectionDetailsNotSpringDatasourceUrl(PostgresServer postgres) throws Exception {
        String service = postgres.createDatabase();
        String elsewhere = postgres.createDatabase();
        String owner = owner(postgres, service);
        runner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
                .withBean(JdbcConnectionDetails.class, () -> details(postgres, service))
                .withPropertyValues("spring.datasource.url=" + postgres.jdbcUrl(elsewhere), "migrate.user=" + owner)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(MigrateConnectionDetails.class).getJdbcUrl()).isEqualTo(postgres.jdbcUrl(service));
                });
        assertThat(strings(postgres, service, "SELECT version_num FROM alembic_version")).containsExactly(HEAD);
        assertThat(tableOwners(postgres, service)).contains("person:" + owner, "pet:" + owner, "alembic_version:" + owner);
        assertThat(tableOwners(postgres, elsewhere)).isEmpty();
    }

    @Test
    void credentialsAloneAreUsedOnTheApplicationsOwnDataSourceWhenNoDetailsSayWhereItIs(PostgresServer postgres)
            throws Exception {
        String database = postgres.createDatabase();
        String owner = owner(postgres, database);
        runner().withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                .withBean(DataSource.class, () -> new SimpleDriverDataSource(new org.postgresql.Driver(),
                        postgres.jdbcUrl(database), postgres.user(), postgres.password()))
                .withPropertyValues("migrate.user=" + owner)
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(tableOwners(postgres, database)).contains("person:" + owner, "alembic_version:" + owner);
    }

    @Test
    void aMigrateConnectionDetailsBeanAloneIsEnoughToMigrate(PostgresServer postgres) throws Exception {
        String database = postgres.createDatabase();
        runner().withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                .withBean(MigrateConnectionDetails.class, () -> new MigrateConnectionDetails() {
                    @Override
                    public String getJdbcUrl() {
                        return postgres.jdbcUrl(database);
                    }

                    @Override
                    public String getUsername() {
                        return postgres.user();
                    }

                    @Override
                    public String getPassword() {
                        return postgres.password();
                    }
                })
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(MigrateInitializer.class);
                });
        assertThat(strings(postgres, database, "SELECT version_num FROM alembic_version")).containsExactly(HEAD);
    }
}
