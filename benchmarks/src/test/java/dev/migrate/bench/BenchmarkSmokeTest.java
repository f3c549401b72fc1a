package dev.migrate.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every scenario once at a tiny size: the harness works and yields rows. Never asserts a timing. */
class BenchmarkSmokeTest {

    @Test
    void graphScenarioYieldsOneRowPerCase() throws Exception {
        List<Result> results = BenchmarkMain.run(new GraphScenario(), Settings.smoke());

        assertThat(results).extracting(Result::measured).containsExactly(GraphScenario.FLOOR, GraphScenario.LOAD,
                GraphScenario.BUILD, GraphScenario.UPGRADE, GraphScenario.DOWNGRADE, GraphScenario.HISTORY);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.revisions()).isEqualTo(50);
            assertThat(r.medianMs()).isNotNegative();
        });
        assertThat(BenchmarkMain.table(results)).contains(GraphScenario.LOAD);
    }

    @Test
    void applyScenarioYieldsFloorAndEngineRows() throws Exception {
        List<Result> results = BenchmarkMain.run(new ApplyScenario(), Settings.smoke());

        assertThat(results).extracting(Result::measured).containsExactly(ApplyScenario.FLOOR, ApplyScenario.UPGRADE,
                ApplyScenario.FLOOR + ApplyScenario.NO_SYNC, ApplyScenario.UPGRADE + ApplyScenario.NO_SYNC);
        assertThat(results).allSatisfy(r -> assertThat(r.revisions()).isEqualTo(10));
    }

    @Test
    void everyScenarioIsListedOnceByName() {
        assertThat(BenchmarkMain.scenarios()).extracting(Scenario::name).doesNotHaveDuplicates()
                .contains("graph", "apply");
    }

    @Test
    void generatedTreeHasAMergeEveryTwentyRevisions(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        ScriptTree.Written tree = ScriptTree.write(dir, 200, 20);

        assertThat(tree.size()).isEqualTo(200);
        assertThat(tree.merges()).isBetween(8, 10);
        assertThat(GraphScenario.load(dir).heads()).hasSize(1);
    }
}
