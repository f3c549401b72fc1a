/** Migrate for Spring Boot's engine: Alembic's model of revisions, without Spring. */
package dev.migrate;
