package dev.migrate.shell.scanned;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;

/** The application's own DataSource, on the file {@code scanned.database-url} names: the one to migrate. */
@Configuration(proxyBeanMethods = false)
class ApplicationDatabase {

    @Bean
    DataSource applicationDataSource(Environment environment) {
        return new DriverManagerDataSource(environment.getRequiredProperty("scanned.database-url"));
    }
}
