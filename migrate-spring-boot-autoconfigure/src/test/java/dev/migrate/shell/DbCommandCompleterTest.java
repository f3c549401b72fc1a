package dev.migrate.shell;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.shell.jline.ExtendedDefaultParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completion as JLine drives it: the line parsed by Shell's own JLine parser at the cursor, then the
 * completer asked for candidates. Shell's {@link CommandCompleter} is run on the same lines to pin down
 * the behaviour {@link DbCommandCompleter} works around.
 */
class DbCommandCompleterTest {

    static final String FIRST = "9a0e4c7b1f22";
    static final String SECOND = "9a7f00000002";
    static final String THIRD = "c41d9e0a7b58";

    @TempDir
    Path dir;

    private CommandRegistry registry;
    private DbCompletion completion;
    private Migrate engine;
    private final Parser parser = new ExtendedDefaultParser();

    @BeforeEach
    void setUp() throws IOException {
        Path scripts = Files.createDirectories(dir.resolve("migrations"));
        script(scripts, FIRST, "");
        script(scripts, SECOND, FIRST);
        script(scripts, THIRD, SECOND);
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("app.db"));
        Migrate migrate = new Migrate(MigrateConfig.builder().dataSource(dataSource).scriptDirectory(scripts).build());
        engine = migrate;
        completion = new DbCompletion(migrate);
        DbCommandExecutor executor = new DbCommandExecutor(migrate);
        Set<Command> commands = new LinkedHashSet<>();
        for (DbVerb verb : DbVerb.values()) {
            commands.add(new DbShellCommand(verb, executor, completion));
        }
        registry = new CommandRegistry(commands);
    }

    private static void script(Path scripts, String id, String revises) throws IOException {
        Files.writeString(scripts.resolve(id + "_step.sql"), """
                -- step
                --
                -- Revision ID: %s
                -- Revises: %s
                -- Create Date: 2026-11-21 10:00:00.000000
                -- Branch Labels:
                -- Depends On:

                -- migrate:upgrade
                -- migrate:downgrade
                """.formatted(id, revises));
    }

    private List<String> complete(CommandCompleter completer, String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parser.parse(line, line.length(), Parser.ParseContext.COMPLETE), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    private List<String> complete(String line) {
        return complete(new DbCommandCompleter(registry, completion), line);
    }

    @Test
    void shellsOwnCompleterOnlyAsksTheCommandForAnEmptyWord() {
        CommandCompleter shells = new CommandCompleter(registry);
        assertThat(complete(shells, "db upgrade ")).contains(FIRST, SECOND, THIRD, "head");
        assertThat(complete(shells, "db upgrade 9a")).as("looked up as command 'db upgrade 9a'").isEmpty();
    }

    @Test
    void withAFleetTargetCompletesToItsTargetsNames() {
        Migrate migrate = engine;
        DbCompletion fleet = new DbCompletion(migrate, Map.of(), List.of("tenant_a", "tenant_b", "shard_1"));
        Set<Command> commands = new LinkedHashSet<>();
        for (DbVerb verb : DbVerb.values()) {
            commands.add(new DbShellCommand(verb, new DbCommandExecutor(migrate), fleet));
        }
        DbCommandCompleter completer = new DbCommandCompleter(new CommandRegistry(commands), fleet);

        assertThat(complete(completer, "db current --t")).contains("--target");
        assertThat(complete(completer, "db upgrade --target ")).containsExactlyInAnyOrder("tenant_a", "tenant_b", "shard_1");
        assertThat(complete(completer, "db upgrade --target=te")).containsExactlyInAnyOrder("--target=tenant_a",
                "--target=tenant_b");
        assertThat(complete("db current --t")).as("no fleet, no --target").doesNotContain("--target");
    }

    @Test
    void aRevisionPrefixCompletes() {
        assertThat(complete("db upgrade c4")).containsExactly(THIRD);
        assertThat(complete("db upgrade 9a")).containsExactlyInAnyOrder(FIRST, SECOND);
        assertThat(complete("db downgrade 9a0")).containsExactly(FIRST);
        assertThat(complete("db show h")).containsExactly("head", "heads");
        assertThat(complete("db stamp b")).containsExactly("base");
    }

    @Test
    void branchLabelsCompleteAloneAndAsLabelAtHead() throws IOException {
        Path scripts = dir.resolve("migrations");
        Files.writeString(scripts.resolve("eeee00000001_feature.sql"), """
                -- feature branch
                --
                -- Revision ID: eeee00000001
                -- Revises: %s
                -- Create Date: 2026-11-21 10:00:00.000000
                -- Branch Labels: shoppingcart
                -- Depends On:

                -- migrate:upgrade
                -- migrate:downgrade
                """.formatted(FIRST));
        assertThat(complete("db upgrade sh")).containsExactly("shoppingcart", "shoppingcart@head");
    }

    @Test
    void anEmptyWordOffersEveryRevisionAndSymbol() {
        assertThat(complete("db upgrade ")).containsExactlyInAnyOrder(THIRD, SECOND, FIRST, "head", "heads", "base");
    }

    @Test
    void afterFlagsAndForRevisionOptions() {
        assertThat(complete("db upgrade --sql c4")).containsExactly(THIRD);
        assertThat(complete("db revision -m x --head c4")).containsExactly(THIRD);
        assertThat(complete("db history -r 9a7")).containsExactly(SECOND);
        assertThat(complete("db revision -m 9a")).as("a message is not a revision").isEmpty();
    }

    @Test
    void optionsComplete() {
        assertThat(complete("db downgrade --")).contains("--sql", "--yes", "--help");
        assertThat(complete("db history --v")).containsExactly("--verbose");
    }

    @Test
    void commandNamesStillCompleteThroughShell() {
        // Shell proposes the rest of a command's name: the word being completed
        assertThat(complete("db up")).containsExactly("upgrade");
        assertThat(complete("db ")).contains("upgrade", "downgrade", "history");
    }

    @Test
    void nonDbLinesGoToShell() {
        assertThat(DbCommandCompleter.dbVerb(List.of("help", "x"), 1)).isEmpty();
        assertThat(DbCommandCompleter.dbVerb(List.of("db", "frob", ""), 2)).isEmpty();
        assertThat(DbCommandCompleter.dbVerb(List.of("db", "upgrade", ""), 2)).contains(DbVerb.UPGRADE);
    }
}
