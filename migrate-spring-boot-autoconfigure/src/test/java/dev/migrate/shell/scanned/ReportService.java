package dev.migrate.shell.scanned;

import org.springframework.stereotype.Service;

/** The application's own work, which no command uses. */
@Service
public class ReportService {
}
