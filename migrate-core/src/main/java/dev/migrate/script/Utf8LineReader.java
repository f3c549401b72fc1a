package dev.migrate.script;

import java.io.BufferedInputStream;
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

    private final InputStream in;
    private final String location;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buffer = new byte[256];
    private int lineNumber;
    private long fileOffset;
    private int pushedBack = -1;

    Utf8LineReader(InputStream in, String location) {
        this.in = new BufferedInputStream(in);
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
        } else {
            b = in.read();
        }
        if (b >= 0) {
            fileOffset++;
        }
        return b;
    }

    private String decode(int length, long lineOffset) throws CharacterCodingException {
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

    @Override
    public void close() throws IOException {
        in.close();
    }
}
