package dev.migrate.script;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a script line by line as strict UTF-8, so that a header can be read without reading the body,
 * and a file in another encoding is an error naming the line and byte rather than silently mangled text.
 * Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}; a leading byte order mark is dropped.
 * Decoding a line at a time is exact: the bytes of {@code \n} and {@code \r} never occur inside a
 * multi-byte UTF-8 sequence.
 */
final class Utf8LineReader implements Closeable {

    /** Enough for a whole header in one read; a body is read in several. */
    private static final int CHUNK = 4096;

    private final InputStream in;
    private final String location;
    private final byte[] chunk = new byte[CHUNK];
    private int chunkLength;
    private int chunkPosition;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buffer = new byte[256];
    private int lineNumber;
    private long fileOffset;
    private int pushedBack = -1;

    /** Every line of {@code resource}; a file that cannot be read is a {@link ScriptException} naming it. */
    static java.util.List<String> readAll(ScriptResource resource) {
        String location = resource.location();
        java.util.List<String> lines = new java.util.ArrayList<>();
        try (InputStream in = resource.open(); Utf8LineReader reader = new Utf8LineReader(in, location)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new ScriptException(location + ": cannot read the script (" + e.getMessage() + ")", e);
        }
        return lines;
    }

    Utf8LineReader(InputStream in, String location) {
        // Its own chunk rather than a BufferedInputStream: no 8 KB buffer and no synchronised read per byte
        // for each of thousands of scripts whose first few hundred bytes are all that is wanted.
        this.in = in;
        this.location = location;
    }

    /** The next line without its terminator, or null at the end of the file. */
    String readLine() throws IOException {
        int length = 0;
        long lineOffset = fileOffset;
        int b = read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n' && b != '\r') {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, length * 2);
            }
            buffer[length++] = (byte) b;
            b = read();
        }
        if (b == '\r') {
            int next = read();
            if (next != '\n' && next >= 0) {
                pushedBack = next;
                fileOffset--;
            }
        }
        lineNumber++;
        String line = decode(length, lineOffset);
        return lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** The 1-based number of the line {@link #readLine()} returned last. */
    int lineNumber() {
        return lineNumber;
    }

    private int read() throws IOException {
        int b;
        if (pushedBack >= 0) {
            b = pushedBack;
            pushedBack = -1;
        } else if (chunkPosition < chunkLength) {
            b = chunk[chunkPosition++] & 0xFF;
        } else {
            b = refill() ? chunk[chunkPosition++] & 0xFF : -1;
        }
        if (b >= 0) {
            fileOffset++;
        }
        return b;
    }

    private boolean refill() throws IOException {
        int read;
        do {
            read = in.read(chunk, 0, CHUNK);
        } while (read == 0);
        chunkPosition = 0;
        chunkLength = Math.max(read, 0);
        return read > 0;
    }

    private String decode(int length, long lineOffset) throws CharacterCodingException {
        if (isAscii(length)) {
            // Most lines of most scripts: every byte is its own character, nothing can be malformed.
            return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
        }
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int at = bytes.position();
            throw ScriptException.at(location, lineNumber, String.format(
                    "not valid UTF-8 (byte 0x%02X at byte %d of the line, byte %d of the file); save the file as UTF-8",
                    buffer[at] & 0xFF, at + 1, lineOffset + at + 1));
        }
        return chars.flip().toString();
    }

    private boolean isAscii(int length) {
        for (int i = 0; i < length; i++) {
            if (buffer[i] < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
