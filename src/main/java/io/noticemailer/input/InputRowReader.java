package io.noticemailer.input;

import java.nio.file.Path;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import io.noticemailer.campaign.InputSpec;

/**
 * Streams the input file's rows into the import step. It saves no position: a restarted import reads the
 * file again from the top and the idempotent {@link ImportWriter} skips what is already in the ledger.
 * A null file means the campaign is already imported: the step then reads nothing.
 */
public class InputRowReader implements ItemStreamReader<InputRow> {

    private final InputReader inputReader;
    private final Path file;
    private final InputSpec spec;
    private final Set<String> cohorts;
    private InputFile input;

    public InputRowReader(InputReader inputReader, Path file, InputSpec spec, Set<String> cohorts) {
        this.inputReader = inputReader;
        this.file = file;
        this.spec = spec;
        this.cohorts = cohorts;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        if (file != null) {
            input = inputReader.open(file, spec, cohorts);
        }
    }

    @Override
    public InputRow read() {
        return input != null && input.hasNext() ? input.next() : null;
    }

    @Override
    public void close() {
        if (input != null) {
            input.close();
            input = null;
        }
    }
}
