package io.noticemailer.input;

import javax.sql.DataSource;

import io.noticemailer.support.MariaDbTest;

@MariaDbTest
class ImportWriterTest extends ImportWriterContract {

    ImportWriterTest(DataSource dataSource) {
        super(dataSource);
    }
}
