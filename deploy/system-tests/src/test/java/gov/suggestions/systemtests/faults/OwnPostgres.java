package gov.suggestions.systemtests.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL instance of one service's own, so that stopping it hits only that service, as when a service's database
 * server fails. Run as the {@code postgres} OS user when the tests run as root (PostgreSQL refuses to run as root);
 * then its data directory is a fresh private directory under the system's temporary directory that {@code postgres}
 * owns, because that user may not reach the checkout (a clone in a 0700 home or a {@code mktemp -d} directory). The
 * build directory given keeps the command log and, after the stop, a copy of the server's log.
 */
final class OwnPostgres implements AutoCloseable {

    private final Path bin;
    private final Path buildDir;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;

    private OwnPostgres(Path bin, Path buildDir, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.buildDir = buildDir;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** A fresh instance in {@code dir} with {@code role} (password = name) owning {@code database}, started. */
    static OwnPostgres create(Path dir, String database, String role) throws IOException, InterruptedException {
        Path bin = binaries();
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        boolean root = "root".equals(System.getProperty("user.name"));
        Path serverDir = dir;
        if (root) {
            serverDir = Files.createTempDirectory(dir.getFileName() + "-");   // mode 0700 in a directory everyone may enter
            UserPrincipalLookupService users = serverDir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(serverDir, users.lookupPrincipalByName("postgres"));
        }
        OwnPostgres postgres = new OwnPostgres(bin, dir, serverDir, freePort(), root);
        postgres.run(postgres.bin.resolve("initdb").toString(), "-D", postgres.data.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--locale=C");
        postgres.start();
        postgres.run(postgres.bin.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                "-p", Integer.toString(postgres.port), "-U", "postgres", "-c",
                "CREATE ROLE \"" + role + "\" LOGIN PASSWORD '" + role + "'", "-c",
                "CREATE DATABASE \"" + database + "\" OWNER \"" + role + "\"");
        return postgres;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    void start() throws IOException, InterruptedException {
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("postgres.log").toString(), "-w",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** As a crash: no checkpoint, open connections cut; the next start recovers from the WAL. */
    void stopImmediately() throws IOException, InterruptedException {
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
        }
        if (!dir.equals(buildDir)) {
            if (Files.exists(dir.resolve("postgres.log"))) {
                Files.copy(dir.resolve("postgres.log"), buildDir.resolve("postgres.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asPostgresUser) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(buildDir.resolveSibling(buildDir.getFileName() + "-commands.log").toFile()))
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", line) + " failed; see " + buildDir.getFileName() + "-commands.log and " + dir.resolve("postgres.log"));
        }
    }

    /** The newest installed server binaries (Debian's layout). */
    private static Path binaries() throws IOException {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server binaries in /usr/lib/postgresql"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
