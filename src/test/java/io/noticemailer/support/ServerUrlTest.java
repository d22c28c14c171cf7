package io.noticemailer.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerUrlTest {

    @Test
    void operatorUrlKeepsHostPortAndParametersButNotItsDatabase() {
        ServerUrl url = ServerUrl.parse("jdbc:mysql://db.test:3307/other?sslMode=REQUIRED");

        assertThat(url.forDatabase("nm_x_1")).isEqualTo("jdbc:mysql://db.test:3307/nm_x_1"
                + "?characterEncoding=UTF-8&connectionCollation=utf8mb4_bin&sslMode=REQUIRED");
    }

    @Test
    void operatorUrlWithoutPathOrParametersGetsOnlyTheCharsetParameters() {
        ServerUrl url = ServerUrl.parse("jdbc:mysql://db.test:3307");

        assertThat(url.forDatabase("nm_x_1"))
                .isEqualTo("jdbc:mysql://db.test:3307/nm_x_1?characterEncoding=UTF-8&connectionCollation=utf8mb4_bin");
    }

    @Test
    void administrationUrlNamesNoDatabase() {
        assertThat(ServerUrl.embedded(40001).forAdministration())
                .startsWith("jdbc:mysql://127.0.0.1:40001/?")
                .contains("sslMode=DISABLED", "connectTimeout=");
    }

    @Test
    void urlOfAnotherDriverIsRejectedWithTheVariableName() {
        assertThatThrownBy(() -> ServerUrl.parse("jdbc:mariadb://db.test/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOTICE_MAILER_TEST_DB_URL");
    }
}
