package dev.migrate.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DbCommandLineParserTest {

    private final DbCommandLineParser parser = new DbCommandLineParser();

    private DbInvocation parse(String line) {
        return parser.parse(ShellWords.split(line));
    }

    private void usageError(String line, String message) {
        assertThatThrownBy(() -> parse(line)).isInstanceOf(DbUsageException.class).hasMessage(message);
    }

    // ------------------------------------------------------------------ verbs

    @Test
    void noWordsIsAUsageErrorListingTheCommands() {
        assertThatThrownBy(() -> parser.parse(List.of())).isInstanceOf(DbUsageException.class)
                .hasMessage("Missing command: db <command>; commands: init, revision, migrate, merge, upgrade, downgrade, "
                        + "show, history, heads, branches, current, stamp, graph, check, repair, status");
    }

    @Test
    void anUnknownVerbIsAUsageError() {
        usageError("frob", "Unknown command 'db frob'; commands: init, revision, migrate, merge, upgrade, downgrade, "
                + "show, history, heads, branches, current, stamp, graph, check, repair, status");
    }

    @ParameterizedTest
    @EnumSource(DbVerb.class)
    void everyVerbParsesWithItsRequiredArguments(DbVerb verb) {
        List<String> words = new ArrayList<>(List.of(verb.verb()));
        for (int i = 0; i < verb.minArguments(); i++) {
            words.add("head");
        }
        DbInvocation invocation = parser.parse(words);
        assertThat(invocation.verb()).isEqualTo(verb);
        assertThat(invocation.help()).isFalse();
        assertThat(invocation.options()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DbVerb.class)
    void everyVerbAcceptsEachOfItsOptionsByLongAndShortName(DbVerb verb) {
        for (DbVerb.OptionSpec option : verb.options()) {
            List<String> names = new ArrayList<>(List.of("--" + option.longName()));
            if (option.shortName() != '\0') {
                names.add("-" + option.shortName());
            }
            for (String name : names) {
                List<String> words = new ArrayList<>(List.of(verb.verb(), name));
                if (option.takesValue()) {
                    words.add("some value");
                }
                for (int i = 0; i < verb.minArguments(); i++) {
                    words.add("head");
                }
                DbInvocation invocation = parser.parse(words);
                if (option.takesValue()) {
                    assertThat(invocation.value(option.longName())).as(verb + " " + name).isEqualTo("some value");
                } else {
                    assertThat(invocation.flag(option.longName())).as(verb + " " + name).isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DbVerb.class)
    void everyVerbHasHelpAndDebug(DbVerb verb) {
        assertThat(parser.parse(List.of(verb.verb(), "--help")).help()).isTrue();
        assertThat(parser.parse(List.of(verb.verb(), "-h")).help()).isTrue();
        List<String> words = new ArrayList<>(List.of(verb.verb(), "--debug"));
        for (int i = 0; i < verb.minArguments(); i++) {
            words.add("head");
        }
        assertThat(parser.parse(words).debug()).isTrue();
    }

    // ------------------------------------------------------------------ values and arguments

    @Test
    void aQuotedMessageStaysOneWord() {
        DbInvocation invocation = parse("revision -m \"add users table\" --rev-id abc123");
        assertThat(invocation.value("message")).isEqualTo("add users table");
        assertThat(invocation.value("rev-id")).isEqualTo("abc123");
        assertThat(invocation.arguments()).isEmpty();
    }

    @Test
    void processArgumentsArriveSplitAlready() {
        DbInvocation invocation = parser.parse(List.of("revision", "-m", "two words"));
        assertThat(invocation.value("message")).isEqualTo("two words");
    }

    @Test
    void anInlineValueAfterEquals() {
        assertThat(parse("revision --message=\"two words\"").value("message")).isEqualTo("two words");
        assertThat(parse("history --rev-range=base:head").value("rev-range")).isEqualTo("base:head");
        assertThat(parse("revision --message=").value("message")).isEmpty();
    }

    @Test
    void aValueMayStartWithADash() {
        assertThat(parse("revision -m -x").value("message")).isEqualTo("-x");
    }

    @Test
    void aRepeatedOptionKeepsEveryValueAndTheLastWins() {
        DbInvocation invocation = parse("revision -m x --depends-on a1 --depends-on b2 -m y");
        assertThat(invocation.values("depends-on")).containsExactly("a1", "b2");
        assertThat(invocation.value("message")).isEqualTo("y");
    }

    @Test
    void aNegativeNumberIsARelativeRevision() {
        DbInvocation invocation = parse("downgrade -2");
        assertThat(invocation.arguments()).containsExactly("-2");
        assertThat(invocation.argumentOrDefault()).isEqualTo("-2");
        assertThat(parse("upgrade -1 --sql").arguments()).containsExactly("-1");
    }

    @Test
    void defaultArguments() {
        assertThat(parse("upgrade").argumentOrDefault()).isEqualTo("head");
        assertThat(parse("downgrade").argumentOrDefault()).isEqualTo("-1");
        assertThat(parse("show").argumentOrDefault()).isEqualTo("head");
        assertThat(parse("history").argumentOrDefault()).isNull();
        assertThat(parse("upgrade ae10+2").argumentOrDefault()).isEqualTo("ae10+2");
    }

    @Test
    void mergeTakesAnyNumberOfRevisions() {
        assertThat(parse("merge a1 b2 c3 -m \"merge them\"").arguments()).containsExactly("a1", "b2", "c3");
        assertThat(parse("merge").arguments()).isEmpty();
    }

    // ------------------------------------------------------------------ flags

    @Test
    void flagsWorkAfterTwoWordCommandsAndAnywhere() {
        assertThat(parse("upgrade --sql").flag("sql")).isTrue();
        DbInvocation invocation = parse("upgrade --sql base:head");
        assertThat(invocation.flag("sql")).isTrue();
        assertThat(invocation.arguments()).containsExactly("base:head");
        DbInvocation before = parse("history -v -i");
        assertThat(before.flag("verbose")).isTrue();
        assertThat(before.flag("indicate-current")).isTrue();
        assertThat(parse("downgrade base -y").flag("yes")).isTrue();
    }

    @Test
    void flagsTakeTrueOrFalseAfterEquals() {
        assertThat(parse("upgrade --sql=true").flag("sql")).isTrue();
        assertThat(parse("upgrade --sql=false").flag("sql")).isFalse();
        assertThat(parse("upgrade --sql=TRUE").flag("sql")).isTrue();
        assertThat(parse("upgrade --sql --sql=false").flag("sql")).isFalse();
        assertThat(parse("upgrade").flag("sql")).isFalse();
    }

    @Test
    void aFlagWithAnotherValueIsAUsageError() {
        usageError("upgrade --sql=yes", "db upgrade: --sql is a flag; give it alone or as --sql=true|false");
    }

    @Test
    void doubleDashEndsTheOptions() {
        DbInvocation invocation = parse("upgrade -- --sql");
        assertThat(invocation.flag("sql")).isFalse();
        assertThat(invocation.arguments()).containsExactly("--sql");
        assertThat(parse("stamp -- -1").arguments()).containsExactly("-1");
    }

    @Test
    void aLoneDashIsAnArgument() {
        assertThat(parse("show -").arguments()).containsExactly("-");
    }

    @Test
    void helpSkipsTheArgumentCount() {
        assertThat(parse("stamp --help").help()).isTrue();
        assertThat(parse("upgrade a b --help").help()).isTrue();
    }

    // ------------------------------------------------------------------ usage errors

    @Test
    void anUnknownLongOption() {
        usageError("upgrade --frob", "db upgrade: unknown option '--frob'; see db upgrade --help");
        usageError("upgrade --frob=1", "db upgrade: unknown option '--frob=1'; see db upgrade --help");
    }

    @Test
    void anUnknownShortOption() {
        usageError("current -x", "db current: unknown option '-x'; see db current --help");
        usageError("history -vi", "db history: unknown option '-vi'; see db history --help");
    }

    @Test
    void anOptionOfAnotherVerb() {
        usageError("current --sql", "db current: unknown option '--sql'; see db current --help");
        usageError("upgrade -y", "db upgrade: unknown option '-y'; see db upgrade --help");
    }

    @Test
    void aMissingValue() {
        usageError("revision -m", "db revision: option --message needs a value");
        usageError("history --rev-range", "db history: option --rev-range needs a value");
    }

    @Test
    void anExtraArgument() {
        usageError("upgrade a b", "db upgrade: unexpected argument 'b'; quote a value that has spaces, e.g. -m \"add users table\"");
        usageError("revision -m two words", "db revision: unexpected argument 'words'; quote a value that has spaces, e.g. -m \"add users table\"");
        usageError("current head", "db current: unexpected argument 'head'; quote a value that has spaces, e.g. -m \"add users table\"");
    }

    @Test
    void stampWithoutARevisionMeansHead() {
        // Flask-Migrate: stamp(directory=None, revision='head', ...)
        assertThat(parse("stamp").argumentOrDefault()).isEqualTo("head");
    }
}
