package io.noticemailer.input;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An opened input: its fingerprint and charset, and its data rows streamed one at a time (only the current
 * record is held in memory). {@link #hasNext()} throws {@link InputFileException} when the rest of the file
 * cannot be parsed. Blank lines are skipped; every other line becomes exactly one {@link InputRow}.
 */
public final class InputFile implements Closeable, Iterator<InputRow> {

    private final Path path;
    private String sha256;
    private final Charset charset;
    private final CsvSource source;
    private final HeaderLine header;
    private final RowChecker checker;
    private InputRow pending;

    InputFile(Path path, Charset charset, CsvSource source, HeaderLine header, RowChecker checker) {
        this.path = path;
        this.charset = charset;
        this.source = source;
        this.header = header;
        this.checker = checker;
    }

    public Path path() {
        return path;
    }

    /** Lower-case hex SHA-256 of the file's bytes, read in one streaming pass on the first call. */
    public String sha256() {
        if (sha256 == null) {
            sha256 = Sha256.of(path);
        }
        return sha256;
    }

    /** The charset the file was decoded with (detected when the job file says {@code auto}). */
    public Charset charset() {
        return charset;
    }

    /** The named columns, trimmed, in file order: the keys of every row's {@code fields}. */
    public List<String> headers() {
        return header.names();
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            pending = readRow();
        }
        return pending != null;
    }

    @Override
    public InputRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException(path + ": no more rows");
        }
        InputRow row = pending;
        pending = null;
        return row;
    }

    /** Never throws a checked exception, so that callers such as Spring Batch readers can close it plainly. */
    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            throw new InputFileException(path, 0, "cannot close (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private InputRow readRow() {
        for (CsvSource.RawRecord record = source.next(); record != null; record = source.next()) {
            if (!record.blank()) {
                return checker.check(record);
            }
        }
        return null;
    }
}
