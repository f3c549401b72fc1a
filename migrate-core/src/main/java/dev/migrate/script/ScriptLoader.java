package dev.migrate.script;

import dev.migrate.graph.Revision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads every revision once: the header of each SQL script (not its body) and each Java migration, in
 * one pass that is linear in their number; files named {@code R__<name>.sql} are repeatable scripts
 * ({@link RepeatableScript}, known by their file name alone, one name once). Fails, before anything runs, on the first script that cannot
 * be read, on two revisions with one id, and on a {@code Revises} or {@code Depends On} naming a revision
 * that does not exist. Building the revision graph from {@link ScriptSet#revisions()} is the caller's
 * step; the graph's own checks (cycles, labels) come on top of these.
 */
public final class ScriptLoader {

    private static final Logger log = LoggerFactory.getLogger(ScriptLoader.class);

    public ScriptSet load(List<ScriptSource> sources, List<JavaMigration> javaMigrations) {
        Map<String, MigrationScript> byId = new LinkedHashMap<>();
        Map<String, RepeatableScript> repeatables = new LinkedHashMap<>();
        for (ScriptSource source : sources) {
            for (ScriptResource resource : list(source)) {
                if (!resource.fileName().endsWith(DirectoryScriptSource.EXTENSION)) {
                    continue;
                }
                if (RepeatableScript.isRepeatable(resource.fileName())) {
                    addRepeatable(repeatables, RepeatableScript.of(resource));
                    continue;
                }
                SqlMigrationScript script = SqlMigrationScript.readHeader(resource);
                warnOnFileNameMismatch(script);
                add(byId, script);
            }
        }
        for (JavaMigration migration : javaMigrations) {
            RevisionIds.problem(migration.revision()).ifPresent(reason -> {
                throw new ScriptException(migration.getClass().getName() + ": " + reason);
            });
            add(byId, new JavaMigrationScript(migration));
        }
        checkReferences(byId);
        List<MigrationScript> scripts = List.copyOf(byId.values());
        return new ScriptSet(scripts, byId, scripts.stream().map(MigrationScript::revision).toList(),
                List.copyOf(repeatables.values()));
    }

    private static void addRepeatable(Map<String, RepeatableScript> byName, RepeatableScript script) {
        RepeatableScript earlier = byName.putIfAbsent(script.name(), script);
        if (earlier != null) {
            throw new ScriptException(script.location() + ": repeatable script " + script.name() + " is already defined by "
                    + earlier.location() + "; keep one of them, or rename one");
        }
    }

    static List<ScriptResource> list(ScriptSource source) {
        try {
            return source.list();
        } catch (IOException e) {
            throw new ScriptException(source.description() + ": cannot list scripts (" + e.getMessage() + ")", e);
        }
    }

    private static void add(Map<String, MigrationScript> byId, MigrationScript script) {
        MigrationScript earlier = byId.putIfAbsent(script.id(), script);
        if (earlier != null) {
            throw new ScriptException(where(script, Where.REVISION) + ": revision id " + script.id()
                    + " is already used by " + earlier.location() + "; give one of them a new Revision ID");
        }
    }

    /** Linear: one map look-up per reference. Depends On may name a branch label, as in Alembic. */
    private static void checkReferences(Map<String, MigrationScript> byId) {
        Set<String> labels = new HashSet<>();
        byId.values().forEach(script -> labels.addAll(script.revision().branchLabels()));
        for (MigrationScript script : byId.values()) {
            Revision revision = script.revision();
            for (String parent : revision.downRevisions()) {
                if (!byId.containsKey(parent)) {
                    throw new ScriptException(where(script, Where.REVISES) + ": Revises names " + parent
                            + ", which no script has as its Revision ID; correct the Revises line or restore the missing script");
                }
            }
            for (String dependency : revision.dependsOn()) {
                if (!byId.containsKey(dependency) && !labels.contains(dependency)) {
                    throw new ScriptException(where(script, Where.DEPENDS_ON) + ": Depends On names " + dependency
                            + ", which is neither a revision id nor a branch label; correct the Depends On line");
                }
            }
        }
    }

    private enum Where { REVISION, REVISES, DEPENDS_ON }

    /** {@code file:line} for SQL scripts, the class name for Java migrations. */
    private static String where(MigrationScript script, Where where) {
        if (script instanceof SqlMigrationScript sql) {
            ScriptHeader header = sql.header();
            int line = switch (where) {
                case REVISION -> header.revisionLine();
                case REVISES -> header.revisesLine();
                case DEPENDS_ON -> header.dependsOnLine();
            };
            return sql.location() + ":" + line;
        }
        return script.location();
    }

    /** Whether the file's name is its revision's: {@code <id>_<slug>.sql} or {@code <id>.sql}. */
    static boolean namedAfter(String fileName, String id) {
        int end = id.length();
        return fileName.startsWith(id) && (fileName.length() > end && fileName.charAt(end) == '_'
                || fileName.length() == end + DirectoryScriptSource.EXTENSION.length()
                && fileName.endsWith(DirectoryScriptSource.EXTENSION));
    }

    /** Alembic ignores file names; so do we, but a copied file whose id was not changed is worth a word. */
    private static void warnOnFileNameMismatch(SqlMigrationScript script) {
        String id = script.id();
        if (!namedAfter(script.resource().fileName(), id)) {
            log.warn("{} declares Revision ID {}, which its file name does not start with; the header's id is used",
                    script.location(), id);
        }
    }
}
