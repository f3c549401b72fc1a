package dev.migrate.test;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@link MigrationTests} on a Spring test context: a sound history passes its five test methods; a history with two
 * heads fails the single head one with the check's message.
 */
class MigrationTestsTest {

    @SpringJUnitConfig(SqliteKitApp.class)
    @TestPropertySource(properties = "kit.location=classpath:kit/sound")
    static class SoundMigrations implements MigrationTests {
    }

    @SpringJUnitConfig(SqliteKitApp.class)
    @TestPropertySource(properties = "kit.location=classpath:kit/twoheads")
    static class TwoHeads implements MigrationTests {
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    @Test
    void aSoundHistoryPassesEveryCheckMethod() {
        Events events = run(SoundMigrations.class);

        assertThat(events.succeeded().count()).isEqualTo(5);
        assertThat(events.failed().count()).isZero();
    }

    @Test
    void twoHeadsFailTheSingleHeadMethodWithTheChecksMessage() {
        Events failed = run(TwoHeads.class).failed();

        Throwable failure = failed.stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().startsWith("singleHead")).findFirst()
                .orElseThrow().getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(MigrationCheckFailure.class)
                .hasMessageStartingWith("Single head check failed: the history has 2 heads (bbbb00000002, cccc00000003)");
    }
}
