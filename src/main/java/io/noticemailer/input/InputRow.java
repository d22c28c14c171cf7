package io.noticemailer.input;

import java.util.Map;

/**
 * One data line of the input, decoded and checked. {@code line} is the 1-based physical line where the
 * record starts (the header is line 1). {@code fields} holds every column by header name, trimmed.
 * {@code problem} is null for a usable row, else a reason naming line and field.
 * A row without a customer id can never become a delivery: the importer records it as a rejected line.
 */
public record InputRow(long line, String customerId, String name, String email, String cohort,
                       String managementCode, Map<String, String> fields, String problem) {

    public boolean valid() {
        return problem == null;
    }

    public boolean hasCustomerId() {
        return customerId != null && !customerId.isEmpty();
    }

    @Override
    public String toString() {
        // Spring Batch logs items on failure: never print an address or a name.
        return "InputRow[line=" + line + ", customerId=" + customerId + "]";
    }
}
