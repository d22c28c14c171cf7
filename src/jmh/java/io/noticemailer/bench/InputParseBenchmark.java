package io.noticemailer.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import io.noticemailer.campaign.InputSpec;
import io.noticemailer.input.InputFile;
import io.noticemailer.input.InputReader;

/**
 * The import's CPU per row before the database: charset detection, strict windows-31j decoding, CSV and the
 * row rules, over a generated file as Excel writes it. Rows per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dfile.encoding=UTF-8", "-Xmx256m"})
public class InputParseBenchmark {

    private static final int ROWS = 10_000;
    private static final InputSpec.Columns COLUMNS = new InputSpec.Columns("会員ID", "氏名", "メールアドレス", "区分", null);

    private Path file;
    private InputSpec spec;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        file = Files.createTempFile("input-parse", ".csv");
        try (Writer out = Files.newBufferedWriter(file, Charset.forName("windows-31j"))) {
            out.write("会員ID,氏名,メールアドレス,区分,決済日時\r\n");
            for (int i = 0; i < ROWS; i++) {
                out.write((10_000_000 + i) + ",髙橋 﨑子" + i % 97 + ",taka..saki" + i + "@docomo.ne.jp,"
                        + (i % 3 == 0 ? "form," : "card,2018/11/03 14:22") + "\r\n");
            }
        }
        spec = new InputSpec(file, "auto", COLUMNS);
    }

    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void openAndReadEveryRow(Blackhole rows) {
        try (InputFile input = new InputReader().open(file, spec, Set.of("card", "form"))) {
            while (input.hasNext()) {
                rows.consume(input.next());
            }
        }
    }
}
