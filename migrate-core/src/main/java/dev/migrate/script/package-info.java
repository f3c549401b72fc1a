/**
 * Reading and writing revision scripts. {@link dev.migrate.script.ScriptSources} turns a configured
 * location into a {@link dev.migrate.script.ScriptSource}; {@link dev.migrate.script.ScriptLoader} reads
 * every header once into a {@link dev.migrate.script.ScriptSet} (the caller builds the revision graph from
 * its revisions); {@link dev.migrate.script.SqlMigrationScript} reads and splits its body with
 * {@link dev.migrate.script.SqlSplitter} only when asked; {@link dev.migrate.script.RepeatableScript} is an
 * {@code R__<name>.sql} file, loaded by name beside the revisions and out of their graph;
 * {@link dev.migrate.script.ScriptDirectory} writes
 * new scripts from the directory's {@code script.sql.tmpl}. Depends on {@code dev.migrate.graph} records
 * and the JDK only.
 */
package dev.migrate.script;
