package io.noticemailer.input;

import org.h2.jdbcx.JdbcDataSource;

/** The same guarantees on H2, the embedded default, whose duplicate-key errors look different to the driver. */
class ImportWriterEmbeddedTest extends ImportWriterContract {

    ImportWriterEmbeddedTest() {
        super(h2());
    }

    private static JdbcDataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:import-writer;DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
