package dev.migrate.bench;

/**
 * One row of the table: a measured case of a scenario at one size, its median, and its ratio to the
 * scenario's floor at the same size (the floor's own row has ratio 1).
 *
 * @param scenario   e.g. {@code graph}
 * @param subject    what ran: {@code jdbc} or {@code io} (floors), {@code migrate}, {@code flyway}, {@code liquibase}
 * @param measured   the case, e.g. {@code load + RevisionGraph.of}
 * @param revisions  the number of revisions
 * @param medianMs   median of the measured iterations, in milliseconds
 * @param ratio      median divided by the floor's median at this size, or NaN when there is no floor
 * @param unit       {@code ms} for timings; {@code KB} for the memory scenario, whose "median ms" holds kilobytes
 */
public record Result(String scenario, String subject, String measured, int revisions, double medianMs, double ratio,
                     double minMs, double maxMs, String unit) {

    public static final String MS = "ms";

    public boolean timed() {
        return MS.equals(unit);
    }

    /** Milliseconds per 1,000 revisions: flat across sizes when the case is linear. */
    public double msPerThousand() {
        return medianMs * 1_000.0 / revisions;
    }

    static Result of(String scenario, String subject, String measured, int revisions, Measure.Samples samples,
                     double floorMedianMs) {
        double median = samples.medianMillis();
        return new Result(scenario, subject, measured, revisions, median,
                Double.isNaN(floorMedianMs) ? Double.NaN : median / floorMedianMs, samples.minMillis(), samples.maxMillis(),
                MS);
    }

    /** A row that is not a timing: {@code values} (e.g. kilobytes) with their median, min and max. */
    static Result ofValues(String scenario, String subject, String measured, int revisions, double[] values,
                           double floorMedian, String unit) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        return new Result(scenario, subject, measured, revisions, median,
                Double.isNaN(floorMedian) || floorMedian == 0 ? Double.NaN : median / floorMedian, sorted[0],
                sorted[sorted.length - 1], unit);
    }
}
