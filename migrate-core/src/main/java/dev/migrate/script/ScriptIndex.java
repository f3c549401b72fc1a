package dev.migrate.script;

import dev.migrate.graph.Revision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The headers of a script location's SQL files, written next to them when the application is built
 * ({@value #FILE_NAME}), so that an application started from its jar knows its revision graph without opening every
 * script. Scripts in a jar cannot change, and the jar's own directory records each entry's CRC-32 and size: the index
 * is used only when it names exactly the location's scripts with exactly those CRCs and sizes, which costs a look at
 * the jar's directory and no decompression. Otherwise every header is read, as without an index. Scripts on a file
 * system never use it: they are edited in place.
 * <p>
 * Repeatable scripts ({@code R__<name>.sql}) are indexed with their checksum and no header lines.
 * <p>
 * The format is text: per script a line {@code <file name> TAB <crc32 hex> TAB <size> TAB <checksum> TAB <n>} followed by the
 * script's first {@code n} lines, its header up to and including {@code -- migrate:upgrade}, parsed at startup by the
 * same parser as the file itself (same messages, same line numbers). Version 2 adds to each revision's line what its
 * header says of the graph ({@code TAB <id> TAB <revises> TAB <depends on> TAB <branch labels>}, lists
 * comma-separated), so that a start at head can know the heads without parsing a header; an index of version 1 is
 * still read, without them.
 */
public final class ScriptIndex {

    /** The index's file name in its script location. */
    public static final String FILE_NAME = "migrate.index";

    private static final String FIRST_LINE = "# migrate script index v2";
    private static final String FIRST_LINE_V1 = "# migrate script index v1";
    private static final int FIELDS_V1 = 5;
    private static final int FIELDS = 9;

    /**
     * One script as indexed: its name, CRC-32 and size as a jar records them, its {@link Checksum} (what the drift
     * check compares with the one recorded when it ran, so that a start reads no script body either), its header, and
     * the revision the header declares (null for a repeatable script and in an index of version 1).
     */
    public record Entry(String fileName, long crc, long size, String checksum, String header, Revision revision) {

        Entry(String fileName, long crc, long size, String checksum, List<String> headerLines, Revision revision) {
            this(fileName, crc, size, checksum, String.join("\n", headerLines), revision);
        }

        /** The header's lines, up to and including {@code -- migrate:upgrade}; none for a repeatable script. */
        public List<String> headerLines() {
            return header.isEmpty() ? List.of() : header.lines().toList();
        }
    }

    /**
     * The index's text line by line (ended by a line feed, a carriage return before it dropped), and blocks of lines
     * as one text.
     */
    private static final class Lines {

        private final String text;
        private int position;

        Lines(String text) {
            this.text = text;
        }

        /** The next line, or null at the end. */
        String next() {
            return block(1);
        }

        /** The next {@code count} lines as one text (line ends inside kept), or null when fewer are left. */
        String block(int count) {
            int start = position;
            int end = start;
            for (int i = 0; i < count; i++) {
                if (position >= text.length()) {
                    return null;
                }
                int newline = text.indexOf('\n', position);
                end = newline < 0 ? text.length() : newline;
                position = newline < 0 ? text.length() : newline + 1;
            }
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            return text.substring(start, end);
        }
    }

    /** A script as its container records it: name, CRC-32 and size of its bytes. */
    public record Stored(String fileName, long crc, long size) {
    }

    private final Map<String, Entry> entries;

    private ScriptIndex(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public Map<String, Entry> entries() {
        return Map.copyOf(entries);
    }

    /**
     * Why this index does not describe {@code stored} (the location's scripts as the jar records them), or empty
     * when it describes them exactly.
     */
    public Optional<String> mismatch(List<Stored> stored) {
        for (Stored script : stored) {
            Entry entry = entries.get(script.fileName());
            if (entry == null) {
                return Optional.of(script.fileName() + " is not in the index");
            }
            if (entry.crc() != script.crc() || entry.size() != script.size()) {
                return Optional.of(script.fileName() + " changed since the index was written");
            }
        }
        if (entries.size() != stored.size()) {
            List<String> names = stored.stream().map(Stored::fileName).toList();
            String gone = entries.keySet().stream().filter(name -> !names.contains(name)).findFirst().orElse("?");
            return Optional.of("the index names " + gone + ", which is not there");
        }
        return Optional.empty();
    }

    /** The entry of {@code fileName}, or null when the index does not name it. */
    public Entry entry(String fileName) {
        return entries.get(fileName);
    }

    /**
     * Reads an index; {@code location} names it in messages. Each header is kept as one text, split into lines only
     * when a header is parsed: a start at head parses none.
     */
    public static ScriptIndex read(InputStream in, String location) throws IOException {
        Lines lines = new Lines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        String first = lines.next();
        int fieldCount = FIRST_LINE.equals(first) ? FIELDS : FIRST_LINE_V1.equals(first) ? FIELDS_V1 : -1;
        if (fieldCount < 0) {
            throw new ScriptException(location + ":1: not a script index (expected \"" + FIRST_LINE
                    + "\"); delete it or write it again with " + ScriptIndex.class.getName());
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        int number = 1;
        String line;
        while ((line = lines.next()) != null) {
            number++;
            String[] fields = line.split("\t", -1);
            if (fields.length != fieldCount) {
                throw new ScriptException(location + ":" + number + ": malformed index line; write the index again");
            }
            int count = Integer.parseInt(fields[4]);
            String header = lines.block(count);
            if (header == null) {
                throw new ScriptException(location + ": ends inside the header of " + fields[0]
                        + "; write the index again");
            }
            number += count;
            entries.put(fields[0], new Entry(fields[0], Long.parseLong(fields[1], 16), Long.parseLong(fields[2]), fields[3],
                    header, fieldCount == FIELDS ? revision(fields) : null));
        }
        return new ScriptIndex(entries);
    }

    /**
     * Writes the index of the SQL scripts directly in {@code directory} (a build's output directory, before the jar
     * is made), replacing an earlier one; fails on a script whose header does not parse, naming file and line.
     *
     * @return the index written
     */
    public static ScriptIndex write(Path directory) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (ScriptResource resource : new DirectoryScriptSource(directory).list()) {
            byte[] bytes = Files.readAllBytes(directory.resolve(resource.fileName()));
            CRC32 crc = new CRC32();
            crc.update(bytes);
            // a repeatable script has no header: only its checksum is indexed
            boolean repeatable = RepeatableScript.isRepeatable(resource.fileName());
            List<String> header = new ArrayList<>();
            Revision revision = repeatable ? null : header(resource, header).revision();
            entries.put(resource.fileName(), new Entry(resource.fileName(), crc.getValue(), bytes.length,
                    Checksum.ofResource(resource), header, revision));
        }
        try (Writer out = Files.newBufferedWriter(directory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            out.write(FIRST_LINE + "\n");
            for (Entry entry : entries.values()) {
                out.write(entry.fileName() + "\t" + Long.toHexString(entry.crc()) + "\t" + entry.size() + "\t"
                        + entry.checksum() + "\t" + entry.headerLines().size() + "\t" + graphFields(entry.revision()) + "\n");
                for (String line : entry.headerLines()) {
                    out.write(line + "\n");
                }
            }
        }
        return new ScriptIndex(entries);
    }

    /** Parses the script's header, adding to {@code lines} its lines up to and including its upgrade directive. */
    private static ScriptHeader header(ScriptResource resource, List<String> lines) throws IOException {
        try (InputStream in = resource.open(); Utf8LineReader reader = new Utf8LineReader(in, resource.location())) {
            return HeaderParser.parse(() -> {
                String line = reader.readLine();
                if (line != null) {
                    lines.add(line);
                }
                return line;
            }, resource.location());
        }
    }

    /** The revision's graph fields of a version 2 line; four empty fields for a repeatable script. */
    private static String graphFields(Revision revision) {
        if (revision == null) {
            return "\t\t\t";
        }
        return revision.id() + "\t" + String.join(",", revision.downRevisions()) + "\t"
                + String.join(",", revision.dependsOn()) + "\t" + String.join(",", revision.branchLabels());
    }

    /** The revision of a version 2 line, or null for a repeatable script's (no id). */
    private static Revision revision(String[] fields) {
        if (fields[5].isEmpty()) {
            return null;
        }
        return new Revision(fields[5], list(fields[6]), new LinkedHashSet<>(list(fields[8])), list(fields[7]));
    }

    private static List<String> list(String field) {
        return field.isEmpty() ? List.of() : Arrays.asList(field.split(","));
    }

    /**
     * Writes the index of each directory given, for build tools: {@code java -cp ... dev.migrate.script.ScriptIndex
     * target/classes/db/migrations}. A directory that does not exist is skipped (a location may be for another
     * database); a script whose header is broken fails the build.
     */
    public static void main(String[] directories) {
        for (String name : directories) {
            Path directory = Path.of(name);
            if (Files.isDirectory(directory)) {
                try {
                    write(directory);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
