package dev.migrate.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the side-by-side scenarios share: their measuring settings, and the summary of ratios to the peers. */
final class Peers {

    private Peers() {
    }

    /** Cheap cases (no-op boot, autogenerate): the apply warm-ups and iterations, at least 1 s of warm-up. */
    static Settings light(Settings settings) {
        return new Settings(settings.graphSizes(), settings.applyRevisions(), Math.max(settings.applyWarmups(), settings.warmups()),
                settings.warmupMillis(), settings.iterations(), settings.applyWarmups(), settings.applyIterations(),
                settings.peers());
    }

    /**
     * Cheap cases compared across tools (no-op start, peers-graph): {@link #light} with at least
     * {@code lightWarmups} warm-up calls, so that the slowest tool is as warm as the fastest.
     */
    static Settings lightAlike(Settings settings) {
        Settings light = light(settings);
        return new Settings(light.graphSizes(), light.applyRevisions(),
                Math.max(light.warmups(), settings.peers().lightWarmups()), light.warmupMillis(), light.iterations(),
                light.applyWarmups(), light.applyIterations(), light.peers());
    }

    /** Heavy cases (a fresh database per iteration, a million-row copy): few iterations. */
    static Settings heavy(Settings settings) {
        Settings.Peers peers = settings.peers();
        return new Settings(settings.graphSizes(), settings.applyRevisions(), peers.heavyWarmups(), 0,
                peers.heavyIterations(), peers.heavyWarmups(), peers.heavyIterations(), peers);
    }

    /**
     * Per scenario (and database): each of this project's cases over Flyway's and Liquibase's, the ratios the
     * goals of issue 6 are stated in. Empty when no scenario had peers.
     */
    static String summary(List<Result> results) {
        Map<String, List<Result>> byScenario = new LinkedHashMap<>();
        for (Result r : results) {
            if (r.timed()) {
                byScenario.computeIfAbsent(r.scenario() + "@" + r.revisions(), k -> new ArrayList<>()).add(r);
            }
        }
        StringBuilder text = new StringBuilder();
        byScenario.forEach((key, rows) -> {
            Result flyway = rows.stream().filter(r -> r.subject().equals("flyway")).findFirst().orElse(null);
            Result liquibase = rows.stream().filter(r -> r.subject().equals("liquibase")).findFirst().orElse(null);
            if (flyway == null && liquibase == null) {
                return;
            }
            if (text.isEmpty()) {
                text.append("| scenario | case | x Flyway | x Liquibase | x floor |\n|---|---|--:|--:|--:|\n");
            }
            for (Result r : rows) {
                if (r.subject().equals("migrate")) {
                    text.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f |%n", r.scenario(), r.measured(),
                            ratio(r, flyway), ratio(r, liquibase), r.ratio()));
                }
            }
        });
        return text.toString();
    }

    private static String ratio(Result r, Result peer) {
        return peer == null ? "" : String.format(Locale.ROOT, "%.2f", r.medianMs() / peer.medianMs());
    }
}
