package io.noticemailer.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.noticemailer.render.SampleCustomer.CODE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM's default charset cannot be changed at run time, so this starts a second JVM whose default is
 * ISO-8859-1 and checks that it still reads the UTF-8 templates exactly.
 */
class DefaultCharsetIndependenceTest {

    private static final String FOREIGN_CHARSET = "ISO-8859-1";
    private static final long CHILD_TIMEOUT_SECONDS = 60;
    private static final String TEXT = "髙橋 﨑子 𠮷野 〜 ① ｶﾀｶﾅ";

    @TempDir
    Path dir;

    @Test
    void templatesAreReadAsUtf8WhenTheJvmDefaultCharsetIsNot() throws Exception {
        Files.writeString(dir.resolve("wide.subject.ftl"), "件名 " + TEXT + " ${managementCode}", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("wide.body.ftl"), TEXT, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.txt");

        int exit = runChild(List.of(dir.toString(), "wide", out.toString()));

        assertThat(exit).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .isEqualTo(FOREIGN_CHARSET + "\n件名 " + TEXT + " " + CODE + "\n" + TEXT + "\n");
    }

    private int runChild(List<String> args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Dfile.encoding=" + FOREIGN_CHARSET,
                "-cp", System.getProperty("java.class.path"), ForeignCharsetRenderMain.class.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("child JVM did not finish in " + CHILD_TIMEOUT_SECONDS + " s");
        }
        if (child.exitValue() != 0) {
            throw new AssertionError("child JVM failed:\n" + Files.readString(dir.resolve("child.log")));
        }
        return child.exitValue();
    }
}
