package dev.migrate.bench;

/**
 * One row of the table: a measured case of a scenario at one size, its median, and its ratio to the
 * scenario's floor at the same size (the floor's own row has ratio 1).
 *
 * @param scenario   e.g. {@code graph}
 * @param subject    what ran: {@code migrate} today; {@code flyway} and {@code liquibase} with issue 6
 * @param measured   the case, e.g. {@code load + RevisionGraph.of}
 * @param revisions  the number of revisions
 * @param medianMs   median of the measured iterations, in milliseconds
 * @param ratio      median divided by the floor's median at this size, or NaN when there is no floor
 */
public record Result(String scenario, String subject, String measured, int revisions, double medianMs, double ratio,
                     double minMs, double maxMs) {

    /** Milliseconds per 1,000 revisions: flat across sizes when the case is linear. */
    public double msPerThousand() {
        return medianMs * 1_000.0 / revisions;
    }

    static Result of(String scenario, String subject, String measured, int revisions, Measure.Samples samples,
                     double floorMedianMs) {
        double median = samples.medianMillis();
        return new Result(scenario, subject, measured, revisions, median,
                Double.isNaN(floorMedianMs) ? Double.NaN : median / floorMedianMs, samples.minMillis(), samples.maxMillis());
    }
}
