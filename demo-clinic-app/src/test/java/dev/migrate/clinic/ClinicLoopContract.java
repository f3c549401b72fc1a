package dev.migrate.clinic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flask-Migrate loop on entities, run as a user runs it: the packaged jar, one process per command, a working
 * directory with an empty script directory and an empty database. {@code db migrate} writes the committed initial
 * script from the entities (same revision id, same text), {@code db upgrade} runs it, the app starts with
 * {@code ddl-auto=validate} and its repositories write and read every entity, {@code db check} exits 0; then
 * {@code Owner} gains a field (compiled into a copy of the jar), {@code db migrate} writes exactly that column,
 * {@code db upgrade}, {@code db check} exits 0. One test per database: each command is a JVM start.
 */
abstract class ClinicLoopContract {

    static final String INITIAL = "2da9a0754192_initial_clinic_schema.sql";

    @TempDir
    Path temp;

    /** Arguments added to every command: the database to use. */
    abstract List<String> databaseArguments();

    /** sqlite or postgresql: the {vendor} of the script directory. */
    abstract String vendor();

    /** What {@code db migrate} must write for the new field, in this database's SQL. */
    abstract String addEmailColumn();

    @Test
    void migrateUpgradeStartCheckThenANewFieldIsExactlyOneNewColumn() throws IOException {
        ClinicJar jar = ClinicJar.packaged();
        Path app = Files.createDirectories(temp.resolve("app"));
        Path scripts = Files.createDirectories(app.resolve("src/main/resources/db/migrations/" + vendor()));
        Path committed = module().resolve("src/main/resources/db/migrations/" + vendor());

        ClinicJar.Run migrate = succeeded(jar.run(app, databaseArguments(), "db", "migrate", "-m",
                "initial clinic schema", "--rev-id", "2da9a0754192"));
        assertThat(migrate.out()).contains("Detected added table 'owners'", "Detected added table 'vets_specialties'",
                "Generating src/main/resources/db/migrations/" + vendor() + "/" + INITIAL + " ...  done");
        assertThat(withoutDate(scripts.resolve(INITIAL))).as("the committed script is what db migrate writes")
                .isEqualTo(withoutDate(committed.resolve(INITIAL)));
        // The packaged jar carries the committed file, whose checksum the startup upgrade compares with the one
        // recorded by db upgrade: upgrade from that very file, as after `mvn package` of the script just written.
        Files.copy(committed.resolve(INITIAL), scripts.resolve(INITIAL), StandardCopyOption.REPLACE_EXISTING);

        assertThat(succeeded(jar.run(app, databaseArguments(), "db", "upgrade")).out())
                .containsExactly("Running upgrade  -> 2da9a0754192, initial clinic schema");
        assertThat(succeeded(jar.run(app, databaseArguments())).out()).contains("Clinic: 1 owner(s), 1 pet(s), "
                + "1 visit(s), 1 vet(s), 2 specialt(ies); vets: [Leary [radiology, surgery]]; last visit: Leo (CAT, "
                + "one of 1 pet(s) of an owner in Madison): rabies shot, 45.50 unpaid");
        assertThat(succeeded(jar.run(app, databaseArguments(), "db", "check")).out())
                .containsExactly("No new upgrade operations detected.");

        ClinicJar edited = jar.withEntity(temp, "Owner", ownerWithEmail());
        ClinicJar.Run added = succeeded(edited.run(app, databaseArguments(), "db", "migrate", "-m", "add owner email"));
        assertThat(added.out()).hasSize(2).startsWith("Detected added column 'owners.email'");
        Path script = script(scripts, "_add_owner_email.sql");
        assertThat(section(script, "-- migrate:upgrade", "-- migrate:downgrade")).isEqualTo(addEmailColumn());
        assertThat(section(script, "-- migrate:downgrade", null)).isEqualTo(
                "-- WARNING: owners.email: dropping the column loses its values\nALTER TABLE owners DROP COLUMN email;");

        assertThat(succeeded(edited.run(app, databaseArguments(), "db", "upgrade")).out()).singleElement()
                .asString().startsWith("Running upgrade 2da9a0754192 -> ").endsWith(", add owner email");
        assertThat(succeeded(edited.run(app, databaseArguments(), "db", "check")).out())
                .containsExactly("No new upgrade operations detected.");
    }

    static Path module() {
        return Path.of(System.getProperty("clinic.module", ".")).toAbsolutePath();
    }

    /** The edit a user makes: a new field on {@code Owner}. */
    private static String ownerWithEmail() throws IOException {
        String source = Files.readString(module().resolve("src/main/java/dev/migrate/clinic/model/Owner.java"));
        String field = "    private String telephone;\n";
        assertThat(source).contains(field);
        return source.replace(field, field + "\n    @Column(length = 120)\n    private String email;\n");
    }

    private static ClinicJar.Run succeeded(ClinicJar.Run run) {
        assertThat(run.exit()).as(run.toString()).isZero();
        return run;
    }

    private static String withoutDate(Path script) throws IOException {
        return Files.readString(script).replaceFirst("-- Create Date: [^\n]*", "");
    }

    private static Path script(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> found = files.filter(file -> file.getFileName().toString().endsWith(suffix)).toList();
            assertThat(found).as("the script db migrate wrote").hasSize(1);
            return found.get(0);
        }
    }

    /** The lines between two markers (to the end without a second), trimmed. */
    private static String section(Path script, String from, String to) throws IOException {
        String text = Files.readString(script);
        int start = text.indexOf(from) + from.length();
        int end = to == null ? text.length() : text.indexOf(to);
        return text.substring(start, end).strip();
    }
}
