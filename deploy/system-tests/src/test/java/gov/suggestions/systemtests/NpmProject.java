package gov.suggestions.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A folder of deploy/ whose tools come from the npm registry, pinned by its package-lock.json. */
final class NpmProject {

    record Run(int exitCode, String output) {
    }

    private final Path folder;

    NpmProject(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** Installs exactly the lockfile's packages ({@code npm ci}) unless the tool is already there. */
    void install(String binary) throws IOException, InterruptedException {
        installUnless(Files.isExecutable(folder.resolve("node_modules/.bin").resolve(binary)));
    }

    /** The same for a library without a command of its own (a script of the folder uses it), by its package name. */
    void installLibrary(String npmPackage) throws IOException, InterruptedException {
        installUnless(Files.isRegularFile(folder.resolve("node_modules").resolve(npmPackage).resolve("package.json")));
    }

    private void installUnless(boolean installed) throws IOException, InterruptedException {
        if (!installed) {
            Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 600);
            assertEquals(0, install.exitCode(), () -> "npm ci in " + folder + " failed:\n" + install.output());
        }
    }

    /** A command in the folder, output and errors together. */
    Run run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("npm-project", ".out");
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within " + timeoutSeconds + " s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** A tool the lockfile installed, by its name in node_modules/.bin. */
    String tool(String binary) {
        return folder.resolve("node_modules/.bin").resolve(binary).toString();
    }
}
