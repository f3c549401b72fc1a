package dev.migrate.shell.scanned;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/** The prompt's commands. */
@Component
public class ReportCommands {

    @Command(name = "report", description = "Prints the report")
    public String report() {
        return "report";
    }
}
