package dev.migrate.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class (or method) that uses the shared real PostgreSQL server: registers
 * {@link PostgresExtension}, so that a {@link PostgresServer} parameter can be declared on test
 * methods, lifecycle methods ({@code @BeforeAll}, {@code @BeforeEach}, ...) and constructors.
 * Also tags the test {@code postgres}.
 *
 * <pre>{@code
 * @PostgresTest
 * class MyTest {
 *     @Test
 *     void works(PostgresServer pg) throws Exception {
 *         String db = pg.createDatabase();
 *         try (Connection c = pg.connect(db)) { ... }
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("postgres")
@ExtendWith(PostgresExtension.class)
public @interface PostgresTest {
}
