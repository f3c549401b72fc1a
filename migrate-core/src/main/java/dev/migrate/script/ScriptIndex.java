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
import java.util.function.Supplier;
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
 * comma-separated), so that a start at head can know the heads without parsing a header. Version 3 adds a second
 * line, {@code summary TAB <listing> TAB <heads> TAB <digest>}: the {@link Listing} fingerprint of the scripts' names,
 * CRC-32s and sizes, the heads of their graph and their {@link AppliedDigest} ({@code -} for both when the build found
 * the indexed graph unusable), so that a start at head compares one fingerprint with the jar's listing, one digest with
 * the log's newest row, and reads no script line of the index at all: those are parsed only when something needs
 * them. Indexes of versions 1 and 2 are still read, without what they lack.
 */
public final class ScriptIndex {

    /** The index's file name in its script location. */
    public static final String FILE_NAME = "migrate.index";

    private static final String FIRST_LINE = "# migrate script index v3";
    private static final String FIRST_LINE_V2 = "# migrate script index v2";
    private static final String FIRST_LINE_V1 = "# migrate script index v1";
    private static final String SUMMARY = "summary";
    private static final String UNKNOWN = "-";
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

    /**
     * What a version 3 index says of all its scripts at once: the {@link Listing} fingerprint of what it indexes, how
     * many scripts that is, and, when the build found them a valid graph, its heads and their {@link AppliedDigest}
     * (else null for both).
     */
    public record Summary(String listing, int scripts, List<String> heads, String digest) {

        /** Whether the build found the indexed revisions a graph, so that heads and digest can answer for them. */
        public boolean knowsHeads() {
            return heads != null && digest != null;
        }
    }

    /**
     * An order-independent fingerprint of a location's scripts as a jar's directory records them (name, CRC-32, size),
     * taken while the jar is listed: equal to the index's own when the jar holds exactly the scripts it indexes, as
     * comparing them one by one would tell, without an object per script. Two 64-bit sums of a mixed hash per script
     * and the count: a change that leaves them all equal is as unlikely as one that keeps every CRC-32.
     */
    public static final class Listing {

        private long sum;
        private long xor;
        private int count;

        /** Adds one script. */
        public void add(String fileName, long crc, long size) {
            long hash = 0xcbf29ce484222325L; // FNV-1a over the name's characters
            for (int i = 0; i < fileName.length(); i++) {
                hash = (hash ^ fileName.charAt(i)) * 0x100000001b3L;
            }
            long script = mix(hash ^ mix(crc ^ mix(size + 0x9e3779b97f4a7c15L)));
            sum += script;
            xor ^= mix(script + 0x632be59bd9b4e019L);
            count++;
        }

        public int count() {
            return count;
        }

        /** The fingerprint as the index writes it. */
        public String value() {
            return count + ":" + Long.toHexString(sum) + ":" + Long.toHexString(xor);
        }

        /** SplitMix64's finaliser: every input bit moves about half the output bits. */
        private static long mix(long value) {
            long z = (value ^ (value >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }

    private final Summary summary;
    private final String location;
    private final int fieldCount;
    /**
     * The script lines, read and parsed into {@link #entries} when first needed: a start at head may need none, and
     * then reads no more of a version 3 index than its first two lines.
     */
    private final Supplier<Lines> rest;
    private final int firstEntryLine;
    private volatile Map<String, Entry> entries;

    private ScriptIndex(Map<String, Entry> entries, Summary summary) {
        this.entries = entries;
        this.summary = summary;
        this.location = null;
        this.fieldCount = FIELDS;
        this.rest = null;
        this.firstEntryLine = 0;
    }

    private ScriptIndex(Summary summary, String location, int fieldCount, Supplier<Lines> rest, int firstEntryLine) {
        this.summary = summary;
        this.location = location;
        this.fieldCount = fieldCount;
        this.rest = rest;
        this.firstEntryLine = firstEntryLine;
    }

    public Map<String, Entry> entries() {
        return Map.copyOf(parsed());
    }

    /** The version 3 summary; empty for an index of an earlier version. */
    public Optional<Summary> summary() {
        return Optional.ofNullable(summary);
    }

    /**
     * Why this index does not describe {@code stored} (the location's scripts as the jar records them), or empty
     * when it describes them exactly.
     */
    public Optional<String> mismatch(List<Stored> stored) {
        Map<String, Entry> entries = parsed();
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
        return parsed().get(fileName);
    }

    private Map<String, Entry> parsed() {
        Map<String, Entry> known = entries;
        if (known == null) {
            synchronized (this) {
                known = entries;
                if (known == null) {
                    known = parseEntries(rest.get(), location, fieldCount, firstEntryLine);
                    entries = known;
                }
            }
        }
        return known;
    }

    /**
     * Reads an index; {@code location} names it in messages. Only its first lines are read now: the script lines are
     * parsed when first asked for ({@link #entry}, {@link #entries}, {@link #mismatch}), and each header is kept as
     * one text, split into lines only when a header is parsed: a start at head parses none.
     */
    public static ScriptIndex read(InputStream in, String location) throws IOException {
        Lines lines = new Lines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        String first = lines.next();
        int fieldCount = fieldCount(first, location);
        Summary summary = FIRST_LINE.equals(first) ? summary(lines.next(), location) : null;
        return new ScriptIndex(summary, location, fieldCount, () -> lines, summary == null ? 1 : 2);
    }

    /**
     * Reads an index from {@code in} as {@link #read(InputStream, String)} does, but of a version 3 index only its first
     * two lines: the rest is read from {@code reopen} when first needed (a start at head that its summary answers
     * reads none of it).
     */
    public static ScriptIndex read(InputStream in, String location, ScriptResource.Opener reopen) throws IOException {
        byte[] start = in.readNBytes(FIRST_LINE.length() + 1);
        if (!new String(start, StandardCharsets.UTF_8).equals(FIRST_LINE + "\n")) {
            // an earlier version, or not an index at all: read whole, as always
            return read(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(start), in), location);
        }
        Summary summary = summary(firstLine(in), location);
        return new ScriptIndex(summary, location, FIELDS, () -> {
            try (InputStream again = reopen.open()) {
                Lines lines = new Lines(new String(again.readAllBytes(), StandardCharsets.UTF_8));
                lines.next();
                lines.next();
                return lines;
            } catch (IOException e) {
                throw new ScriptException(location + ": cannot read the script index (" + e.getMessage() + ")", e);
            }
        }, 2);
    }

    /** The next line of {@code in} (a carriage return before its line feed dropped), or null at its end. */
    private static String firstLine(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static int fieldCount(String first, String location) {
        int fieldCount = FIRST_LINE.equals(first) || FIRST_LINE_V2.equals(first) ? FIELDS
                : FIRST_LINE_V1.equals(first) ? FIELDS_V1 : -1;
        if (fieldCount < 0) {
            throw new ScriptException(location + ":1: not a script index (expected \"" + FIRST_LINE
                    + "\"); delete it or write it again with " + ScriptIndex.class.getName());
        }
        return fieldCount;
    }

    private static Summary summary(String line, String location) {
        String[] fields = line == null ? new String[0] : line.split("\t", -1);
        if (fields.length != 5 || !SUMMARY.equals(fields[0]) || !fields[2].matches("[0-9]{1,9}")) {
            throw new ScriptException(location + ":2: malformed summary line; write the index again");
        }
        boolean known = !UNKNOWN.equals(fields[4]);
        return new Summary(fields[1], Integer.parseInt(fields[2]), known ? list(fields[3]) : null,
                known ? fields[4] : null);
    }

    private static Map<String, Entry> parseEntries(Lines lines, String location, int fieldCount, int firstLine) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        int number = firstLine;
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
        return entries;
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
        Summary summary = summaryOf(directory, entries);
        try (Writer out = Files.newBufferedWriter(directory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            out.write(FIRST_LINE + "\n");
            out.write(SUMMARY + "\t" + summary.listing() + "\t" + summary.scripts() + "\t"
                    + (summary.knowsHeads() ? String.join(",", summary.heads()) : UNKNOWN) + "\t"
                    + (summary.knowsHeads() ? summary.digest() : UNKNOWN) + "\n");
            for (Entry entry : entries.values()) {
                out.write(entry.fileName() + "\t" + Long.toHexString(entry.crc()) + "\t" + entry.size() + "\t"
                        + entry.checksum() + "\t" + entry.headerLines().size() + "\t" + graphFields(entry.revision()) + "\n");
                for (String line : entry.headerLines()) {
                    out.write(line + "\n");
                }
            }
        }
        return new ScriptIndex(entries, summary);
    }

    /**
     * The summary of {@code entries}: their listing fingerprint, and the heads and digest that a start would compute
     * from them ({@link IndexedScripts}, with the same checks), or none when those checks fail.
     */
    private static Summary summaryOf(Path directory, Map<String, Entry> entries) {
        Listing listing = new Listing();
        entries.values().forEach(entry -> listing.add(entry.fileName(), entry.crc(), entry.size()));
        ScriptIndex index = new ScriptIndex(entries, null);
        List<ScriptResource> resources = new ArrayList<>();
        for (Entry entry : entries.values()) {
            Path file = directory.resolve(entry.fileName());
            resources.add(new ScriptResource(entry.fileName(), file.toString(), () -> Files.newInputStream(file), index));
        }
        Optional<IndexedScripts> indexed = IndexedScripts.of(List.of(new ListedScriptSource(directory.toString(), resources)));
        return new Summary(listing.value(), listing.count(), indexed.map(IndexedScripts::heads).orElse(null),
                indexed.map(IndexedScripts::digest).orElse(null));
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
