package io.noticemailer.campaign;

import java.nio.file.Path;

/** Where the affected-customer list is and how to read it. {@code encoding} is auto, UTF-8 or windows-31j. */
public record InputSpec(Path file, String encoding, Columns columns) {

    /** Header names of the input columns; {@code managementCode} is null when codes are generated. */
    public record Columns(String customerId, String name, String email, String cohort, String managementCode) {
    }
}
