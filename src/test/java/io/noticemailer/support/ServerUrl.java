package io.noticemailer.support;

/**
 * A MySQL Connector/J address without its database: {@code jdbc:mysql://host:port} plus the
 * parameters the server needs, so that each test database gets a URL of its own.
 */
record ServerUrl(String base, String serverParams) {

    private static final String SCHEME = "jdbc:mysql://";
    /** Names such as 𠮷 are 4 bytes: the session must speak utf8mb4 with the binary collation. */
    private static final String CHARSET_PARAMS = "characterEncoding=UTF-8&connectionCollation=utf8mb4_bin";
    private static final String EMBEDDED_PARAMS = "sslMode=DISABLED";
    private static final String ADMIN_PARAMS = "connectTimeout=2000";

    static ServerUrl embedded(int port) {
        return new ServerUrl(SCHEME + "127.0.0.1:" + port, EMBEDDED_PARAMS);
    }

    /** Keeps host, port and query of an operator-given URL; drops any database in its path. */
    static ServerUrl parse(String url) {
        if (!url.startsWith(SCHEME)) {
            throw new IllegalArgumentException("NOTICE_MAILER_TEST_DB_URL must start with " + SCHEME + ": " + url);
        }
        int queryStart = url.indexOf('?');
        String withoutQuery = queryStart < 0 ? url : url.substring(0, queryStart);
        String query = queryStart < 0 ? "" : url.substring(queryStart + 1);
        int pathStart = withoutQuery.indexOf('/', SCHEME.length());
        String base = pathStart < 0 ? withoutQuery : withoutQuery.substring(0, pathStart);
        return new ServerUrl(base, query);
    }

    String forDatabase(String database) {
        return base + "/" + database + "?" + join(CHARSET_PARAMS, serverParams);
    }

    String forAdministration() {
        return base + "/?" + join(join(CHARSET_PARAMS, ADMIN_PARAMS), serverParams);
    }

    private static String join(String first, String second) {
        return second.isEmpty() ? first : first + "&" + second;
    }
}
