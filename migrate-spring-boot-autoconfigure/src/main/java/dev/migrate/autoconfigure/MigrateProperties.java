package dev.migrate.autoconfigure;

import dev.migrate.command.MigrateConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration of the migration engine, under the prefix {@code migrate}. Each field's javadoc becomes
 * the IDE's documentation of the property (plain text: the metadata processor keeps javadoc tags as they are).
 * Defaults are written as literals so that the processor can record them; {@code MigratePropertiesTest}
 * checks that they agree with the engine's.
 */
@ConfigurationProperties(prefix = "migrate")
public class MigrateProperties {

    /** Whether to wire the migration engine at all. */
    private boolean enabled = true;

    /**
     * What to do at startup: upgrade to the target, validate that the database is at the target (and fail
     * the startup when it is not), or nothing.
     */
    private OnStartup onStartup = OnStartup.UPGRADE;

    /**
     * What the startup upgrade and validation do when the version table holds revisions that no script knows (the
     * database is ahead of the scripts, as after rolling an application back to an older image): warn (start
     * without migrating, log a WARN naming them, report health AHEAD) or fail the startup, as Flyway's
     * ignore-migration-patterns=*:future does or does not.
     */
    private OnUnknownRevision onUnknownRevision = OnUnknownRevision.WARN;

    /**
     * The revision expression the startup upgrade goes to ("head", "heads", a label@head, an id). With several
     * Migrate beans it applies to the application's own engine (the only default candidate, or the @Primary one);
     * the others go to their heads.
     */
    private String target = "heads";

    /**
     * With several Migrate beans (several databases): the bean name of the one the db commands work on, e.g.
     * java -jar app.jar db upgrade --migrate.database=reportingMigrate; a command's --database option overrides it.
     * Default: the application's own engine.
     */
    private String database;

    /**
     * Where scripts are read from (classpath: or filesystem: locations): the packaged scripts, which the startup
     * upgrade runs, and which the db commands read when migrate.script-directory does not exist. {vendor} in a
     * location is the name of the database's dialect (sqlite, postgresql, mariadb, h2), from migrate.dialect or the
     * JDBC URL without connecting, else asked of the database: classpath:db/migrations/{vendor}.
     */
    private List<String> locations = new ArrayList<>(List.of(MigrateConfig.DEFAULT_LOCATION));

    /**
     * The source directory that db init, db revision and db merge write scripts to. When it exists, the db commands
     * read scripts from it instead of migrate.locations, so a script just written is seen without a rebuild; the
     * startup upgrade, the endpoint and health always read migrate.locations (the packaged scripts). Relative to
     * the working directory. May hold {vendor}, as migrate.locations.
     */
    private String scriptDirectory = "src/main/resources/db/migrations";

    /**
     * Name of the version table, Alembic's by default so that Flask-Migrate databases are adopted as they are.
     * [schema.]name, each part a letter or _ followed by letters, digits, _ or $, at most 63 characters.
     */
    private String versionTable = "alembic_version";

    /** Name of the append-only log table; the same rule as migrate.version-table. */
    private String logTable = "migrate_log";

    /** Whether each revision runs in its own transaction; false runs the whole upgrade in one. */
    private boolean transactionPerMigration = true;

    /** Whether to hold the migration lock (turn off behind transaction-pooling proxies such as PgBouncer). */
    private boolean lockEnabled = true;

    /** How long to wait for another process's migration lock. */
    private Duration lockTimeout = Duration.ofMinutes(10);

    /**
     * Whether the startup upgrade, db upgrade and migrate.on-startup=validate refuse to run when the script of an
     * applied revision changed since it was applied (its checksum differs from the one in the log table), as
     * Flyway's validate-on-migrate. After reviewing such an edit, db repair records the new checksums.
     */
    private boolean validateOnMigrate = true;

    /**
     * Values for ${key} placeholders in SQL scripts (migrate.parameters.schema=app), replaced before a script is
     * split into statements; also what Java migrations read as MigrationContext.parameters(). db upgrade -x
     * key=value overrides one for a command. $${ writes a literal ${. A placeholder without a value fails, naming
     * the file and line. Values of keys that contain password, secret, token or key never appear in messages.
     */
    private Map<String, String> parameters = new LinkedHashMap<>();

    /**
     * Further script directories (Alembic's version_locations) that the db commands read along with the script
     * directory when it exists, and that db revision --version-path may write to; {vendor} allowed. List their
     * packaged counterparts in migrate.locations too.
     */
    private List<String> versionPaths = new ArrayList<>();

    /**
     * Packages scanned for annotated model classes (@Table) when db migrate or db check compares the
     * models with the database. Empty means the application's own packages, as JPA's entity scan.
     */
    private List<String> modelPackages = new ArrayList<>();

    /**
     * Whether db migrate keeps tables that are in the database but in no model; false (as Alembic) makes the
     * generated script drop them. Tables marked @Unmanaged are always kept.
     */
    private boolean keepUnownedTables = false;

    /**
     * Whether db migrate and db check leave alone the tables that other libraries create when no model describes
     * them: Spring Batch (BATCH_JOB_INSTANCE and the other BATCH_ tables), Spring Session (SPRING_SESSION,
     * SPRING_SESSION_ATTRIBUTES), Quartz (the QRTZ_ tables), ShedLock (shedlock), Spring Integration (INT_MESSAGE,
     * INT_GROUP_TO_MESSAGE, INT_MESSAGE_GROUP, INT_LOCK, INT_CHANNEL_MESSAGE, INT_METADATA_STORE), Spring Modulith
     * (EVENT_PUBLICATION, EVENT_PUBLICATION_ARCHIVE), Flyway (flyway_schema_history) and Liquibase
     * (DATABASECHANGELOG, DATABASECHANGELOGLOCK). False lets generated scripts drop them like any unowned table.
     */
    private boolean keepLibraryTables = true;

    /** JDBC URL of a database to migrate instead of the application's DataSource. */
    private String url;

    /**
     * Login user for migrate.url, or spring.datasource.username when not set. Set without migrate.url, the
     * application's spring.datasource.url is migrated as this user.
     */
    private String user;

    /** Login password for migrate.url, or spring.datasource.password when not set. */
    private String password;

    /**
     * The database kind, sqlite or postgresql, for offline SQL (db upgrade --sql and the like), which never connects:
     * needed only when the JDBC URL (migrate.url or spring.datasource.url) does not tell, as with a DataSource bean
     * of one's own.
     */
    private String dialect;

    /**
     * The sql_mode of the MariaDB/MySQL session that offline SQL will run in, when it differs from the server's
     * default (NO_BACKSLASH_ESCAPES makes a backslash an ordinary character in the scripts' strings, ANSI_QUOTES makes
     * double quotes name identifiers). Online runs read the session's own mode.
     */
    private String sqlMode;

    /** A fleet: the same scripts applied to many schemas or databases (schema-per-tenant, shards). */
    private final Fleet fleet = new Fleet();

    /**
     * The same scripts applied to many schemas (schema-per-tenant) or databases (shards): at startup, by db upgrade,
     * db current and db status, and on the endpoint and health, each target on its own, under its own lock.
     */
    public static class Fleet {

        /**
         * Schemas of the application's database migrated as a fleet (schema-per-tenant), e.g. tenant_a,tenant_b: each
         * schema gets its own version and log tables and the scripts' unqualified tables. With a fleet, the startup
         * upgrade, health and the endpoint cover its targets instead of the database's default schema. Targets of
         * MigrateFleetTargets beans (tenants read from a table, shards) are added after these.
         */
        private List<String> schemas = new ArrayList<>();

        /** How many targets are migrated at a time; 1 migrates them one after the other, in their order. */
        private int parallelism = 4;

        /**
         * What a target's failure at startup does once every target has run: fail the startup (naming each failed
         * target, its revision, file and line), or continue with the failed targets behind (health reports them DOWN).
         */
        private OnFailure onFailure = OnFailure.FAIL;

        /** Whether the startup upgrade and db upgrade create a tenant's schema that does not exist yet. */
        private boolean createSchemas = true;

        public List<String> getSchemas() {
            return schemas;
        }

        public void setSchemas(List<String> schemas) {
            this.schemas = schemas;
        }

        public int getParallelism() {
            return parallelism;
        }

        public void setParallelism(int parallelism) {
            this.parallelism = parallelism;
        }

        public OnFailure getOnFailure() {
            return onFailure;
        }

        public void setOnFailure(OnFailure onFailure) {
            this.onFailure = onFailure;
        }

        public boolean isCreateSchemas() {
            return createSchemas;
        }

        public void setCreateSchemas(boolean createSchemas) {
            this.createSchemas = createSchemas;
        }

        /** What a fleet target's failure at startup does. */
        public enum OnFailure {
            /** Every target runs; then the startup fails, naming the failed targets. */
            FAIL,
            /** Every target runs; the application starts with the failed targets behind. */
            CONTINUE
        }
    }

    public Fleet getFleet() {
        return fleet;
    }

    /** The startup behaviours. */
    public enum OnStartup {
        /** Bring the database to the target. */
        UPGRADE,
        /** Fail the startup when the database is not at the target; for replicas while a job migrates. */
        VALIDATE,
        /** Do nothing. */
        NONE
    }

    /** What to do at startup with a database ahead of the scripts. */
    public enum OnUnknownRevision {
        /** Start without migrating, with a WARN naming the unknown revisions. */
        WARN,
        /** Fail the startup. */
        FAIL
    }

    public OnUnknownRevision getOnUnknownRevision() {
        return onUnknownRevision;
    }

    public void setOnUnknownRevision(OnUnknownRevision onUnknownRevision) {
        this.onUnknownRevision = onUnknownRevision;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public OnStartup getOnStartup() {
        return onStartup;
    }

    public void setOnStartup(OnStartup onStartup) {
        this.onStartup = onStartup;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public List<String> getLocations() {
        return locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    public String getScriptDirectory() {
        return scriptDirectory;
    }

    public void setScriptDirectory(String scriptDirectory) {
        this.scriptDirectory = scriptDirectory;
    }

    public String getVersionTable() {
        return versionTable;
    }

    public void setVersionTable(String versionTable) {
        // Checked as it is bound: Boot's report then names the property, its value and where it was set.
        MigrateConfig.engineTableName("version table", versionTable);
        this.versionTable = versionTable;
    }

    public String getLogTable() {
        return logTable;
    }

    public void setLogTable(String logTable) {
        MigrateConfig.engineTableName("log table", logTable);
        this.logTable = logTable;
    }

    public boolean isTransactionPerMigration() {
        return transactionPerMigration;
    }

    public void setTransactionPerMigration(boolean transactionPerMigration) {
        this.transactionPerMigration = transactionPerMigration;
    }

    public boolean isLockEnabled() {
        return lockEnabled;
    }

    public void setLockEnabled(boolean lockEnabled) {
        this.lockEnabled = lockEnabled;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public boolean isValidateOnMigrate() {
        return validateOnMigrate;
    }

    public void setValidateOnMigrate(boolean validateOnMigrate) {
        this.validateOnMigrate = validateOnMigrate;
    }

    public Map<String, String> getParameters() {
        return parameters;
    }

    public void setParameters(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    public List<String> getVersionPaths() {
        return versionPaths;
    }

    public void setVersionPaths(List<String> versionPaths) {
        this.versionPaths = versionPaths;
    }

    public List<String> getModelPackages() {
        return modelPackages;
    }

    public void setModelPackages(List<String> modelPackages) {
        this.modelPackages = modelPackages;
    }

    public boolean isKeepUnownedTables() {
        return keepUnownedTables;
    }

    public void setKeepUnownedTables(boolean keepUnownedTables) {
        this.keepUnownedTables = keepUnownedTables;
    }

    public boolean isKeepLibraryTables() {
        return keepLibraryTables;
    }

    public void setKeepLibraryTables(boolean keepLibraryTables) {
        this.keepLibraryTables = keepLibraryTables;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDialect() {
        return dialect;
    }

    public void setDialect(String dialect) {
        this.dialect = dialect;
    }

    public String getSqlMode() {
        return sqlMode;
    }

    public void setSqlMode(String sqlMode) {
        this.sqlMode = sqlMode;
    }
}
