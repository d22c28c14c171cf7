package io.noticemailer.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The MariaDB server and installer executables found on this machine. */
record MariaDbBinaries(Path server, Path installer) {

    private static final String SERVER = "mariadbd";
    private static final String INSTALLER = "mariadb-install-db";
    /** Debian installs mariadbd under sbin, which is not on every user's PATH. */
    private static final List<String> FALLBACK_DIRS =
            List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin");

    static MariaDbBinaries locate(String pathVariable) {
        List<Path> dirs = searchDirs(pathVariable);
        Optional<Path> server = find(SERVER, dirs);
        Optional<Path> installer = find(INSTALLER, dirs);
        if (server.isEmpty() || installer.isEmpty()) {
            throw new IllegalStateException("MariaDB for the tests is missing: " + SERVER + " or " + INSTALLER
                    + " not found on PATH nor in " + FALLBACK_DIRS + ". Run scripts/test (it installs "
                    + "mariadb-server) or set NOTICE_MAILER_TEST_DB_URL, _USER and _PASSWORD to use a running server.");
        }
        return new MariaDbBinaries(server.get(), installer.get());
    }

    private static List<Path> searchDirs(String pathVariable) {
        List<Path> dirs = new ArrayList<>();
        if (pathVariable != null) {
            for (String entry : pathVariable.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        FALLBACK_DIRS.forEach(dir -> dirs.add(Path.of(dir)));
        return dirs;
    }

    private static Optional<Path> find(String name, List<Path> dirs) {
        return dirs.stream().map(dir -> dir.resolve(name)).filter(Files::isExecutable).findFirst();
    }
}
