package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A FIFO (mkfifo) that holds a child process at a known point: the child blocks where it opens the pipe until this
 * side opens the other end, so a test knows where the child is when it signals it, without any timing.
 */
final class NamedPipe implements AutoCloseable {

    private static final long PATIENCE_SECONDS = 120;

    private final Path path;
    private final byte[] content;
    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch go = new CountDownLatch(1);
    private final Thread server;
    private volatile boolean done;

    private NamedPipe(Path path, byte[] content) {
        this.path = path;
        this.content = content;
        this.server = new Thread(this::serve, "named-pipe-" + path.getFileName());
        this.server.setDaemon(true);
    }

    /** A pipe the child reads: each opening gets {@code content}; the first is held until {@link #release()}. */
    static NamedPipe feeding(Path path, byte[] content) throws IOException, InterruptedException {
        return start(path, content);
    }

    /** A pipe the child writes: what it writes is dropped; its first opening is held until {@link #release()}. */
    static NamedPipe draining(Path path) throws IOException, InterruptedException {
        return start(path, null);
    }

    private static NamedPipe start(Path path, byte[] content) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).as("mkfifo " + path).isZero();
        NamedPipe pipe = new NamedPipe(path, content);
        pipe.server.start();
        return pipe;
    }

    /** Waits until the child has opened the pipe: it is held there now. */
    void awaitChild() throws InterruptedException {
        assertThat(opened.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("the child opens " + path).isTrue();
    }

    /** Lets the held child go on; later openings are served at once. */
    void release() {
        go.countDown();
    }

    private void serve() {
        while (!done) {
            try (Closeable end = content != null ? new FileOutputStream(path.toFile()) : new FileInputStream(path.toFile())) {
                opened.countDown();
                go.await();
                if (done) {
                    return;
                }
                if (end instanceof OutputStream out) {
                    out.write(content);
                } else {
                    ((InputStream) end).transferTo(OutputStream.nullOutputStream());
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException childGone) {
                // the child closed its end or died: serve the next opening, if any
            }
        }
    }

    /**
     * Stops serving. Opening the FIFO read-write never blocks on Linux and counts as both ends, so it frees the
     * server thread if it waits for a child that will not come.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        done = true;
        go.countDown();
        try (RandomAccessFile bothEnds = new RandomAccessFile(path.toFile(), "rw")) {
            server.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        }
    }
}
