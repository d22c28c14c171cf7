package io.noticemailer.render;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a child JVM started with a non-UTF-8 {@code file.encoding} by {@link DefaultCharsetIndependenceTest}:
 * renders one template and writes the JVM's default charset, the subject and the body to a UTF-8 file.
 */
final class ForeignCharsetRenderMain {

    private ForeignCharsetRenderMain() {
    }

    public static void main(String[] args) throws IOException {
        Path templates = Path.of(args[0]);
        RenderedNotice notice = new NoticeRenderer(templates).render(args[1], SampleCustomer.cardModel());
        String report = Charset.defaultCharset().name() + "\n" + notice.subject() + "\n" + notice.body();
        Files.writeString(Path.of(args[2]), report, StandardCharsets.UTF_8);
    }
}
