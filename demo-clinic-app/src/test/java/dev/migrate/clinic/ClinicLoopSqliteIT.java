package dev.migrate.clinic;

import java.util.List;

/** {@link ClinicLoopContract} on a new SQLite file in the working directory (the app's default URL). */
class ClinicLoopSqliteIT extends ClinicLoopContract {

    @Override
    List<String> databaseArguments() {
        return List.of();
    }

    @Override
    String vendor() {
        return "sqlite";
    }

    @Override
    String addEmailColumn() {
        return "ALTER TABLE owners ADD COLUMN email VARCHAR(120);";
    }
}
