package io.noticemailer.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Decodes a whole file once, in fixed-size buffers, and finds the first byte that the charset rejects. */
final class StrictDecoding {

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int UNSIGNED_BYTE = 0xFF;

    /** Where decoding stopped: the 1-based line and the offending byte's value. */
    record BadByte(long line, int value) {

        String describe(Charset charset) {
            return String.format("byte 0x%02X is not valid %s", value, charset.name());
        }
    }

    private StrictDecoding() {
    }

    /** A decoder that reports malformed and unmappable input instead of substituting U+FFFD or '?'. */
    static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Empty when every byte decodes; lines are counted from decoded LFs, so this works for UTF-16 too. */
    static Optional<BadByte> firstBadByte(Path file, Charset charset) {
        try (ReadableByteChannel channel = Files.newByteChannel(file)) {
            return scan(channel, decoder(charset));
        } catch (IOException e) {
            throw InputFileException.unreadable(file, e);
        }
    }

    private static Optional<BadByte> scan(ReadableByteChannel channel, CharsetDecoder decoder) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(BUFFER_SIZE);
        CharBuffer out = CharBuffer.allocate(BUFFER_SIZE);
        long line = 1;
        boolean endOfInput = false;
        while (true) {
            endOfInput = endOfInput || channel.read(in) < 0;
            in.flip();
            CoderResult result = decoder.decode(in, out, endOfInput);
            line += drainLineFeeds(out);
            if (result.isError()) {
                return Optional.of(new BadByte(line, in.get(in.position()) & UNSIGNED_BYTE));
            }
            in.compact();
            if (endOfInput && result.isUnderflow()) {
                decoder.flush(out);
                return Optional.empty();
            }
        }
    }

    private static long drainLineFeeds(CharBuffer out) {
        out.flip();
        long count = 0;
        while (out.hasRemaining()) {
            if (out.get() == '\n') {
                count++;
            }
        }
        out.clear();
        return count;
    }
}
