package io.noticemailer.job;

import java.nio.file.Path;

import io.noticemailer.campaign.JobFile;

/** What the operator asked for: the campaign, an input overriding the job file's, an outbox, a send limit. */
public record RunRequest(JobFile jobFile, Path input, Path outbox, Long limit) {

    /** The input to read: --input, else the job file's {@code input.file}. */
    public Path inputPath() {
        Path path = input != null ? input : jobFile.input().file();
        if (path == null) {
            throw new UsageException(jobFile.path() + ": no input: set input.file in the job file or give --input FILE");
        }
        return path.toAbsolutePath().normalize();
    }
}
