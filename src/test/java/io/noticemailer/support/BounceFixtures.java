package io.noticemailer.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The bounce mailbox's messages under {@code src/test/resources/bounces/}, as Postfix, an Exchange server and
 * a Japanese carrier's gateway write them. The Message-IDs they return are placeholders ({@code @@MESSAGE_ID@@},
 * {@code @@OTHER_MESSAGE_ID@@}) filled in with those of a real run.
 */
public final class BounceFixtures {

    public static final String MESSAGE_ID = "@@MESSAGE_ID@@";
    public static final String OTHER_MESSAGE_ID = "@@OTHER_MESSAGE_ID@@";

    private BounceFixtures() {
    }

    /** The fixture's bytes, byte for byte, with each placeholder replaced. */
    public static byte[] bytes(String name, Map<String, String> values) {
        try (InputStream in = BounceFixtures.class.getResourceAsStream("/bounces/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture bounces/" + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace(value.getKey(), value.getValue());
            }
            return text.getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path copy(String name, Map<String, String> values, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            return Files.write(target, bytes(name, values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
