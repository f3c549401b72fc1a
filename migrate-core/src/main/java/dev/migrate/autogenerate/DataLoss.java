package dev.migrate.autogenerate;

import dev.migrate.autogenerate.DataLossWarning.Kind;
import dev.migrate.op.AddColumn;
import dev.migrate.op.AlterColumn;
import dev.migrate.op.DropColumn;
import dev.migrate.op.DropTable;
import dev.migrate.op.Operation;
import dev.migrate.op.RebuildTable;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** Which operations can lose data or fail on existing rows. */
final class DataLoss {

    private DataLoss() {
    }

    /** "rule" or "trigger", as the reflected statement says (rules and triggers are both {@code Schema.Trigger}). */
    static String kindOf(Schema.Trigger trigger) {
        String statement = trigger.definition().strip().toUpperCase(Locale.ROOT);
        boolean rule = statement.startsWith("CREATE RULE") || statement.startsWith("CREATE OR REPLACE RULE");
        return rule ? "rule" : "trigger";
    }

    static List<DataLossWarning> of(Operation operation, Predicate<String> hasRows) {
        List<DataLossWarning> warnings = new ArrayList<>();
        if (operation instanceof DropTable op) {
            warnings.add(new DataLossWarning(Kind.DROP_TABLE, op.table().name(), null,
                    "dropping the table loses all its rows"));
            for (Schema.View view : op.dependents().views()) {
                String kind = view.definition().strip().toUpperCase(Locale.ROOT)
                        .startsWith("CREATE MATERIALIZED VIEW") ? "materialized view " : "view ";
                warnings.add(new DataLossWarning(Kind.DROP_DEPENDENT, op.table().name(), null,
                        "dropping the table drops its " + kind + view.name() + " (it reads the table; the downgrade "
                                + "creates it again)"));
            }
            for (Schema.Trigger trigger : op.dependents().triggers()) {
                warnings.add(new DataLossWarning(Kind.DROP_DEPENDENT, op.table().name(), null,
                        "dropping the table drops its " + kindOf(trigger) + " " + trigger.name() + " (on "
                                + trigger.table() + "; the downgrade creates it again)"));
            }
            for (Schema.Sequence sequence : op.dependents().sequences()) {
                warnings.add(new DataLossWarning(Kind.DROP_DEPENDENT, op.table().name(), null,
                        "dropping the table drops its sequence " + sequence.name() + " (owned by "
                                + sequence.column() + "; the downgrade creates it again, from its start value)"));
            }
            for (Schema.Trigger referrer : op.dependents().referrers()) {
                warnings.add(new DataLossWarning(Kind.REFERRED_TO, op.table().name(), null, kindOf(referrer) + " "
                        + referrer.name() + " on " + referrer.table() + " names the table and is left as it is: it "
                        + "fails while the table is gone (PostgreSQL refuses to drop a table a rule uses); change it by "
                        + "hand in this revision"));
            }
            for (String lost : op.dependents().notKept()) {
                warnings.add(new DataLossWarning(Kind.NOT_KEPT, op.table().name(), null,
                        "dropping the table drops its " + lost + ", which the downgrade does not create again "
                                + "(autogenerate does not manage it: write it in the downgrade by hand)"));
            }
        } else if (operation instanceof DropColumn op) {
            warnings.add(dropColumn(op.table(), op.column().name()));
        } else if (operation instanceof AddColumn op) {
            newColumn(op.table(), op.column(), hasRows, warnings);
        } else if (operation instanceof AlterColumn op) {
            changedColumn(op.table(), op.from(), op.to(), hasRows, warnings);
        } else if (operation instanceof RebuildTable op) {
            String table = op.to().name();
            Set<String> kept = new HashSet<>(op.columnSources().values());
            op.from().columns().stream().filter(column -> !kept.contains(column.name()))
                    .forEach(column -> warnings.add(dropColumn(op.from().name(), column.name())));
            for (Column column : op.to().columns()) {
                String source = op.columnSources().get(column.name());
                Column old = source == null ? null : op.from().column(source).orElse(null);
                if (old == null) {
                    newColumn(table, column, hasRows, warnings);
                } else {
                    changedColumn(table, old, column, hasRows, warnings);
                }
            }
        }
        return warnings;
    }

    private static DataLossWarning dropColumn(String table, String column) {
        return new DataLossWarning(Kind.DROP_COLUMN, table, column, "dropping the column loses its values");
    }

    private static void newColumn(String table, Column column, Predicate<String> hasRows,
                                  List<DataLossWarning> warnings) {
        if (!column.nullable() && column.serverDefault() == null && !column.autoincrement() && hasRows.test(table)) {
            warnings.add(new DataLossWarning(Kind.NOT_NULL_WITHOUT_DEFAULT, table, column.name(),
                    "a NOT NULL column without a server default cannot be added to a table with rows; "
                            + "give it a default or fill it in steps"));
        }
    }

    private static void changedColumn(String table, Column from, Column to, Predicate<String> hasRows,
                                      List<DataLossWarning> warnings) {
        String narrowing = narrowing(from.type(), to.type());
        if (narrowing != null) {
            warnings.add(new DataLossWarning(Kind.NARROWING_TYPE, table, to.name(), narrowing));
        }
        if (from.nullable() && !to.nullable() && hasRows.test(table)) {
            // A server default fills new rows only: SET NOT NULL (or a rebuild's copy) still fails on existing NULLs.
            warnings.add(new DataLossWarning(Kind.NOT_NULL_WITHOUT_DEFAULT, table, to.name(),
                    "NOT NULL fails if any row holds NULL" + (to.serverDefault() == null ? ""
                            : " (the server default does not fill existing rows)") + "; fill them in first"));
        }
    }

    /** Why {@code to} may not hold every value of {@code from}, or null when it does. */
    static String narrowing(ColumnType from, ColumnType to) {
        if (from.meaning().equals(to.meaning())) {
            return null;
        }
        String change = "type change from " + from + " to " + to;
        GenericType a = from.generic();
        GenericType b = to.generic();
        boolean aText = a == GenericType.VARCHAR || a == GenericType.CHAR || a == GenericType.TEXT;
        boolean bText = b == GenericType.VARCHAR || b == GenericType.CHAR || b == GenericType.TEXT;
        if (aText && bText) {
            if (to.length() == null || b == GenericType.TEXT) {
                return null;
            }
            if (a == GenericType.TEXT || from.length() == null || to.length() < from.length()) {
                return change + " can truncate longer values";
            }
            return null;
        }
        int rankA = integerRank(a);
        int rankB = integerRank(b);
        if (rankA > 0 && rankB > 0) {
            return rankB < rankA ? change + " cannot hold the larger values" : null;
        }
        if (a == GenericType.DECIMAL && b == GenericType.DECIMAL) {
            boolean lessPrecision = to.precision() != null && (from.precision() == null || to.precision() < from.precision());
            boolean lessScale = to.scale() != null && from.scale() != null && to.scale() < from.scale();
            return lessPrecision || lessScale ? change + " can round or overflow values" : null;
        }
        if (a == GenericType.DOUBLE && b == GenericType.REAL) {
            return change + " loses precision";
        }
        if (rankA > 0 && (b == GenericType.DECIMAL || b == GenericType.DOUBLE || b == GenericType.REAL || bText)) {
            return null;
        }
        if ((a == GenericType.REAL && b == GenericType.DOUBLE) || (a == GenericType.TIMESTAMP
                && b == GenericType.TIMESTAMP_WITH_TIME_ZONE)) {
            return null;
        }
        return change + " may not convert every value";
    }

    private static int integerRank(GenericType type) {
        return switch (type) {
            case SMALLINT -> 1;
            case INTEGER -> 2;
            case BIGINT -> 3;
            default -> 0;
        };
    }
}
