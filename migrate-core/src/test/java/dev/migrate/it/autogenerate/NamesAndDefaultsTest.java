package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.Kind;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.ForeignKey;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Index;
import dev.migrate.schema.annotation.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Names that are SQL keywords (a User model is table "user"), and defaults of every kind, with no false positives. */
class NamesAndDefaultsTest {

    @TempDir
    Path tmp;

    @Table
    @Index(columns = {"group", "order"})
    record User(@Id Long id, @Column(length = 40, nullable = false) String group, @Column(serverDefault = "0") int order,
                @Column(length = 20, serverDefault = "'it''s'") String select) {
    }

    @Table
    record Grant(@Id Integer id, @ForeignKey(table = "user", column = "id") Long user,
                 @Column(type = GenericType.TEXT) String check) {
    }

    @Table
    record Defaults(@Id Integer id,
                    @Column(precision = 8, scale = 2, serverDefault = "'1.50'") BigDecimal quotedNumber,
                    @Column(serverDefault = "'2020-01-01'") LocalDate fixedDate,
                    @Column(serverDefault = "'2020-01-01 10:00:00'") LocalDateTime fixedTime,
                    @Column(serverDefault = "CURRENT_DATE") LocalDate today,
                    @Column(nullable = false, serverDefault = "(1 + 2)") int computed,
                    @Column(length = 10, serverDefault = "''") String empty,
                    @Column(serverDefault = "-2.5") Double negative,
                    @Column(serverDefault = "FALSE") Boolean off) {
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void keywordNamesAndDefaults(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(User.class, Grant.class, Defaults.class);
        AutogenerateResult result = engine.migrate(RevisionRequest.withMessage("keywords"), RenameDecider.NEVER);
        assertThat(result.detected()).containsExactlyInAnyOrder("Detected added table 'user'",
                "Detected added table 'grant'", "Detected added table 'defaults'");
        journey.upgradeAndRoundTrip(engine, result);
        db.execute("INSERT INTO \"user\" (\"group\") VALUES ('admins')");
        db.execute("INSERT INTO defaults (id) VALUES (1)");
        assertThat(db.queryStrings("SELECT \"select\" FROM \"user\"")).containsExactly("it's");
        assertThat(db.queryStrings("SELECT computed FROM defaults")).containsExactly("3");
    }
}
