package io.noticemailer.message;

import java.nio.file.Path;

/** The job's DKIM key cannot be used. Names the file and the problem, never any key material. */
public class DkimKeyException extends RuntimeException {

    public DkimKeyException(Path file, String problem) {
        super("dkim.privateKeyFile " + file + ": " + problem);
    }
}
