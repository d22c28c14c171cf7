package io.noticemailer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.noticemailer.NoticeMailerApplication;

/** The real application in its own JVM (same classpath as the tests), so that a test can kill it. */
final class ChildProcess {

    private ChildProcess() {
    }

    static Process start(Path log, List<String> args) throws IOException {
        return start(log, args, java.util.Map.of());
    }

    /** With {@code environment} added to the child's: secrets go there, never on the command line. */
    static Process start(Path log, List<String> args, java.util.Map<String, String> environment) throws IOException {
        // C1 only and the serial collector: a third faster start on a shared 2-core machine, same behaviour.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                NoticeMailerApplication.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }
}
