package dev.migrate.it;

import org.hsqldb.server.Server;
import org.hsqldb.server.ServerConstants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HSQLDB 2.7 server in the test JVM, a database that no dialect claims (so the engine runs it through the
 * generic dialect): one server per JVM on a free port, each test in a file database of its own opened through the
 * URL ({@code server.remote_open}), so that other processes reach it too.
 */
final class HsqldbServer {

    private static HsqldbServer shared;

    private final Path directory;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private HsqldbServer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    static synchronized HsqldbServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static HsqldbServer start() {
        try {
            Path directory = Files.createTempDirectory("hsqldb-");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Server server = new Server();
            server.setAddress("127.0.0.1");
            server.setPort(port);
            server.setDatabaseName(0, "boot");
            server.setDatabasePath(0, "file:" + directory.resolve("boot"));
            server.setNoSystemExit(true);
            server.setSilent(true);
            server.setLogWriter(null);
            server.setErrWriter(null);
            org.hsqldb.persist.HsqlProperties properties = new org.hsqldb.persist.HsqlProperties();
            properties.setProperty("server.remote_open", true);
            server.setProperties(properties);
            server.start();
            if (server.getState() != ServerConstants.SERVER_STATE_ONLINE) {
                throw new IllegalStateException("HSQLDB server did not start on port " + port + ": "
                        + server.getServerError());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
            return new HsqldbServer(directory, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.hsqldb.server.ServerAcl.AclFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new, empty database on the server. */
    String createDatabase() {
        return "db" + databases.incrementAndGet();
    }

    String jdbcUrl(String database) {
        return "jdbc:hsqldb:hsql://127.0.0.1:" + port + "/" + database + ";filepath=file:" + directory.resolve(database);
    }

    String user() {
        return "SA";
    }
}
