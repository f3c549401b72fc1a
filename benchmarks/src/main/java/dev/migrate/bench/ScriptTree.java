package dev.migrate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes a script directory of real {@code .sql} revision files in the documented format (header as
 * Alembic's docstring, {@code -- migrate:upgrade} and {@code -- migrate:downgrade} sections with one
 * statement each). Ids are 12 hex digits as {@code revision} makes them, from a seeded random, so the
 * directory's file-name order is not the graph's order, as in a real project.
 *
 * <p>Shape: a chain from one base; when {@code branchEvery > 0}, every {@code branchEvery}-th revision is a
 * branch point, the next 2 to 5 revisions alternate between its two branches, and one more revision merges
 * the two tips ({@code Revises: a, b}). 10,000 revisions so hold about 500 merges.
 */
public final class ScriptTree {

    /** One generated revision: its id, parents, and its single upgrade statement. */
    public record Rev(String id, List<String> revises, String upgradeSql) {
    }

    /** What was written. */
    public record Written(Path directory, List<Rev> revisions, int merges) {
        public int size() {
            return revisions.size();
        }
    }

    private final Random random;
    private final Set<String> ids = new HashSet<>();
    private final List<Rev> revisions = new ArrayList<>();

    private ScriptTree(long seed) {
        this.random = new Random(seed);
    }

    /** A linear chain of {@code count} revisions: one base, one head. */
    public static Written linear(Path directory, int count) throws IOException {
        return write(directory, count, 0);
    }

    /** {@code count} revisions with a branch point every {@code branchEvery} revisions, merged 2-5 later. */
    public static Written write(Path directory, int count, int branchEvery) throws IOException {
        ScriptTree tree = new ScriptTree(count * 31L + branchEvery);
        int merges = tree.generate(count, branchEvery);
        Files.createDirectories(directory);
        for (int i = 0; i < tree.revisions.size(); i++) {
            Rev rev = tree.revisions.get(i);
            Files.writeString(directory.resolve(rev.id() + "_revision_" + i + ".sql"), render(rev, i),
                    StandardCharsets.UTF_8);
        }
        return new Written(directory, List.copyOf(tree.revisions), merges);
    }

    private int generate(int count, int branchEvery) {
        int merges = 0;
        String tip = null;
        int nextBranchAt = branchEvery;
        while (revisions.size() < count) {
            int remaining = count - revisions.size();
            int branchLength = 2 + random.nextInt(4);
            if (branchEvery > 0 && tip != null && revisions.size() >= nextBranchAt && remaining >= branchLength + 1) {
                nextBranchAt += branchEvery;
                String[] tips = {tip, tip};
                for (int i = 0; i < branchLength; i++) {
                    tips[i % 2] = add(List.of(tips[i % 2]));
                }
                tip = add(List.of(tips[0], tips[1]));
                merges++;
            } else {
                tip = add(tip == null ? List.of() : List.of(tip));
            }
        }
        return merges;
    }

    private String add(List<String> revises) {
        String id;
        do {
            byte[] bytes = new byte[6];
            random.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        } while (!ids.add(id) || id.chars().allMatch(Character::isDigit));
        revisions.add(new Rev(id, revises, "CREATE TABLE t_" + id + " (id INTEGER PRIMARY KEY, v TEXT);"));
        return id;
    }

    private static String render(Rev rev, int index) {
        return "-- revision " + index + "\n"
                + "--\n"
                + "-- Revision ID: " + rev.id() + "\n"
                + "-- Revises: " + String.join(", ", rev.revises()) + "\n"
                + "-- Create Date: 2026-01-01 00:00:00.000000\n"
                + "-- Branch Labels:\n"
                + "-- Depends On:\n"
                + "\n"
                + "-- migrate:upgrade\n"
                + rev.upgradeSql() + "\n"
                + "\n"
                + "-- migrate:downgrade\n"
                + "DROP TABLE t_" + rev.id() + ";\n";
    }
}
