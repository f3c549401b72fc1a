package dev.migrate.op;

/**
 * One schema change as a value: what autogenerate produces, what dialects render, and what a downgrade
 * is made of - every operation knows its exact reverse, so the downgrade of a generated script is the
 * reversed list of the reversed operations.
 */
public sealed interface Operation permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn,
        RenameColumn, CreateIndex, DropIndex, AddUniqueConstraint, DropUniqueConstraint, AddForeignKey,
        DropForeignKey, AddCheckConstraint, DropCheckConstraint, AlterComment, RebuildTable, ExecuteSql {

    Operation reverse();

    /** The table the operation changes (the new name for a rename). */
    String tableName();
}
