package dev.migrate.testsupport;

/**
 * What an external process (for instance {@code psql}) did: its exit code and everything it wrote.
 *
 * @param exitCode the process exit code ({@code 0} means success)
 * @param stdout   standard output, decoded as UTF-8
 * @param stderr   standard error, decoded as UTF-8
 */
public record ProcessResult(int exitCode, String stdout, String stderr) {

    /** @return {@code true} when the process exited with code {@code 0} */
    public boolean succeeded() {
        return exitCode == 0;
    }

    @Override
    public String toString() {
        return "ProcessResult[exitCode=" + exitCode + ", stdout=" + stdout + ", stderr=" + stderr + "]";
    }
}
