package io.noticemailer.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import io.noticemailer.message.MessageComposer;
import io.noticemailer.render.NoticeRenderer;
import io.noticemailer.render.RenderedNotice;

/**
 * The send path's CPU per message, one stage at a time, so that a regression shows which stage it is in:
 * render (FreeMarker subject and body), compose (the sealed message: charset, headers, RFC 2047, the body's
 * transfer encoding, all built as wire bytes) and writeTo (those bytes, to a sink that discards them), and the
 * three together. Throughput in messages per second and per thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dfile.encoding=UTF-8", "-Xmx256m"})
public class HotPathBenchmark {

    private NoticeRenderer renderer;
    private MessageComposer composer;
    private Map<String, Object> model;
    private String messageId;
    private RenderedNotice rendered;
    private MimeMessage composed;

    @Setup(Level.Trial)
    public void setUp() {
        Notices.mailSystemAsInProduction();
        renderer = Notices.renderer();
        composer = Notices.composer();
        model = Notices.model(1);
        messageId = Notices.messageId(1);
        rendered = renderer.render(Notices.TEMPLATE, model);
        composed = composer.compose(Notices.EMAIL, rendered, messageId, Notices.DATE);
    }

    @Benchmark
    public RenderedNotice render() {
        return renderer.render(Notices.TEMPLATE, model);
    }

    @Benchmark
    public MimeMessage compose() {
        return composer.compose(Notices.EMAIL, rendered, messageId, Notices.DATE);
    }

    @Benchmark
    public void writeTo(Blackhole sink) throws IOException, MessagingException {
        composed.writeTo(new DiscardingStream(sink));
    }

    @Benchmark
    public void renderComposeWrite(Blackhole sink) throws IOException, MessagingException {
        RenderedNotice notice = renderer.render(Notices.TEMPLATE, model);
        composer.compose(Notices.EMAIL, notice, messageId, Notices.DATE).writeTo(new DiscardingStream(sink));
    }

    /** Counts bytes into the blackhole so that the encoding cannot be optimised away. */
    private static final class DiscardingStream extends OutputStream {

        private final Blackhole sink;

        DiscardingStream(Blackhole sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) {
            sink.consume(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            sink.consume(length);
        }
    }
}
