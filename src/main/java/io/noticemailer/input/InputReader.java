package io.noticemailer.input;

import io.noticemailer.campaign.InputSpec;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Opens the affected-customer list: detects its charset in a streaming pass, then reads and checks the header.
 * Rows are read lazily by the returned {@link InputFile}, which the caller closes; its fingerprint is computed
 * when asked for (the import step, which reads a file already fingerprinted, does not pay for another pass).
 */
public final class InputReader {

    /**
     * @param file    the input to read ({@code --input} or the job file's {@code input.file})
     * @param spec    encoding and column names from the job file
     * @param cohorts the job file's cohort values; a row with another cohort is invalid
     * @throws InputFileException when the file as a whole is unusable
     */
    public InputFile open(Path file, InputSpec spec, Set<String> cohorts) {
        Charset charset = EncodingDetector.detect(file, spec.encoding());
        CsvSource source = CsvSource.open(file, charset);
        try {
            CsvSource.RawRecord first = source.next();
            if (first == null) {
                throw new InputFileException(file, 0, "the file is empty: no header line");
            }
            HeaderLine header = HeaderLine.of(file, first, spec.columns());
            return new InputFile(file, charset, source, header, new RowChecker(header, spec.columns(), cohorts));
        } catch (RuntimeException e) {
            closeAfterFailure(source, e);
            throw e;
        }
    }

    /** The first row of {@code file} with this customer id, valid or not, read only as far as needed. */
    public Optional<InputRow> find(Path file, InputSpec spec, Set<String> cohorts, String customerId) {
        try (InputFile input = open(file, spec, cohorts)) {
            while (input.hasNext()) {
                InputRow row = input.next();
                if (customerId.equals(row.customerId())) {
                    return Optional.of(row);
                }
            }
        }
        return Optional.empty();
    }

    /** The named columns of {@code file}'s header, in file order; no row is read. */
    public List<String> headers(Path file, InputSpec spec, Set<String> cohorts) {
        try (InputFile input = open(file, spec, cohorts)) {
            return input.headers();
        }
    }

    private static void closeAfterFailure(CsvSource source, RuntimeException failure) {
        try {
            source.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
