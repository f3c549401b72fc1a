package dev.migrate.autogenerate;

import dev.migrate.op.AddCheckConstraint;
import dev.migrate.op.AddColumn;
import dev.migrate.op.AddForeignKey;
import dev.migrate.op.AddUniqueConstraint;
import dev.migrate.op.AlterColumn;
import dev.migrate.op.AlterComment;
import dev.migrate.op.CreateIndex;
import dev.migrate.op.CreateTable;
import dev.migrate.op.DropCheckConstraint;
import dev.migrate.op.DropColumn;
import dev.migrate.op.DropForeignKey;
import dev.migrate.op.DropIndex;
import dev.migrate.op.DropTable;
import dev.migrate.op.DropUniqueConstraint;
import dev.migrate.op.ExecuteSql;
import dev.migrate.op.Operation;
import dev.migrate.op.RebuildTable;
import dev.migrate.op.RenameColumn;
import dev.migrate.op.RenameTable;
import dev.migrate.schema.ForeignKey;

import java.util.ArrayList;
import java.util.List;

/** Alembic's one-line reports: {@code Detected added table 'stores'}, {@code Detected added column 'items.description'}. */
final class Descriptions {

    private Descriptions() {
    }

    static List<String> of(Operation operation) {
        List<String> lines = new ArrayList<>();
        if (operation instanceof CreateTable op) {
            lines.add("Detected added table '" + op.table().name() + "'");
        } else if (operation instanceof DropTable op) {
            lines.add("Detected removed table '" + op.table().name() + "'");
        } else if (operation instanceof RenameTable op) {
            lines.add("Detected renamed table '" + op.from() + "' to '" + op.to() + "'");
        } else if (operation instanceof AddColumn op) {
            lines.add("Detected added column '" + op.table() + "." + op.column().name() + "'");
        } else if (operation instanceof DropColumn op) {
            lines.add("Detected removed column '" + op.table() + "." + op.column().name() + "'");
        } else if (operation instanceof RenameColumn op) {
            lines.add("Detected renamed column '" + op.table() + "." + op.from() + "' to '" + op.table() + "." + op.to() + "'");
        } else if (operation instanceof AlterColumn op) {
            String where = "'" + op.table() + "." + op.to().name() + "'";
            if (op.typeChanged()) {
                lines.add("Detected type change from " + op.from().type() + " to " + op.to().type() + " on " + where);
            }
            if (op.nullableChanged()) {
                lines.add("Detected " + (op.to().nullable() ? "NULL" : "NOT NULL") + " on column " + where);
            }
            if (op.defaultChanged()) {
                if (op.from().serverDefault() == null) {
                    lines.add("Detected server default " + op.to().serverDefault() + " on column " + where);
                } else if (op.to().serverDefault() == null) {
                    lines.add("Detected removed server default on column " + where);
                } else {
                    lines.add("Detected server default change from " + op.from().serverDefault() + " to "
                            + op.to().serverDefault() + " on column " + where);
                }
            }
        } else if (operation instanceof CreateIndex op) {
            lines.add("Detected added " + (op.index().unique() ? "unique " : "") + "index '" + op.index().name()
                    + "' on '" + op.table() + "' (" + String.join(", ", op.index().columns()) + ")");
        } else if (operation instanceof DropIndex op) {
            lines.add("Detected removed index '" + op.index().name() + "' on '" + op.table() + "'");
        } else if (operation instanceof AddUniqueConstraint op) {
            lines.add("Detected added unique constraint " + named(op.constraint().name()) + "on '" + op.table() + "' ("
                    + String.join(", ", op.constraint().columns()) + ")");
        } else if (operation instanceof DropUniqueConstraint op) {
            lines.add("Detected removed unique constraint " + named(op.constraint().name()) + "on '" + op.table()
                    + "' (" + String.join(", ", op.constraint().columns()) + ")");
        } else if (operation instanceof AddForeignKey op) {
            lines.add("Detected added foreign key " + foreignKey(op.table(), op.foreignKey()));
        } else if (operation instanceof DropForeignKey op) {
            lines.add("Detected removed foreign key " + foreignKey(op.table(), op.foreignKey()));
        } else if (operation instanceof AddCheckConstraint op) {
            lines.add("Detected added check constraint " + named(op.check().name()) + "on '" + op.table() + "': "
                    + op.check().expression());
        } else if (operation instanceof DropCheckConstraint op) {
            lines.add("Detected removed check constraint " + named(op.check().name()) + "on '" + op.table() + "': "
                    + op.check().expression());
        } else if (operation instanceof AlterComment op) {
            String where = op.onTable() ? "table '" + op.table() + "'"
                    : "column '" + op.table() + "." + op.column() + "'";
            String change = op.from() == null ? "added" : op.to() == null ? "removed" : "changed";
            lines.add("Detected " + change + " comment on " + where);
        } else if (operation instanceof RebuildTable op) {
            lines.add("Detected changes to table '" + op.to().name() + "' that SQLite makes by rebuilding it");
        } else if (operation instanceof ExecuteSql op) {
            lines.add("Detected change on table '" + op.table() + "'");
        }
        return lines;
    }

    static String foreignKey(String table, ForeignKey key) {
        return named(key.name()) + "'" + table + "' (" + String.join(", ", key.columns()) + ") -> '" + key.referredTable()
                + "' (" + String.join(", ", key.referredColumns()) + ")";
    }

    private static String named(String name) {
        return name == null ? "" : "'" + name + "' ";
    }
}
