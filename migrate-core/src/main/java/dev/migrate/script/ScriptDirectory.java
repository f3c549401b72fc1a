package dev.migrate.script;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes to a script directory on disk: {@code db init} creates it with its template, {@code db revision},
 * {@code migrate} and {@code merge} add scripts rendered from that template. A new script is read back
 * before it is written, so a broken template or a reused id never leaves a file that breaks every later
 * command.
 */
public final class ScriptDirectory {

    public static final String TEMPLATE_FILE = "script.sql.tmpl";

    /** Alembic's {@code Create Date}: Python's {@code str(datetime)} with microseconds. */
    public static final DateTimeFormatter CREATE_DATE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]+");

    /**
     * Creates {@code directory} and writes the editable template into it. Refuses a directory that exists
     * and is not empty, as {@code flask db init} does, so that nothing a user has is overwritten.
     *
     * @return the template file written
     */
    public Path init(Path directory) {
        try {
            if (Files.exists(directory)) {
                if (!Files.isDirectory(directory)) {
                    throw new ScriptException(directory + ": exists and is not a directory; choose another script directory");
                }
                try (Stream<Path> entries = Files.list(directory)) {
                    if (entries.findAny().isPresent()) {
                        throw new ScriptException(directory + ": directory already exists and is not empty;"
                                + " choose another script directory, or remove this one first");
                    }
                }
            }
            Files.createDirectories(directory);
            Path template = directory.resolve(TEMPLATE_FILE);
            Files.writeString(template, ScriptTemplate.DEFAULT_TEXT, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return template;
        } catch (IOException e) {
            throw new ScriptException(directory + ": cannot create the script directory (" + e + ")", e);
        }
    }

    /** The directory's own template, or the built-in one when it has none. */
    public ScriptTemplate template(Path directory) {
        Path file = directory.resolve(TEMPLATE_FILE);
        if (!Files.isRegularFile(file)) {
            return ScriptTemplate.builtIn();
        }
        StringBuilder text = new StringBuilder();
        try (InputStream in = Files.newInputStream(file); Utf8LineReader reader = new Utf8LineReader(in, file.toString())) {
            String line;
            while ((line = reader.readLine()) != null) {
                text.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new ScriptException(file + ": cannot read the template (" + e + ")", e);
        }
        return new ScriptTemplate(text.toString(), file.toString());
    }

    /**
     * Renders {@code spec} into {@code <rev>_<slug>.sql} in {@code directory}.
     *
     * @param existingIds the ids of every revision there is, so that a reused id is refused before any
     *                    file is written and parents that do not exist are caught
     * @return the file written
     */
    /**
     * Puts the spec's directives on the lines just above {@code -- migrate:upgrade}, where a script's
     * directives belong, whatever the (user-editable) template looks like.
     */
    private static String withDirectives(String text, NewRevision spec) {
        if (!spec.foreignKeysOff()) {
            return text;
        }
        String marker = Directive.UPGRADE.text();
        int at = text.indexOf("\n" + marker);
        int insertAt = text.startsWith(marker) ? 0 : at + 1;
        if (at < 0 && insertAt != 0) {
            return text;
        }
        return text.substring(0, insertAt) + Directive.FOREIGN_KEYS_OFF.text() + "\n" + text.substring(insertAt);
    }

    public Path writeRevision(Path directory, NewRevision spec, Set<String> existingIds) {
        check(spec, existingIds);
        if (!Files.isDirectory(directory)) {
            throw new ScriptException(directory + ": no such script directory; run \"db init\" to create it");
        }
        ScriptTemplate template = template(directory);
        String text = withDirectives(template.render(values(spec)), spec);
        Path file = directory.resolve(fileName(spec));
        readBack(text, spec, template.location());
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new ScriptException(file + ": already exists; nothing was written. Choose another revision id or message");
        } catch (IOException e) {
            throw new ScriptException(file + ": cannot write the script (" + e + ")", e);
        }
        return file;
    }

    /** {@code <rev>_<slug>.sql}, or {@code <rev>_.sql} when the message gives no slug, as Alembic names files. */
    public static String fileName(NewRevision spec) {
        return spec.revision() + "_" + Slug.of(spec.message()) + DirectoryScriptSource.EXTENSION;
    }

    private static void check(NewRevision spec, Set<String> existingIds) {
        RevisionIds.requireValid(spec.revision());
        if (existingIds.contains(spec.revision())) {
            throw new ScriptException("revision id " + spec.revision() + " already exists; choose another --rev-id"
                    + " (nothing was written)");
        }
        for (String parent : spec.downRevisions()) {
            if (!existingIds.contains(parent)) {
                throw new ScriptException("cannot revise " + parent + ": no such revision (nothing was written)");
            }
        }
        if (spec.downRevisions().contains(spec.revision())) {
            throw new ScriptException("revision " + spec.revision() + " cannot revise itself");
        }
        for (String label : spec.branchLabels()) {
            if (!LABEL.matcher(label).matches()) {
                throw new ScriptException("branch label \"" + label + "\" may hold only letters, digits and underscores");
            }
        }
    }

    private static Map<String, String> values(NewRevision spec) {
        Map<String, String> values = new HashMap<>();
        values.put(ScriptTemplate.MESSAGE, headerMessage(spec.message()));
        values.put(ScriptTemplate.REVISION, spec.revision());
        values.put(ScriptTemplate.DOWN_REVISION, String.join(", ", spec.downRevisions()));
        values.put(ScriptTemplate.CREATE_DATE, CREATE_DATE_FORMAT.format(spec.createDate()));
        values.put(ScriptTemplate.BRANCH_LABELS, String.join(", ", spec.branchLabels()));
        values.put(ScriptTemplate.DEPENDS_ON, String.join(", ", spec.dependsOn()));
        values.put(ScriptTemplate.UPGRADES, spec.upgrades());
        values.put(ScriptTemplate.DOWNGRADES, spec.downgrades());
        return values;
    }

    /** The header holds the message on one line; the loader reads only that line. */
    private static String headerMessage(String message) {
        if (message == null || message.isBlank()) {
            return "empty message";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Parses what is about to be written, so that what the loader will read is what was asked for. */
    private static void readBack(String text, NewRevision spec, String templateLocation) {
        ScriptHeader header;
        try (Utf8LineReader reader = new Utf8LineReader(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), templateLocation + " (rendered)")) {
            header = HeaderParser.parse(reader::readLine, templateLocation + " (rendered)");
        } catch (IOException e) {
            throw new IllegalStateException("text in memory cannot fail to read", e);
        }
        boolean same = header.revisionId().equals(spec.revision())
                && header.revises().equals(spec.downRevisions())
                && header.branchLabels().equals(spec.branchLabels())
                && header.dependsOn().equals(spec.dependsOn());
        if (!same) {
            throw new ScriptException(templateLocation + ": the rendered header reads back as revision "
                    + header.revisionId() + " revising " + header.revises() + ", not " + spec.revision() + " revising "
                    + spec.downRevisions() + "; fix the header lines of the template (nothing was written)");
        }
    }
}
